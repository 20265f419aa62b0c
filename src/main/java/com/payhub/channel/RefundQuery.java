package com.payhub.channel;

import com.payhub.ledger.PaymentView;
import com.payhub.ledger.Refund;
import com.payhub.model.Operation;
import com.payhub.model.PaymentOrder;
import java.util.Optional;

/**
 * How an order says "this QUERY is about a refund": a QUERY that carries the merchant's refund
 * number ({@code refundNo}, sealed in the body with the rest of the order) asks the channel about
 * that refund of the payment it names, not about the payment. The janitor sends these for refunds
 * without a final answer; the answer moves the refund (through {@link LedgerChanges#refund}), never
 * the payment directly. A refund number is unique per merchant, and it must belong to the payment
 * the order names, so an order can only ask about its own payment's refunds.
 */
public final class RefundQuery {

  private RefundQuery() {}

  /** True for a QUERY that names a refund number. */
  public static boolean is(PaymentOrder order) {
    return order.operation() == Operation.QUERY
        && order.refundNo() != null
        && !order.refundNo().isBlank();
  }

  /** The refund the query names, among the refunds of the payment it names. */
  public static Optional<Refund> refund(PaymentView payment, PaymentOrder order) {
    return payment.refunds().stream()
        .filter(r -> r.refundNo().equals(order.refundNo()))
        .findFirst();
  }
}
