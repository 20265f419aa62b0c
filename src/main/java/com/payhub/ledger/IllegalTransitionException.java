package com.payhub.ledger;

import com.payhub.model.PaymentStatus;

/**
 * A status change the state machine forbids, e.g. a late PENDING for a SUCCEEDED payment. The
 * ledger recorded the refusal (see {@code refused_transition}) and changed nothing; the caller
 * counts it and acknowledges the input, it must not retry.
 */
public class IllegalTransitionException extends LedgerException {

  private final SubjectKind subjectKind;
  private final String subjectId;
  private final PaymentStatus from;
  private final PaymentStatus to;

  public IllegalTransitionException(
      SubjectKind subjectKind, String subjectId, PaymentStatus from, PaymentStatus to, String why) {
    super(
        subjectKind.name().toLowerCase(java.util.Locale.ROOT)
            + " "
            + subjectId
            + ": "
            + from
            + " -> "
            + to
            + " refused"
            + (why == null ? "" : " (" + why + ")"));
    this.subjectKind = subjectKind;
    this.subjectId = subjectId;
    this.from = from;
    this.to = to;
  }

  public SubjectKind subjectKind() {
    return subjectKind;
  }

  public String subjectId() {
    return subjectId;
  }

  public PaymentStatus from() {
    return from;
  }

  public PaymentStatus to() {
    return to;
  }
}
