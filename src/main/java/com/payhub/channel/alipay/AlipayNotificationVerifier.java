package com.payhub.channel.alipay;

import com.payhub.channel.alipay.AlipaySignatureException.Reason;
import com.payhub.crypto.Verifier;
import java.nio.charset.Charset;
import java.security.PublicKey;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * Verifies Alipay async notifications: {@link AlipaySignContent#forNotification} (no {@code sign},
 * no {@code sign_type}) over the form values as decoded once, in the bytes of the notification's
 * {@code charset}, with the algorithm its {@code sign_type} names, if this verifier holds a key for
 * it. The caller's map is never modified. Thread-safe.
 *
 * <p>Values must be exactly the decoded form values: decoding twice (a {@code +} or {@code %xx}
 * inside a value) or HTML-escaping them (e.g. {@code fund_bill_list}) breaks the signature, as it
 * should. Extra route parameters must not be mixed into the map: they would be signed content.
 */
public final class AlipayNotificationVerifier {

  private final Map<AlipaySignType, Verifier> verifiers;

  /** One Alipay public key per accepted sign type; a type without a key is refused. */
  public AlipayNotificationVerifier(Map<AlipaySignType, PublicKey> keys) {
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("an Alipay notification verifier needs at least one key");
    }
    Map<AlipaySignType, Verifier> v = new EnumMap<>(AlipaySignType.class);
    keys.forEach((type, key) -> v.put(type, type.verifier(key)));
    this.verifiers = v;
  }

  /** Accepts RSA2 only: the usual production set-up with Alipay's RSA public key. */
  public static AlipayNotificationVerifier rsa2(PublicKey alipayPublicKey) {
    return new AlipayNotificationVerifier(Map.of(AlipaySignType.RSA2, alipayPublicKey));
  }

  /**
   * @throws AlipaySignatureException with the reason the notification cannot be trusted
   */
  public AlipayNotification verify(Map<String, String> fields) {
    Map<String, String> copy = new HashMap<>(); // later changes to theirs cannot reach us
    fields.forEach(
        (k, v) -> {
          if (k != null && v != null) {
            copy.put(k, v); // a null is empty: never signed, nothing to keep
          }
        });
    String declared = copy.get("sign_type");
    AlipaySignType type =
        AlipaySignType.parse(declared)
            .filter(verifiers::containsKey)
            .orElseThrow(
                () ->
                    new AlipaySignatureException(
                        Reason.UNSUPPORTED_SIGN_TYPE, "sign_type is absent or not accepted here"));
    byte[] signature = AlipaySignatureCheck.decodeSign(copy.get("sign"));
    Charset charset =
        AlipayCharsets.resolve(copy.get("charset"))
            .orElseThrow(
                () ->
                    new AlipaySignatureException(
                        Reason.UNSUPPORTED_CHARSET, "the charset parameter is not known"));
    String content = AlipaySignContent.forNotification(copy);
    if (content.isEmpty()) {
      throw new AlipaySignatureException(Reason.NOTHING_SIGNED, "the notification has no fields");
    }
    if (!AlipaySignatureCheck.verifies(verifiers.get(type), content, charset, signature)) {
      throw AlipaySignatureCheck.mismatch("notification");
    }
    copy.remove("sign");
    return new AlipayNotification(type, copy);
  }

  /** True when {@link #verify} would succeed. */
  public boolean isValid(Map<String, String> fields) {
    try {
      verify(fields);
      return true;
    } catch (AlipaySignatureException e) {
      return false;
    }
  }
}
