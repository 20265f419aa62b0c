package com.payhub.ledger;

import java.util.List;

/**
 * A merchant order (or refund) number that was admitted before comes again with different terms
 * (amount, currency, channel, or the payment a refund points to). Reject it as {@code
 * ORDER_CONFLICT}; never merge it into the existing record.
 */
public class OrderConflictException extends LedgerException {

  private final String merchantId;
  private final String orderNo;
  private final String existingId;
  private final List<String> differingFields;

  public OrderConflictException(
      String merchantId, String orderNo, String existingId, List<String> differingFields) {
    super(
        "order "
            + merchantId
            + "/"
            + orderNo
            + " was admitted before as "
            + existingId
            + " with a different "
            + String.join(", ", differingFields));
    this.merchantId = merchantId;
    this.orderNo = orderNo;
    this.existingId = existingId;
    this.differingFields = List.copyOf(differingFields);
  }

  public String merchantId() {
    return merchantId;
  }

  /** The merchant order number (PAY) or refund number (REFUND). */
  public String orderNo() {
    return orderNo;
  }

  /** The payment id (PAY) or refund id (REFUND) admitted first. */
  public String existingId() {
    return existingId;
  }

  /** Which terms differ, e.g. {@code [amount]} or {@code [currency, channel]}. */
  public List<String> differingFields() {
    return differingFields;
  }
}
