package com.payhub.ledger;

/**
 * The payment an order or a transition refers to is not in the ledger: answer 404 (query API) or
 * reject the input; a channel notification for it goes to review.
 */
public class UnknownPaymentException extends LedgerException {

  private final String reference;

  public UnknownPaymentException(String reference) {
    super("no payment in the ledger for " + reference);
    this.reference = reference;
  }

  /** How the caller named the payment, e.g. {@code paymentId=P…} or {@code M1/order-7}. */
  public String reference() {
    return reference;
  }
}
