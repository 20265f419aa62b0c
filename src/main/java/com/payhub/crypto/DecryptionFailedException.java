package com.payhub.crypto;

/** Ciphertext that does not decrypt or authenticate: reject the message, do not retry it. */
public class DecryptionFailedException extends CryptoException {

  public DecryptionFailedException(String message) {
    super(message);
  }

  public DecryptionFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
