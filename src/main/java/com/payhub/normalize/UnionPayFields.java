package com.payhub.normalize;

import com.payhub.model.Money;
import com.payhub.model.RejectReason;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Access to the form fields of one UnionPay acp input, recording problems in FieldErrors. */
final class UnionPayFields {

  static final DateTimeFormatter TXN_TIME =
      DateTimeFormatter.ofPattern("uuuuMMddHHmmss").withResolverStyle(ResolverStyle.STRICT);

  private final Map<String, String> form;
  private final FieldErrors errors;
  private final Set<String> consumed = new HashSet<>();

  UnionPayFields(Map<String, String> form, FieldErrors errors) {
    this.form = form;
    this.errors = errors;
  }

  /** The value, or null when absent or blank (acp treats blank values as absent). */
  String optional(String name) {
    String value = form.get(name);
    return value == null || value.isBlank() ? null : value;
  }

  String required(String name) {
    return errors.require(name, form.get(name));
  }

  /** Like {@link #optional} and marks the field as mapped, so it is not kept in attributes. */
  String take(String name) {
    consumed.add(name);
    return optional(name);
  }

  String takeRequired(String name) {
    consumed.add(name);
    return required(name);
  }

  /** {@code txnTime}: required, {@code yyyyMMddHHmmss} and a real date-time. */
  void txnTime() {
    String text = required("txnTime");
    if (text == null) {
      return;
    }
    try {
      if (!text.matches("\\d{14}")) {
        throw new DateTimeParseException("not 14 digits", text, 0);
      }
      LocalDateTime.parse(text, TXN_TIME);
    } catch (DateTimeParseException e) {
      errors.add(
          "txnTime",
          RejectReason.INVALID_FIELD,
          "'txnTime' must be a valid date-time as yyyyMMddHHmmss, was '" + text + "'");
    }
  }

  /**
   * {@code txnAmt} (digits in fen, greater than zero) in {@code currencyCode} (ISO 4217 numeric);
   * both required. Returns null after recording the problems.
   */
  Money amount() {
    String txnAmt = takeRequired("txnAmt");
    String code = takeRequired("currencyCode");
    Long minor = null;
    if (txnAmt != null) {
      try {
        minor = txnAmt.matches("\\d+") ? Long.parseLong(txnAmt) : null;
      } catch (NumberFormatException e) {
        minor = null; // beyond a long
      }
      if (minor == null || minor <= 0) {
        errors.add(
            "txnAmt",
            RejectReason.INVALID_AMOUNT,
            "'txnAmt' must be a positive whole number of fen (digits only), was '" + txnAmt + "'");
        minor = null;
      }
    }
    String currency = null;
    if (code != null) {
      if (!code.matches("\\d{3}")) {
        errors.add(
            "currencyCode",
            RejectReason.INVALID_FIELD,
            "'currencyCode' must be an ISO 4217 numeric code such as 156, was '" + code + "'");
      } else {
        currency = currency(code);
      }
    }
    return minor == null || currency == null ? null : Money.ofMinor(minor, currency);
  }

  private String currency(String numeric) {
    try {
      // 000 is no ISO 4217 code, though the JDK gives it to the old gold and UIC francs
      if (Integer.parseInt(numeric) != 0) {
        return Money.currencyForNumericCode(numeric);
      }
    } catch (IllegalArgumentException e) {
      // fall through
    }
    errors.add(
        "currencyCode",
        RejectReason.UNSUPPORTED_CURRENCY,
        "'currencyCode' " + numeric + " is not a known ISO 4217 currency");
    return null;
  }

  Set<String> consumed() {
    return consumed;
  }
}
