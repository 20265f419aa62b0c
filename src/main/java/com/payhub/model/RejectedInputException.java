package com.payhub.model;

/**
 * An input PayHub refuses. Routes turn it into a problem+json answer (HTTP) or a message on {@code
 * payments.rejected} (queues); it is never retried.
 */
public class RejectedInputException extends RuntimeException {

  private final transient Rejection rejection;

  public RejectedInputException(Rejection rejection) {
    super(rejection.reason() + ": " + rejection.message(), null, false, false);
    this.rejection = rejection;
  }

  public static RejectedInputException of(
      Dialect dialect, RejectReason reason, String field, String message) {
    return new RejectedInputException(Rejection.single(dialect, reason, field, message));
  }

  public Rejection rejection() {
    return rejection;
  }
}
