package com.payhub.fault;

import java.util.concurrent.ThreadLocalRandom;

/** Order number prefixes unique per run: letters and digits only, as every channel allows. */
final class RunIds {

  private RunIds() {}

  /** Six random base-36 characters, upper case. */
  static String next() {
    String digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 6; i++) {
      b.append(digits.charAt(ThreadLocalRandom.current().nextInt(digits.length())));
    }
    return b.toString();
  }
}
