package com.payhub.channel;

/**
 * A verified notification that does not match the ledger: nothing changes, no event is published,
 * and the channel is answered with its own failure format and {@link Reason#httpStatus}, so that a
 * real channel resends (and a person looks) rather than the hub guessing.
 */
public class NotificationRefusedException extends RuntimeException {

  /** Why, and the HTTP status a channel that reads statuses gets. */
  public enum Reason {
    /** No payment (or refund) with that order number for that merchant account. */
    UNKNOWN_ORDER(404),
    /** The notification names another merchant account than the payment's. */
    MERCHANT_MISMATCH(400),
    /** The amount differs from the payment's (or refund's). */
    AMOUNT_MISMATCH(400),
    /** Sent longer ago (or further ahead) than the freshness window allows. */
    STALE(400),
    /** The notification lacks a field the hub needs, or it cannot be read. */
    MALFORMED(400);

    private final int httpStatus;

    Reason(int httpStatus) {
      this.httpStatus = httpStatus;
    }

    public int httpStatus() {
      return httpStatus;
    }
  }

  private final Reason reason;

  public NotificationRefusedException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
