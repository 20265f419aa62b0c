package com.payhub.channel.alipay;

/**
 * An Alipay message whose signature cannot be trusted: reject it (answer anything but {@code
 * success} to a notification, so Alipay resends), never retry it as is. {@link #reason()} says why;
 * the message never contains keys, signatures or strings-to-sign.
 */
public class AlipaySignatureException extends RuntimeException {

  /** Why a message was refused. */
  public enum Reason {
    /** No {@code sign}, or a blank one. */
    MISSING_SIGN,
    /** {@code sign_type} absent, unknown, or not one this verifier holds a key for. */
    UNSUPPORTED_SIGN_TYPE,
    /** {@code sign} is not base64 (or not a JSON string in a response). */
    MALFORMED_SIGN,
    /** The {@code charset} parameter names no charset this JVM knows. */
    UNSUPPORTED_CHARSET,
    /** Nothing is left to verify once {@code sign}/{@code sign_type} and empty pairs are gone. */
    NOTHING_SIGNED,
    /** The signature does not verify over the content. */
    SIGNATURE_MISMATCH,
    /** The same parameter name arrived twice in a form. */
    DUPLICATE_PARAMETER,
    /** The response is not one JSON object, or a top-level member appears twice. */
    MALFORMED_RESPONSE,
    /** The response has neither {@code <method>_response} nor {@code error_response}. */
    MISSING_RESPONSE_MEMBER
  }

  private final Reason reason;

  public AlipaySignatureException(Reason reason, String message) {
    super(reason + ": " + message);
    this.reason = reason;
  }

  public AlipaySignatureException(Reason reason, String message, Throwable cause) {
    super(reason + ": " + message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
