package com.payhub.crypto;

/** Authenticated encryption with associated data; the tag is appended to the ciphertext. */
public interface AeadCipher {

  byte[] encrypt(byte[] nonce, byte[] associatedData, byte[] plaintext);

  /**
   * @throws DecryptionFailedException when the tag does not verify (wrong key, nonce, data or AAD)
   */
  byte[] decrypt(byte[] nonce, byte[] associatedData, byte[] ciphertextAndTag);
}
