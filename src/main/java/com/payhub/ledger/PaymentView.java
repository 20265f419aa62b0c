package com.payhub.ledger;

import java.util.List;

/**
 * Everything the ledger knows about one payment: the row, its refunds (oldest first), the history
 * of applied changes of the payment and its refunds (in the order they happened) and the refused
 * ones.
 */
public record PaymentView(
    Payment payment,
    List<Refund> refunds,
    List<HistoryEntry> history,
    List<RefusedTransition> refused) {

  public PaymentView {
    refunds = List.copyOf(refunds);
    history = List.copyOf(history);
    refused = List.copyOf(refused);
  }
}
