package com.payhub.ledger;

import com.payhub.model.PaymentStatus;

/**
 * What {@link Ledger#move} did.
 *
 * @param payment the payment after the call
 * @param from its status before the call
 * @param changed true when this call wrote the change (false: it was already there)
 */
public record PaymentMove(Payment payment, PaymentStatus from, boolean changed) {}
