package com.payhub.ledger;

/**
 * An open refund the janitor should look at, with the payment it refunds (the query names both).
 *
 * @param checks how many times it was checked so far (0: never)
 */
public record DueRefundCheck(Refund refund, Payment payment, int checks) {}
