package com.payhub.crypto;

/**
 * A configured key file is missing, unreadable or holds the wrong thing. The message is one
 * sentence naming the configuration property and the path, never key material: fix the Secret or
 * the configuration and restart (at start-up) or replace the file (a reload keeps the previous
 * keys).
 */
public class KeyLoadException extends CryptoException {

  public KeyLoadException(String message) {
    super(message);
  }

  public KeyLoadException(String message, Throwable cause) {
    super(message, cause);
  }
}
