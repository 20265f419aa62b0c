package com.payhub.ledger;

/**
 * An open payment the janitor should look at.
 *
 * @param checks how many times it was checked so far (0: never)
 */
public record DueCheck(Payment payment, int checks) {}
