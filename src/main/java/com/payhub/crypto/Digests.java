package com.payhub.crypto;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/** Plain digests the channels build on: SHA-256, SM3, MD5 (WeChat v2 only), SHA-1. */
public final class Digests {

  private Digests() {}

  public static byte[] sha256(byte[] data) {
    return digest("SHA-256", data, false);
  }

  public static byte[] sm3(byte[] data) {
    return digest("SM3", data, true);
  }

  public static byte[] md5(byte[] data) {
    return digest("MD5", data, false);
  }

  public static byte[] sha1(byte[] data) {
    return digest("SHA-1", data, false);
  }

  public static String lowerHex(byte[] data) {
    return HexFormat.of().formatHex(data);
  }

  public static String upperHex(byte[] data) {
    return HexFormat.of().withUpperCase().formatHex(data);
  }

  /** Compares two byte arrays in time independent of where they differ. */
  public static boolean constantTimeEquals(byte[] a, byte[] b) {
    return a != null && b != null && MessageDigest.isEqual(a, b);
  }

  private static byte[] digest(String algorithm, byte[] data, boolean bouncyCastle) {
    try {
      MessageDigest md =
          bouncyCastle
              ? MessageDigest.getInstance(algorithm, Jca.BC)
              : MessageDigest.getInstance(algorithm);
      return md.digest(data);
    } catch (GeneralSecurityException e) {
      throw new CryptoException(algorithm + " is not available", e);
    }
  }
}
