package com.payhub.crypto;

/** Signs bytes with one key and one algorithm. Implementations are thread-safe. */
public interface Signer {

  /** The JCA name of the algorithm, e.g. {@code SHA256withRSA}. */
  String algorithm();

  byte[] sign(byte[] message);
}
