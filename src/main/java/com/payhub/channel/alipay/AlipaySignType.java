package com.payhub.channel.alipay;

import com.payhub.crypto.JcaSigner;
import com.payhub.crypto.JcaVerifier;
import com.payhub.crypto.RsaHash;
import com.payhub.crypto.Signer;
import com.payhub.crypto.Verifier;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Optional;

/**
 * Alipay's {@code sign_type} values. Names match case-sensitively, as the SDK's {@code
 * AsymmetricManager.getByName} does ({@code rsa2} is unknown there too).
 */
public enum AlipaySignType {
  /** SHA256withRSA, the current default. */
  RSA2,
  /** SHA1withRSA, legacy. */
  RSA,
  /**
   * SM3withSM2 with the GM/T 0009 default user id, DER-encoded (r, s), as the SDK's SM2Encryptor.
   */
  SM2;

  /** The user id the SDK's {@code SM2Encryptor} always signs and verifies with. */
  static final byte[] SM2_USER_ID = "1234567812345678".getBytes(StandardCharsets.US_ASCII);

  /** The value of the {@code sign_type} parameter. */
  public String wireName() {
    return name();
  }

  public static Optional<AlipaySignType> parse(String signType) {
    if (signType != null) {
      for (AlipaySignType t : values()) {
        if (t.wireName().equals(signType)) {
          return Optional.of(t);
        }
      }
    }
    return Optional.empty();
  }

  public Signer signer(PrivateKey key) {
    return switch (this) {
      case RSA2 -> JcaSigner.rsa(RsaHash.SHA256, key);
      case RSA -> JcaSigner.rsa(RsaHash.SHA1, key);
      case SM2 -> JcaSigner.sm2(key, SM2_USER_ID.clone());
    };
  }

  public Verifier verifier(PublicKey key) {
    return switch (this) {
      case RSA2 -> JcaVerifier.rsa(RsaHash.SHA256, key);
      case RSA -> JcaVerifier.rsa(RsaHash.SHA1, key);
      case SM2 -> JcaVerifier.sm2(key, SM2_USER_ID.clone());
    };
  }
}
