package com.payhub.ledger;

import com.payhub.model.HubIds;
import com.payhub.model.PaymentOrder;
import com.payhub.model.PaymentStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * Refunds: admitted once per (merchant, refund number), never beyond what the payment has left to
 * refund. Every write locks the payment row first, so a payment's refunds are serialised and the
 * sums they are checked against are exact.
 */
final class RefundLedger {

  private final PaymentTable payments;
  private final RefundTable refunds;
  private final HistoryTable history;
  private final PaymentTransitions paymentTransitions;
  private final Refusals refusals;
  private final LedgerTransactions tx;
  private final LedgerClock clock;

  RefundLedger(
      PaymentTable payments,
      RefundTable refunds,
      HistoryTable history,
      PaymentTransitions paymentTransitions,
      Refusals refusals,
      LedgerTransactions tx,
      LedgerClock clock) {
    this.payments = payments;
    this.refunds = refunds;
    this.history = history;
    this.paymentTransitions = paymentTransitions;
    this.refusals = refusals;
    this.tx = tx;
    this.clock = clock;
  }

  Admission admit(PaymentOrder o, Payment target, String cause) {
    Objects.requireNonNull(o.refundNo(), "refundNo");
    Objects.requireNonNull(o.amount(), "amount");
    try {
      return tx.inSavepoint(
          () -> {
            Payment locked = payments.lock(target.paymentId()).orElseThrow();
            var earlier = refunds.findByMerchantRefundNo(o.merchantId(), o.refundNo());
            if (earlier.isPresent()) {
              return duplicateOf(o, locked, earlier.get());
            }
            checkAllowed(o, locked);
            var now = clock.now();
            String id = o.paymentId() != null ? o.paymentId() : HubIds.next('R');
            Refund r =
                new Refund(
                    id,
                    locked.paymentId(),
                    o.merchantId(),
                    o.refundNo(),
                    o.amount(),
                    PaymentStatus.RECEIVED,
                    null,
                    null,
                    null,
                    now,
                    now,
                    0);
            refunds.insert(r);
            history.append(entry(r, null, cause, "REFUND " + r.amount().toMajorString()));
            return new Admission(locked, r, false);
          });
    } catch (DuplicateKeyException e) {
      // the same refund number admitted concurrently against another payment of the merchant
      Refund earlier =
          refunds.findByMerchantRefundNo(o.merchantId(), o.refundNo()).orElseThrow(() -> e);
      return duplicateOf(o, target, earlier);
    }
  }

  Refund transition(String refundId, PaymentStatus to, String cause, ChannelRef ref) {
    return move(refundId, to, cause, ref).refund();
  }

  RefundMove move(String refundId, PaymentStatus to, String cause, ChannelRef ref) {
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(cause, "cause");
    ChannelRef channelRef = ref == null ? ChannelRef.NONE : ref;
    Refund first =
        refunds
            .find(refundId)
            .orElseThrow(() -> new UnknownPaymentException("refundId=" + refundId));
    return tx.inTransaction(
        () -> {
          Payment payment = payments.lock(first.paymentId()).orElseThrow();
          Refund current = refunds.find(refundId).orElseThrow();
          TransitionDecision decision = RefundStateMachine.INSTANCE.decide(current.status(), to);
          if (decision == TransitionDecision.NO_OP) {
            return new RefundMove(current, current.status(), false, null);
          }
          if (decision == TransitionDecision.REFUSE) {
            throw refusals.refuse(
                payment.paymentId(),
                SubjectKind.REFUND,
                refundId,
                current.status(),
                to,
                cause,
                "not an allowed transition");
          }
          Refund next = current.changedTo(to, channelRef, clock.notBefore(current.updatedAt()));
          if (!refunds.update(next)) {
            throw new OptimisticLockingFailureException("refund " + refundId + " changed");
          }
          history.append(entry(next, current.status(), cause, channelRef.describe()));
          Payment refundedPayment = null;
          if (to == PaymentStatus.SUCCEEDED && refunded(payment) >= payment.amount().minor()) {
            refundedPayment =
                paymentTransitions.tryApply(
                    payment, PaymentStatus.REFUNDED, cause, ChannelRef.NONE);
            if (refundedPayment == null) {
              throw new OptimisticLockingFailureException(
                  "payment " + payment.paymentId() + " changed");
            }
          }
          return new RefundMove(next, current.status(), true, refundedPayment);
        });
  }

  private void checkAllowed(PaymentOrder o, Payment p) {
    if (p.status() != PaymentStatus.SUCCEEDED) {
      throw new RefundNotAllowedException(p.paymentId(), "the payment is " + p.status());
    }
    if (!p.amount().currency().equals(o.amount().currency())) {
      throw new RefundNotAllowedException(
          p.paymentId(), "currency " + o.amount().currency() + " is not " + p.amount().currency());
    }
    if (o.channel() != null && o.channel() != p.channel()) {
      throw new RefundNotAllowedException(p.paymentId(), "the payment went through " + p.channel());
    }
    long committed =
        refunds.forPayment(p.paymentId()).stream()
            .filter(r -> r.status() != PaymentStatus.FAILED)
            .mapToLong(r -> r.amount().minor())
            .sum();
    if (!o.amount().isPositive() || o.amount().minor() > p.amount().minor() - committed) {
      throw new RefundNotAllowedException(
          p.paymentId(),
          "amount "
              + o.amount().minor()
              + " exceeds the "
              + (p.amount().minor() - committed)
              + " left to refund");
    }
  }

  private long refunded(Payment p) {
    return refunds.forPayment(p.paymentId()).stream()
        .filter(r -> r.status() == PaymentStatus.SUCCEEDED)
        .mapToLong(r -> r.amount().minor())
        .sum();
  }

  private static Admission duplicateOf(PaymentOrder o, Payment target, Refund earlier) {
    List<String> differences = new ArrayList<>();
    if (!earlier.paymentId().equals(target.paymentId())) {
      differences.add("payment");
    }
    if (earlier.amount().minor() != o.amount().minor()) {
      differences.add("amount");
    }
    if (!earlier.amount().currency().equals(o.amount().currency())) {
      differences.add("currency");
    }
    if (!differences.isEmpty()) {
      throw new OrderConflictException(
          o.merchantId(), o.refundNo(), earlier.refundId(), differences);
    }
    return new Admission(target, earlier, true);
  }

  private HistoryEntry entry(Refund r, PaymentStatus from, String cause, String detail) {
    return new HistoryEntry(
        HubIds.next('H'),
        r.paymentId(),
        SubjectKind.REFUND,
        r.refundId(),
        r.version(),
        from,
        r.status(),
        cause,
        detail,
        r.updatedAt());
  }
}
