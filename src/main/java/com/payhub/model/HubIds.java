package com.payhub.model;

import java.security.SecureRandom;

/**
 * Issues hub payment ids: {@code P} + 26 Crockford base32 characters (48-bit millisecond time, 80
 * random bits). Time-ordered, and short and alphanumeric enough to serve as an order number at
 * every channel (WeChat allows 32, UnionPay 8–40 alphanumerics).
 */
public final class HubIds {

  private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  private HubIds() {}

  /** A payment id: {@code P} + time + randomness. */
  public static String payment() {
    return next('P', System.currentTimeMillis());
  }

  /** An id with another prefix letter (the ledger's history 'H', refusal 'X', refund 'R' rows). */
  public static String next(char prefix) {
    return next(prefix, System.currentTimeMillis());
  }

  static String next(char prefix, long epochMillis) {
    byte[] random = new byte[10];
    RANDOM.nextBytes(random);
    char[] out = new char[27];
    out[0] = prefix;
    long time = epochMillis & 0xFFFF_FFFF_FFFFL;
    for (int i = 10; i >= 1; i--) { // 10 chars x 5 bits = 50 bits >= 48
      out[i] = ALPHABET[(int) (time & 31)];
      time >>>= 5;
    }
    long hi = 0;
    for (int i = 0; i < 5; i++) {
      hi = (hi << 8) | (random[i] & 0xFF);
    }
    long lo = 0;
    for (int i = 5; i < 10; i++) {
      lo = (lo << 8) | (random[i] & 0xFF);
    }
    for (int i = 18; i >= 11; i--) { // 8 chars x 5 bits = 40 bits
      out[i] = ALPHABET[(int) (hi & 31)];
      hi >>>= 5;
    }
    for (int i = 26; i >= 19; i--) {
      out[i] = ALPHABET[(int) (lo & 31)];
      lo >>>= 5;
    }
    return new String(out);
  }
}
