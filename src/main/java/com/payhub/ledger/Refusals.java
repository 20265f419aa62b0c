package com.payhub.ledger;

import com.payhub.model.HubIds;
import com.payhub.model.PaymentStatus;

/** Records a refused transition durably and builds the exception that signals it. */
final class Refusals {

  private final HistoryTable history;
  private final LedgerTransactions tx;
  private final LedgerClock clock;

  Refusals(HistoryTable history, LedgerTransactions tx, LedgerClock clock) {
    this.history = history;
    this.tx = tx;
    this.clock = clock;
  }

  /** Writes the refusal in its own transaction (it must survive the caller's rollback). */
  IllegalTransitionException refuse(
      String paymentId,
      SubjectKind kind,
      String subjectId,
      PaymentStatus from,
      PaymentStatus to,
      String cause,
      String why) {
    RefusedTransition r =
        new RefusedTransition(
            HubIds.next('X'), paymentId, kind, subjectId, from, to, cause, why, clock.now());
    tx.independently(() -> history.refuse(r));
    return new IllegalTransitionException(kind, subjectId, from, to, why);
  }
}
