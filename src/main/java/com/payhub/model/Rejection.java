package com.payhub.model;

import java.util.List;

/**
 * Why an input was refused: the leading reason, a sentence for humans, the dialect it came in and
 * every field error found.
 */
public record Rejection(
    RejectReason reason, String message, Dialect dialect, List<FieldError> errors) {

  public Rejection {
    errors = errors == null ? List.of() : List.copyOf(errors);
  }

  /** One problem with one field; {@code field} is the name in the input's own dialect. */
  public record FieldError(String field, RejectReason reason, String message) {}

  /** A rejection led by the first of the given errors. */
  public static Rejection of(Dialect dialect, List<FieldError> errors) {
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("a rejection needs at least one error");
    }
    FieldError first = errors.get(0);
    String message =
        errors.size() == 1
            ? first.message()
            : first.message() + " (and " + (errors.size() - 1) + " more problem(s))";
    return new Rejection(first.reason(), message, dialect, errors);
  }

  public static Rejection single(
      Dialect dialect, RejectReason reason, String field, String message) {
    return of(dialect, List.of(new FieldError(field, reason, message)));
  }
}
