package com.payhub.crypto;

/** The hashes PayHub signs RSA with: SHA-256 (current), SHA-1 (legacy verification only). */
public enum RsaHash {
  SHA256("SHA256withRSA"),
  SHA1("SHA1withRSA");

  private final String algorithm;

  RsaHash(String algorithm) {
    this.algorithm = algorithm;
  }

  public String algorithm() {
    return algorithm;
  }
}
