package com.payhub.channel.unionpay;

import com.payhub.crypto.DecryptionFailedException;
import com.payhub.crypto.RsaCipher;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Objects;

/**
 * acp 5.1.0 sensitive fields ({@code accNo}, PIN, {@code customerInfo}'s {@code encryptedInfo}):
 * RSA/ECB/PKCS1Padding with UnionPay's encryption certificate, base64, and {@code encryptCertId} =
 * that certificate's decimal serial. Text is encrypted as UTF-8 (the SDK uses the message's {@code
 * encoding}; the values are ASCII digits in practice). The decrypting side is for the sandbox,
 * which plays UnionPay and holds the private key. Never log what goes in or comes out.
 */
public final class UnionPaySensitiveFields {

  private final RsaCipher cipher;
  private final String encryptCertId;

  private UnionPaySensitiveFields(RsaCipher cipher, String encryptCertId) {
    this.cipher = cipher;
    this.encryptCertId = encryptCertId;
  }

  /** Encrypts for UnionPay with its encryption certificate ({@code acpsdk.encryptCert}). */
  public static UnionPaySensitiveFields encryptingFor(X509Certificate encryptionCertificate) {
    Objects.requireNonNull(
        encryptionCertificate, "the UnionPay encryption certificate is not configured");
    return new UnionPaySensitiveFields(
        RsaCipher.pkcs1(encryptionCertificate.getPublicKey(), null),
        UnionPayCertificates.certId(encryptionCertificate));
  }

  /** The sandbox side: the encryption certificate with its private key, both directions. */
  public static UnionPaySensitiveFields withPrivateKey(
      X509Certificate encryptionCertificate, PrivateKey privateKey) {
    Objects.requireNonNull(privateKey, "the encryption private key is not configured");
    return new UnionPaySensitiveFields(
        RsaCipher.pkcs1(encryptionCertificate.getPublicKey(), privateKey),
        UnionPayCertificates.certId(encryptionCertificate));
  }

  /** The value for {@code encryptCertId}: the encryption certificate's serial in decimal. */
  public String encryptCertId() {
    return encryptCertId;
  }

  /** {@code accNo}, {@code encryptedInfo} and other text fields. */
  public String encrypt(String plaintext) {
    Objects.requireNonNull(plaintext, "nothing to encrypt");
    return base64(cipher.encrypt(plaintext.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * @throws DecryptionFailedException when the text is not base64 or does not decrypt
   */
  public String decrypt(String base64) {
    return new String(cipher.decrypt(unbase64(base64)), StandardCharsets.UTF_8);
  }

  /** The PIN as a format 0 PIN block bound to {@code accNo}, encrypted (acp {@code encryptPin}). */
  public String encryptPin(String pin, String accNo) {
    return base64(cipher.encrypt(UnionPayPinBlock.encode(pin, accNo)));
  }

  /**
   * @throws DecryptionFailedException when it does not decrypt to a PIN block for {@code accNo}
   */
  public String decryptPin(String base64, String accNo) {
    try {
      return UnionPayPinBlock.decode(cipher.decrypt(unbase64(base64)), accNo);
    } catch (IllegalArgumentException e) {
      throw new DecryptionFailedException("not an encrypted PIN block for this card", e);
    }
  }

  private static String base64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  private static byte[] unbase64(String text) {
    try {
      return Base64.getDecoder().decode(text == null ? "" : text.trim());
    } catch (IllegalArgumentException e) {
      throw new DecryptionFailedException("encrypted field is not base64", e);
    }
  }
}
