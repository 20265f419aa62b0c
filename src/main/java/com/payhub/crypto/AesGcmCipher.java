package com.payhub.crypto;

import java.security.GeneralSecurityException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-GCM with a 128-bit tag appended to the ciphertext (WeChat's AEAD_AES_256_GCM; the hub seal).
 */
public final class AesGcmCipher implements AeadCipher {

  private static final int TAG_BITS = 128;
  private final SecretKeySpec key;

  public AesGcmCipher(byte[] key) {
    if (key == null || (key.length != 16 && key.length != 24 && key.length != 32)) {
      throw new IllegalArgumentException(
          "an AES key is 16, 24 or 32 bytes, not " + (key == null ? "null" : key.length));
    }
    this.key = new SecretKeySpec(key, "AES");
  }

  @Override
  public byte[] encrypt(byte[] nonce, byte[] associatedData, byte[] plaintext) {
    try {
      return cipher(Cipher.ENCRYPT_MODE, nonce, associatedData).doFinal(plaintext);
    } catch (GeneralSecurityException e) {
      throw new CryptoException("AES-GCM encryption failed", e);
    }
  }

  @Override
  public byte[] decrypt(byte[] nonce, byte[] associatedData, byte[] ciphertextAndTag) {
    // input from a message: a missing nonce or a text shorter than the tag is a rejection, not a
    // bug (the JDK throws ProviderException or IllegalArgumentException for these)
    if (nonce == null || nonce.length == 0) {
      throw new DecryptionFailedException("AES-GCM nonce is missing");
    }
    if (ciphertextAndTag == null || ciphertextAndTag.length < TAG_BITS / 8) {
      throw new DecryptionFailedException("AES-GCM input is shorter than its tag");
    }
    try {
      return cipher(Cipher.DECRYPT_MODE, nonce, associatedData).doFinal(ciphertextAndTag);
    } catch (AEADBadTagException e) {
      throw new DecryptionFailedException("AES-GCM tag does not verify", e);
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new DecryptionFailedException(
          "AES-GCM decryption failed: " + e.getClass().getSimpleName(), e);
    }
  }

  private Cipher cipher(int mode, byte[] nonce, byte[] aad) throws GeneralSecurityException {
    Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
    c.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
    if (aad != null && aad.length > 0) {
      c.updateAAD(aad);
    }
    return c;
  }
}
