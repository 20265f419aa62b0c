package com.payhub.channel.wechatpay;

import com.payhub.crypto.DecryptionFailedException;
import com.payhub.crypto.KeyEntry;
import com.payhub.crypto.RsaCipher;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.util.Base64;
import java.util.Objects;

/**
 * Sensitive request fields (names, ID numbers, phone numbers) for WeChat Pay v3:
 * RSA/ECB/OAEPWithSHA-1AndMGF1Padding with a platform public key, base64. The request must then
 * carry {@code Wechatpay-Serial} naming that key, or WeChat cannot decrypt it.
 */
public final class WechatPaySensitiveField {

  /** A ciphertext and the {@code Wechatpay-Serial} header value that must go with it. */
  public record Encrypted(String ciphertext, String wechatpaySerial) {}

  private final String serial;
  private final RsaCipher cipher;

  /**
   * @param platformKey a platform key: keyId is its certificate serial or {@code PUB_KEY_ID_…}
   */
  public WechatPaySensitiveField(KeyEntry platformKey) {
    Objects.requireNonNull(platformKey, "platformKey");
    if (platformKey.publicKey() == null) {
      throw new IllegalArgumentException(
          "platform key " + platformKey.keyId() + " has no public key");
    }
    this.serial =
        platformKey.certificate() != null
            ? WechatPaySerials.of(platformKey.certificate())
            : platformKey.keyId();
    this.cipher = RsaCipher.oaep(platformKey.publicKey(), null);
  }

  public Encrypted encrypt(String plaintext) {
    byte[] sealed = cipher.encrypt(plaintext.getBytes(StandardCharsets.UTF_8));
    return new Encrypted(Base64.getEncoder().encodeToString(sealed), serial);
  }

  /** The {@code Wechatpay-Serial} header value for requests carrying fields from this key. */
  public String wechatpaySerial() {
    return serial;
  }

  /**
   * WeChat's side (the sandbox): decrypts a field with the platform private key.
   *
   * @throws DecryptionFailedException when the text is not base64 or does not decrypt
   */
  public static String decrypt(PrivateKey platformPrivateKey, String ciphertext) {
    byte[] sealed;
    try {
      sealed = Base64.getDecoder().decode(ciphertext);
    } catch (IllegalArgumentException e) {
      throw new DecryptionFailedException("sensitive field is not base64", e);
    }
    byte[] plain = RsaCipher.oaep(null, platformPrivateKey).decrypt(sealed);
    return new String(plain, StandardCharsets.UTF_8);
  }
}
