package com.payhub.crypto;

/** Public-key encryption of short values (sensitive fields). */
public interface AsymmetricCipher {

  String transformation();

  /** Encrypts with the public key. */
  byte[] encrypt(byte[] plaintext);

  /**
   * Decrypts with the private key.
   *
   * @throws DecryptionFailedException when the input does not decrypt
   */
  byte[] decrypt(byte[] ciphertext);
}
