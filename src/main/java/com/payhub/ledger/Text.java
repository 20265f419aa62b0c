package com.payhub.ledger;

/** Fits free text from channels and callers into the ledger's bounded columns. */
final class Text {

  private Text() {}

  static String clip(String value, int max) {
    if (value == null || value.length() <= max) {
      return value;
    }
    return value.substring(0, max - 1) + "…";
  }
}
