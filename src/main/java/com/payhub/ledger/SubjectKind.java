package com.payhub.ledger;

/** What a history row is about: the payment itself or one of its refunds. */
public enum SubjectKind {
  PAYMENT,
  REFUND
}
