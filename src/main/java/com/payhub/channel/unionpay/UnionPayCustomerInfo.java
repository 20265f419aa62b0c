package com.payhub.channel.unionpay;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The {@code customerInfo} field in the encrypted form of acp 5.1.0 ({@code
 * AcpService.getCustomerInfoWithEncrypt}): base64 of {@code {k=v&k=v&encryptedInfo=…}} where {@code
 * phoneNo}, {@code cvn2} and {@code expired} are joined as {@code k=v&…} and encrypted together
 * into {@code encryptedInfo} (last), {@code pin} becomes an encrypted PIN block, and the rest stay
 * plain, in the caller's map order (pass a LinkedHashMap). The SDK's older unencrypted form (for
 * merchants without the encryption permission) is not produced, but {@link #decode} reads it.
 */
public final class UnionPayCustomerInfo {

  static final Set<String> ENCRYPTED = Set.of("phoneNo", "cvn2", "expired");
  static final String ENCRYPTED_INFO = "encryptedInfo";

  private UnionPayCustomerInfo() {}

  /**
   * @param accNo the card number, required when {@code info} has a {@code pin}
   * @throws IllegalArgumentException when {@code info} is empty (the SDK then sends a bare {@code
   *     {}}, which UnionPay would not accept either) or a PIN comes without card number
   */
  public static String encode(
      Map<String, String> info, String accNo, UnionPaySensitiveFields encryption) {
    if (info.isEmpty()) {
      throw new IllegalArgumentException("customerInfo needs at least one field");
    }
    StringBuilder plain = new StringBuilder("{");
    StringBuilder secret = new StringBuilder();
    info.forEach(
        (key, value) -> {
          Objects.requireNonNull(value, () -> "customerInfo." + key + " is null");
          if (ENCRYPTED.contains(key)) {
            secret.append(key).append('=').append(value).append('&');
          } else if (key.equals("pin")) {
            if (accNo == null || accNo.isBlank()) {
              throw new IllegalArgumentException("a PIN in customerInfo needs the card number");
            }
            plain.append("pin=").append(encryption.encryptPin(value, accNo.trim())).append('&');
          } else {
            plain.append(key).append('=').append(value).append('&');
          }
        });
    if (secret.length() > 0) {
      secret.setLength(secret.length() - 1);
      plain.append(ENCRYPTED_INFO).append('=').append(encryption.encrypt(secret.toString()));
    } else {
      plain.setLength(plain.length() - 1);
    }
    plain.append('}');
    return Base64.getEncoder().encodeToString(plain.toString().getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Reads a {@code customerInfo} (acp {@code parseCustomerInfo}): the fields of {@code
   * encryptedInfo} are decrypted and merged in; a {@code pin} stays encrypted (see {@link
   * UnionPaySensitiveFields#decryptPin}).
   *
   * @param decryption may be null when no {@code encryptedInfo} is expected
   * @throws IllegalArgumentException when the text is not a base64 {@code {…}} block
   */
  public static Map<String, String> decode(
      String customerInfo, UnionPaySensitiveFields decryption) {
    String text;
    try {
      text = new String(Base64.getDecoder().decode(customerInfo.trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("customerInfo is not base64", e);
    }
    if (text.length() < 2 || text.charAt(0) != '{' || text.charAt(text.length() - 1) != '}') {
      throw new IllegalArgumentException("customerInfo is not a {k=v&…} block");
    }
    Map<String, String> fields = parse(text.substring(1, text.length() - 1));
    String encrypted = fields.remove(ENCRYPTED_INFO);
    if (encrypted != null) {
      Objects.requireNonNull(decryption, "customerInfo has encryptedInfo but no key to decrypt it");
      fields.putAll(parse(decryption.decrypt(encrypted)));
    }
    return fields;
  }

  /**
   * acp {@code parseQString}: {@code k=v} pairs split on {@code &}, except inside a value's {@code
   * {…}} or {@code […]}; a trailing name without {@code =} gets an empty value.
   */
  static Map<String, String> parse(String text) {
    Map<String, String> fields = new LinkedHashMap<>();
    StringBuilder current = new StringBuilder();
    String key = null;
    char closing = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (key == null) {
        if (c == '=') {
          key = name(current);
          current.setLength(0);
        } else {
          current.append(c);
        }
        continue;
      }
      if (closing != 0) {
        closing = c == closing ? 0 : closing;
      } else if (c == '{' || c == '[') {
        closing = c == '{' ? '}' : ']';
      }
      if (c == '&' && closing == 0) {
        fields.put(key, current.toString());
        key = null;
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    if (key != null) {
      fields.put(key, current.toString());
    } else if (!text.isEmpty()) {
      fields.put(name(current), "");
    }
    return fields;
  }

  private static String name(CharSequence text) {
    if (text.length() == 0) {
      throw new IllegalArgumentException("customerInfo has a field without name");
    }
    return text.toString();
  }
}
