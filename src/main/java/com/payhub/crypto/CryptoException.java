package com.payhub.crypto;

/** A cryptographic operation could not run (bad key, missing algorithm). Not a verdict on input. */
public class CryptoException extends RuntimeException {

  public CryptoException(String message, Throwable cause) {
    super(message, cause);
  }

  public CryptoException(String message) {
    super(message);
  }
}
