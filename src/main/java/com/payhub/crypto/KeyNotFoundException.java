package com.payhub.crypto;

/** No credential or key with the requested id: a signature naming it cannot be trusted. */
public class KeyNotFoundException extends CryptoException {

  public KeyNotFoundException(String message) {
    super(message);
  }
}
