package com.payhub.crypto;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import javax.crypto.Cipher;

/**
 * RSA encryption of sensitive fields: OAEP with SHA-1/MGF1 (WeChat Pay v3) or PKCS#1 v1.5
 * (UnionPay). Either key may be null when only one direction is needed.
 */
public final class RsaCipher implements AsymmetricCipher {

  public static final String OAEP_SHA1 = "RSA/ECB/OAEPWithSHA-1AndMGF1Padding";
  public static final String PKCS1 = "RSA/ECB/PKCS1Padding";

  private final String transformation;
  private final PublicKey publicKey;
  private final PrivateKey privateKey;

  public RsaCipher(String transformation, PublicKey publicKey, PrivateKey privateKey) {
    this.transformation = transformation;
    this.publicKey = publicKey;
    this.privateKey = privateKey;
  }

  public static RsaCipher oaep(PublicKey publicKey, PrivateKey privateKey) {
    return new RsaCipher(OAEP_SHA1, publicKey, privateKey);
  }

  public static RsaCipher pkcs1(PublicKey publicKey, PrivateKey privateKey) {
    return new RsaCipher(PKCS1, publicKey, privateKey);
  }

  @Override
  public String transformation() {
    return transformation;
  }

  @Override
  public byte[] encrypt(byte[] plaintext) {
    if (publicKey == null) {
      throw new CryptoException(transformation + ": no public key to encrypt with");
    }
    try {
      Cipher c = Cipher.getInstance(transformation);
      c.init(Cipher.ENCRYPT_MODE, publicKey);
      return c.doFinal(plaintext);
    } catch (GeneralSecurityException e) {
      throw new CryptoException(
          transformation + " encryption failed: " + e.getClass().getSimpleName(), e);
    }
  }

  @Override
  public byte[] decrypt(byte[] ciphertext) {
    if (privateKey == null) {
      throw new CryptoException(transformation + ": no private key to decrypt with");
    }
    Cipher c;
    try {
      c = Cipher.getInstance(transformation);
      c.init(Cipher.DECRYPT_MODE, privateKey);
    } catch (GeneralSecurityException e) {
      // our key or provider is wrong, not the message: do not reject input for it
      throw new CryptoException(
          transformation + " cannot decrypt with this key: " + e.getClass().getSimpleName(), e);
    }
    if (ciphertext == null || ciphertext.length == 0) {
      throw new DecryptionFailedException(transformation + " ciphertext is empty");
    }
    try {
      return c.doFinal(ciphertext);
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new DecryptionFailedException(transformation + " decryption failed", e);
    }
  }
}
