package com.payhub.model;

/**
 * Why an input was refused. The HTTP status is what the HTTP entry points answer; queue inputs
 * carry the code in the {@code PayHubRejectCode} header on {@code payments.rejected}.
 */
public enum RejectReason {
  MALFORMED_MESSAGE(400, "The message could not be parsed"),
  UNSUPPORTED_MEDIA_TYPE(415, "The content type is not accepted here"),
  MISSING_FIELD(422, "A required field is missing"),
  INVALID_FIELD(422, "A field has a value that is not allowed"),
  INVALID_AMOUNT(422, "The amount is not valid"),
  AMOUNT_OUT_OF_RANGE(422, "The amount is outside the allowed range"),
  UNSUPPORTED_CURRENCY(422, "The currency is not supported by the channel"),
  INVALID_ORDER_NO(422, "The merchant order number breaks the channel's rules"),
  UNSUPPORTED_OPERATION(422, "The operation is not supported"),
  UNKNOWN_CHANNEL(422, "The channel is not known"),
  UNKNOWN_MERCHANT(403, "The merchant is not registered"),
  CHANNEL_DISABLED(403, "The channel is not enabled for this merchant"),
  SIGNATURE_INVALID(401, "The signature is missing or does not verify"),
  ORDER_CONFLICT(409, "The merchant order number was already taken with other terms"),
  UNKNOWN_PAYMENT(404, "The payment the request acts on is not known"),
  REFUND_NOT_ALLOWED(422, "The payment cannot be refunded like this");

  private final int httpStatus;
  private final String title;

  RejectReason(int httpStatus, String title) {
    this.httpStatus = httpStatus;
    this.title = title;
  }

  public int httpStatus() {
    return httpStatus;
  }

  public String title() {
    return title;
  }
}
