package com.payhub.ledger;

/**
 * A refund the payment does not allow: the payment has not succeeded, the currency differs, or the
 * amount exceeds what is left to refund. Reject the input; nothing was written.
 */
public class RefundNotAllowedException extends LedgerException {

  private final String paymentId;

  public RefundNotAllowedException(String paymentId, String reason) {
    super("refund of " + paymentId + " not allowed: " + reason);
    this.paymentId = paymentId;
  }

  public String paymentId() {
    return paymentId;
  }
}
