package com.payhub.normalize;

import com.payhub.model.Dialect;
import com.payhub.model.Money;
import com.payhub.model.RejectReason;
import com.payhub.model.RejectedInputException;
import com.payhub.model.Rejection;
import com.payhub.model.Rejection.FieldError;
import java.util.ArrayList;
import java.util.List;

/** Collects every field error of one input so the sender sees all of them at once. */
public final class FieldErrors {

  private final Dialect dialect;
  private final List<FieldError> errors = new ArrayList<>();

  public FieldErrors(Dialect dialect) {
    this.dialect = dialect;
  }

  public void add(String field, RejectReason reason, String message) {
    errors.add(new FieldError(field, reason, message));
  }

  /** Returns the value if it is present and not blank; records MISSING_FIELD otherwise. */
  public String require(String field, String value) {
    if (value == null || value.isBlank()) {
      add(field, RejectReason.MISSING_FIELD, "'" + field + "' is required");
      return null;
    }
    return value;
  }

  /**
   * Parses a major-unit decimal amount ({@code "100.00"}) that must be positive; records
   * INVALID_AMOUNT and returns null otherwise.
   */
  public Money positiveMajorAmount(String field, String text, String currency) {
    if (text == null || text.isBlank()) {
      add(field, RejectReason.MISSING_FIELD, "'" + field + "' is required");
      return null;
    }
    try {
      Money m = Money.parseMajor(text.trim(), currency);
      if (!m.isPositive()) {
        add(
            field,
            RejectReason.INVALID_AMOUNT,
            "'" + field + "' must be greater than zero, was " + text);
        return null;
      }
      return m;
    } catch (IllegalArgumentException e) {
      add(
          field,
          RejectReason.INVALID_AMOUNT,
          "'" + field + "' is not a valid amount: " + e.getMessage());
      return null;
    }
  }

  public boolean isEmpty() {
    return errors.isEmpty();
  }

  /** Throws a {@link RejectedInputException} carrying all errors, if there are any. */
  public void throwIfAny() {
    if (!errors.isEmpty()) {
      throw new RejectedInputException(Rejection.of(dialect, errors));
    }
  }
}
