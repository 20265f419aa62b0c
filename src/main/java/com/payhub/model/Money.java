package com.payhub.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;

/**
 * An amount in the currency's minor units (fen for CNY) and an ISO 4217 currency code. Never a
 * double: conversions from decimal text go through {@link BigDecimal} and refuse to round.
 */
public record Money(long minor, String currency) {

  public Money {
    Objects.requireNonNull(currency, "currency");
    currency = currency.toUpperCase(Locale.ROOT);
    currencyOf(currency); // rejects codes that are not ISO 4217
  }

  public static Money ofMinor(long minor, String currency) {
    return new Money(minor, currency);
  }

  /**
   * Parses a major-unit decimal such as {@code "100.00"} yuan into minor units (10000 fen).
   *
   * @throws IllegalArgumentException if the text is not a plain decimal, has more decimals than the
   *     currency allows, or does not fit in a long
   */
  public static Money parseMajor(String text, String currency) {
    Currency c = currencyOf(currency);
    if (text == null || !text.matches("-?\\d+(\\.\\d+)?")) {
      throw new IllegalArgumentException("not a plain decimal number: '" + text + "'");
    }
    BigDecimal major = new BigDecimal(text);
    int digits = Math.max(c.getDefaultFractionDigits(), 0);
    if (major.stripTrailingZeros().scale() > digits) {
      throw new IllegalArgumentException(
          "more than " + digits + " decimals for " + c.getCurrencyCode() + ": '" + text + "'");
    }
    try {
      return new Money(major.movePointRight(digits).longValueExact(), c.getCurrencyCode());
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("amount out of range: '" + text + "'", e);
    }
  }

  /** Resolves an ISO 4217 numeric code such as {@code 156} to its alphabetic code ({@code CNY}). */
  public static String currencyForNumericCode(String numeric) {
    if (numeric == null || !numeric.matches("\\d{3}")) {
      throw new IllegalArgumentException("not an ISO 4217 numeric code: '" + numeric + "'");
    }
    int code = Integer.parseInt(numeric);
    return Currency.getAvailableCurrencies().stream()
        // codes without minor units (XXX, XAU, the XFO/XFU that the JDK files under 000) are no
        // money to pay with
        .filter(c -> c.getNumericCode() == code && c.getDefaultFractionDigits() >= 0)
        .map(Currency::getCurrencyCode)
        .sorted()
        .findFirst()
        .orElseThrow(
            () -> new IllegalArgumentException("unknown ISO 4217 numeric code: " + numeric));
  }

  /** The amount as major-unit decimal text, e.g. {@code "100.00"}. */
  public String toMajorString() {
    int digits = Math.max(currencyOf(currency).getDefaultFractionDigits(), 0);
    return BigDecimal.valueOf(minor, digits).toPlainString();
  }

  @JsonIgnore
  public boolean isPositive() {
    return minor > 0;
  }

  private static Currency currencyOf(String code) {
    try {
      return Currency.getInstance(code == null ? "" : code.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not an ISO 4217 currency code: '" + code + "'");
    }
  }
}
