package com.payhub.crypto;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 as both signer and verifier; verification compares in constant time. */
public final class HmacSha256 implements Signer, Verifier {

  private final SecretKeySpec key;

  public HmacSha256(byte[] key) {
    if (key == null || key.length == 0) {
      throw new IllegalArgumentException("an HMAC key must not be empty");
    }
    this.key = new SecretKeySpec(key, "HmacSHA256");
  }

  @Override
  public String algorithm() {
    return "HmacSHA256";
  }

  @Override
  public byte[] sign(byte[] message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac.doFinal(message);
    } catch (GeneralSecurityException e) {
      throw new CryptoException("HmacSHA256 failed", e);
    }
  }

  @Override
  public boolean verify(byte[] message, byte[] signature) {
    return signature != null && MessageDigest.isEqual(sign(message), signature);
  }
}
