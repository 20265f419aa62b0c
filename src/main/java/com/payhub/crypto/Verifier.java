package com.payhub.crypto;

/**
 * Checks a signature over bytes with one key and one algorithm. Implementations are thread-safe.
 */
public interface Verifier {

  String algorithm();

  /** True only for a valid signature; a malformed signature is false, never an exception. */
  boolean verify(byte[] message, byte[] signature);
}
