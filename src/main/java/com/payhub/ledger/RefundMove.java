package com.payhub.ledger;

import com.payhub.model.PaymentStatus;

/**
 * What {@link Ledger#moveRefund} did.
 *
 * @param refund the refund after the call
 * @param from its status before the call
 * @param changed true when this call wrote the change
 * @param refundedPayment the payment, when this change made it REFUNDED; null otherwise
 */
public record RefundMove(
    Refund refund, PaymentStatus from, boolean changed, Payment refundedPayment) {}
