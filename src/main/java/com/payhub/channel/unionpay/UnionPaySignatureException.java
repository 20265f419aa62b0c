package com.payhub.channel.unionpay;

/**
 * A UnionPay message whose signature PayHub does not accept. Never retry the message: reject it
 * (for a backUrl notification answer non-200 so UnionPay resends). CERT_CHAIN_INVALID and
 * CERT_OWNER_MISMATCH on real traffic usually mean UnionPay rotated its certificates or the
 * configured root/middle are for the wrong environment: alert an operator.
 */
public class UnionPaySignatureException extends RuntimeException {

  /** Why the message was refused. */
  public enum Reason {
    /** No {@code signature} field, or a blank one. */
    MISSING_SIGNATURE,
    /** {@code signMethod} is absent or unknown, or not usable here (version, secure key). */
    UNSUPPORTED_SIGN_METHOD,
    /** {@code signPubKeyCert} is missing or is not an X.509 certificate. */
    CERT_MALFORMED,
    CERT_EXPIRED,
    CERT_NOT_YET_VALID,
    /** Does not chain to the configured middle and root certificates. */
    CERT_CHAIN_INVALID,
    /** The CN does not name an accepted owner. */
    CERT_OWNER_MISMATCH,
    /** The signature does not match the fields. */
    SIGNATURE_INVALID
  }

  private final Reason reason;

  public UnionPaySignatureException(Reason reason, String message) {
    this(reason, message, null);
  }

  public UnionPaySignatureException(Reason reason, String message, Throwable cause) {
    super(reason + ": " + message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
