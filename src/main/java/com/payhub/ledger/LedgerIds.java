package com.payhub.ledger;

import java.security.SecureRandom;

/**
 * Ids the ledger issues itself (refunds without a hub id, history and refusal rows): a prefix
 * letter + 10 Crockford base32 characters of millisecond time + 16 of randomness (80 bits), 27 in
 * all: time-ordered, unique without a database sequence, and portable across H2 and PostgreSQL.
 */
final class LedgerIds {

  private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  private LedgerIds() {}

  static String next(char prefix) {
    char[] out = new char[27];
    out[0] = prefix;
    long time = System.currentTimeMillis() & 0xFFFF_FFFF_FFFFL;
    for (int i = 10; i >= 1; i--) {
      out[i] = ALPHABET[(int) (time & 31)];
      time >>>= 5;
    }
    long hi = RANDOM.nextLong() & 0xFF_FFFF_FFFFL; // 2 x 40 random bits, 8 characters each
    long lo = RANDOM.nextLong() & 0xFF_FFFF_FFFFL;
    for (int i = 18; i >= 11; i--) {
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
