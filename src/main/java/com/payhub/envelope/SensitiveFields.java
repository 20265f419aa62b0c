package com.payhub.envelope;

import com.payhub.crypto.AesGcmCipher;
import com.payhub.crypto.DecryptionFailedException;
import com.payhub.model.PaymentOrder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Encrypts the sensitive attributes of an order (card numbers, payer ids) with AES-256-GCM so they
 * never sit on a queue in clear text. A value becomes {@code enc:v1:<keyId>:<nonce>:<ciphertext>}
 * (base64url); the associated data binds it to its payment and attribute name, so a ciphertext
 * moved to another order or field does not decrypt.
 */
public final class SensitiveFields {

  static final String PREFIX = "enc:v1:";
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getUrlDecoder();

  private final Set<String> names;

  public SensitiveFields(Set<String> names) {
    this.names = Set.copyOf(names);
  }

  /** The order with every sensitive attribute encrypted under {@code keyId}. */
  public PaymentOrder encrypt(PaymentOrder order, String keyId, byte[] key) {
    AesGcmCipher cipher = new AesGcmCipher(key);
    Map<String, String> out = new LinkedHashMap<>(order.attributes());
    out.replaceAll(
        (name, value) -> {
          if (!names.contains(name) || value == null) {
            return value;
          }
          byte[] nonce = new byte[12];
          RANDOM.nextBytes(nonce);
          byte[] ct =
              cipher.encrypt(nonce, aad(order, name), value.getBytes(StandardCharsets.UTF_8));
          return PREFIX + keyId + ":" + B64.encodeToString(nonce) + ":" + B64.encodeToString(ct);
        });
    return order.withAttributes(out);
  }

  /**
   * The order with its encrypted attributes in clear text; {@code keys} finds an AES key by id.
   *
   * @throws SealRejectedException when a sensitive attribute is in clear text on the queue, or does
   *     not decrypt
   */
  public PaymentOrder decrypt(PaymentOrder order, Function<String, byte[]> keys) {
    Map<String, String> out = new LinkedHashMap<>(order.attributes());
    for (Map.Entry<String, String> e : out.entrySet()) {
      String value = e.getValue();
      boolean encrypted = value != null && value.startsWith(PREFIX);
      if (names.contains(e.getKey()) && !encrypted) {
        throw new SealRejectedException(
            SealRejectedException.Reason.FIELD_UNREADABLE,
            "sensitive attribute '" + e.getKey() + "' arrived in clear text");
      }
      if (encrypted) {
        e.setValue(open(order, e.getKey(), value, keys));
      }
    }
    return order.withAttributes(out);
  }

  private static String open(
      PaymentOrder order, String name, String value, Function<String, byte[]> keys) {
    String[] parts = value.substring(PREFIX.length()).split(":", -1);
    byte[] key = parts.length == 3 ? keys.apply(parts[0]) : null;
    if (key == null) {
      throw new SealRejectedException(
          SealRejectedException.Reason.FIELD_UNREADABLE,
          "attribute '" + name + "' is encrypted under an unknown or malformed key reference");
    }
    try {
      byte[] clear =
          new AesGcmCipher(key)
              .decrypt(B64D.decode(parts[1]), aad(order, name), B64D.decode(parts[2]));
      return new String(clear, StandardCharsets.UTF_8);
    } catch (DecryptionFailedException | IllegalArgumentException e) {
      throw new SealRejectedException(
          SealRejectedException.Reason.FIELD_UNREADABLE,
          "attribute '" + name + "' does not decrypt");
    }
  }

  private static byte[] aad(PaymentOrder order, String name) {
    return (order.paymentId() + "\n" + name).getBytes(StandardCharsets.UTF_8);
  }
}
