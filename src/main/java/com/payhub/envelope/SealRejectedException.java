package com.payhub.envelope;

/**
 * A message on a channel queue that the hub did not seal, or that changed since: it must never
 * reach a channel. {@link #reason()} goes into the rejection headers and the metric tag.
 */
public class SealRejectedException extends RuntimeException {

  /** Why the seal did not open. */
  public enum Reason {
    UNSEALED,
    UNKNOWN_KEY,
    SIGNATURE_INVALID,
    FIELD_UNREADABLE,
    WRONG_CHANNEL
  }

  private final Reason reason;

  public SealRejectedException(Reason reason, String message) {
    super(message, null, false, false);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
