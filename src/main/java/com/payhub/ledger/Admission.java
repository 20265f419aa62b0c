package com.payhub.ledger;

/**
 * What {@link Ledger#admit} did with an order.
 *
 * @param payment the payment the order created (PAY) or acts on (REFUND, QUERY, CLOSE)
 * @param refund the refund a REFUND order created or found again; null for other operations
 * @param duplicate true when the order had been admitted before and nothing new was written: answer
 *     with the existing payment and do not dispatch again
 */
public record Admission(Payment payment, Refund refund, boolean duplicate) {}
