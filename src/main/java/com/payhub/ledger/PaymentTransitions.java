package com.payhub.ledger;

import static com.payhub.model.PaymentStatus.REFUNDED;

import com.payhub.model.HubIds;
import com.payhub.model.PaymentStatus;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import org.springframework.dao.OptimisticLockingFailureException;

/** Status changes of payments: decided by the state machine, written with optimistic locking. */
final class PaymentTransitions {

  /** Attempts before giving up on a payment that other writers keep changing under us. */
  static final int MAX_ATTEMPTS = 20;

  private final PaymentTable payments;
  private final RefundTable refunds;
  private final HistoryTable history;
  private final Refusals refusals;
  private final LedgerTransactions tx;
  private final LedgerClock clock;

  PaymentTransitions(
      PaymentTable payments,
      RefundTable refunds,
      HistoryTable history,
      Refusals refusals,
      LedgerTransactions tx,
      LedgerClock clock) {
    this.payments = payments;
    this.refunds = refunds;
    this.history = history;
    this.refusals = refusals;
    this.tx = tx;
    this.clock = clock;
  }

  Payment transition(String paymentId, PaymentStatus to, String cause, ChannelRef ref) {
    return move(paymentId, to, cause, ref).payment();
  }

  PaymentMove move(String paymentId, PaymentStatus to, String cause, ChannelRef ref) {
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(cause, "cause");
    ChannelRef channelRef = ref == null ? ChannelRef.NONE : ref;
    for (int attempt = 1; ; attempt++) {
      Payment current =
          payments
              .find(paymentId)
              .orElseThrow(() -> new UnknownPaymentException("paymentId=" + paymentId));
      Payment applied = tryApply(current, to, cause, channelRef);
      if (applied != null) {
        // tryApply hands back the row it read when there was nothing to change
        return new PaymentMove(applied, current.status(), applied != current);
      }
      if (attempt == MAX_ATTEMPTS) {
        throw new OptimisticLockingFailureException(
            "payment " + paymentId + " kept changing; gave up after " + attempt + " attempts");
      }
      // jittered back-off, so racing writers do not collide again in lock step
      LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(100_000, 1_000_000L * attempt));
    }
  }

  /**
   * Applies {@code to} to the payment as read; returns the new row, the same row for a no-op, or
   * null when another writer changed it since it was read.
   */
  Payment tryApply(Payment current, PaymentStatus to, String cause, ChannelRef ref) {
    TransitionDecision decision = PaymentStateMachine.INSTANCE.decide(current.status(), to);
    if (decision == TransitionDecision.NO_OP) {
      return current;
    }
    String why = decision == TransitionDecision.REFUSE ? "not an allowed transition" : null;
    if (decision == TransitionDecision.APPLY && to == REFUNDED && !fullyRefunded(current)) {
      why = "refunds do not yet cover the amount";
    }
    if (why != null) {
      throw refusals.refuse(
          current.paymentId(),
          SubjectKind.PAYMENT,
          current.paymentId(),
          current.status(),
          to,
          cause,
          why);
    }
    Payment next = current.changedTo(to, ref, clock.notBefore(current.updatedAt()));
    boolean written =
        tx.inTransaction(
            () -> {
              if (!payments.update(next)) {
                return false;
              }
              history.append(
                  new HistoryEntry(
                      HubIds.next('H'),
                      next.paymentId(),
                      SubjectKind.PAYMENT,
                      next.paymentId(),
                      next.version(),
                      current.status(),
                      to,
                      cause,
                      ref.describe(),
                      next.updatedAt()));
              return true;
            });
    return written ? next : null;
  }

  private boolean fullyRefunded(Payment p) {
    long refunded =
        refunds.forPayment(p.paymentId()).stream()
            .filter(r -> r.status() == PaymentStatus.SUCCEEDED)
            .mapToLong(r -> r.amount().minor())
            .sum();
    return refunded >= p.amount().minor();
  }
}
