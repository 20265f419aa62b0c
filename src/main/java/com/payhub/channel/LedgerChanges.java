package com.payhub.channel;

import com.payhub.ledger.IllegalTransitionException;
import com.payhub.ledger.Ledger;
import com.payhub.ledger.Payment;
import com.payhub.ledger.PaymentMove;
import com.payhub.ledger.Refund;
import com.payhub.ledger.RefundMove;
import com.payhub.metrics.HubMeters;
import com.payhub.model.Operation;
import com.payhub.model.PaymentEvent;
import com.payhub.model.PaymentStatus;
import com.payhub.outbox.Outbox;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies what a channel said to the ledger and tells which events that makes: one per change the
 * ledger applied, put in the {@link Outbox} in the same database transaction as the change (the
 * relay publishes it on {@code payments.events} after the commit, so a crash in between loses no
 * event). A change the state machine refuses (a late PENDING after SUCCEEDED, say) is recorded by
 * the ledger, counted here, and makes no event.
 */
@Component
public class LedgerChanges {

  private static final Logger LOG = LoggerFactory.getLogger(LedgerChanges.class);

  private final Ledger ledger;
  private final MeterRegistry meters;
  private final Outbox outbox;
  private final TransactionTemplate tx;

  public LedgerChanges(
      Ledger ledger, MeterRegistry meters, Outbox outbox, PlatformTransactionManager transactions) {
    this.ledger = ledger;
    this.meters = meters;
    this.outbox = outbox;
    this.tx = new TransactionTemplate(transactions);
  }

  /** What applying did: the events to publish, and the status the subject has now. */
  public record Applied(List<PaymentEvent> events, PaymentStatus status, boolean refused) {}

  /** Moves a payment to the outcome's status (a null status changes nothing). */
  public Applied payment(Payment payment, ChannelOutcome outcome, String cause) {
    if (outcome.status() == null) {
      return new Applied(List.of(), payment.status(), false);
    }
    try {
      Applied applied =
          tx.execute(
              status -> {
                PaymentMove move =
                    ledger.move(payment.paymentId(), outcome.status(), cause, outcome.ref());
                if (!move.changed()) {
                  return new Applied(List.of(), move.payment().status(), false);
                }
                return published(
                    List.of(event(move.payment(), move.from(), cause)), move.payment().status());
              });
      if (!applied.events().isEmpty()) {
        count(payment, Operation.PAY, applied.status());
        HubMeters.settled(meters, payment.createdAt(), applied.events().get(0));
      }
      return applied;
    } catch (IllegalTransitionException e) {
      return refused(payment.channel().id(), payment.paymentId(), e);
    }
  }

  /** Moves a refund to the outcome's status; the payment too when it is now fully refunded. */
  public Applied refund(Payment payment, Refund refund, ChannelOutcome outcome, String cause) {
    if (outcome.status() == null) {
      return new Applied(List.of(), refund.status(), false);
    }
    try {
      Applied applied = tx.execute(status -> applyRefund(payment, refund, outcome, cause));
      for (PaymentEvent e : applied.events()) {
        count(payment, e.operation(), e.status());
        HubMeters.settled(
            meters, e.refundId() != null ? refund.createdAt() : payment.createdAt(), e);
      }
      return applied;
    } catch (IllegalTransitionException e) {
      return refused(payment.channel().id(), refund.refundId(), e);
    }
  }

  private Applied applyRefund(
      Payment payment, Refund refund, ChannelOutcome outcome, String cause) {
    RefundMove move = ledger.moveRefund(refund.refundId(), outcome.status(), cause, outcome.ref());
    if (!move.changed()) {
      return new Applied(List.of(), move.refund().status(), false);
    }
    List<PaymentEvent> events = new ArrayList<>();
    Refund r = move.refund();
    events.add(
        new PaymentEvent(
            payment.paymentId(),
            payment.merchantId(),
            payment.merchantOrderNo(),
            payment.channel(),
            Operation.REFUND,
            r.status(),
            r.channelRefundId(),
            r.amount(),
            r.updatedAt(),
            failureCode(r.status(), r.channelCode()),
            failureCode(r.status(), r.channelMessage()),
            r.refundId(),
            r.refundNo(),
            move.from(),
            cause,
            r.version()));
    if (move.refundedPayment() != null) {
      events.add(event(move.refundedPayment(), PaymentStatus.SUCCEEDED, cause));
    }
    return published(events, r.status());
  }

  /** Inside the ledger's transaction: the events go to the outbox with the change. */
  private Applied published(List<PaymentEvent> events, PaymentStatus status) {
    events.forEach(outbox::event);
    return new Applied(events, status, false);
  }

  private Applied refused(String channel, String id, IllegalTransitionException e) {
    Counter.builder("payhub.transitions.refused")
        .description("status changes the ledger's state machine refused (recorded, not published)")
        .tag("channel", channel)
        .register(meters)
        .increment();
    LOG.info("Ledger refused a status change of {}: {}", id, e.getMessage());
    return new Applied(List.of(), e.from(), true);
  }

  private void count(Payment p, Operation operation, PaymentStatus status) {
    Counter.builder("payhub.payments")
        .description("status changes applied by the ledger, by channel, operation and status")
        .tag("channel", p.channel().id())
        .tag("operation", operation.name())
        .tag("status", status.name())
        .register(meters)
        .increment();
  }

  private static PaymentEvent event(Payment p, PaymentStatus from, String cause) {
    return new PaymentEvent(
        p.paymentId(),
        p.merchantId(),
        p.merchantOrderNo(),
        p.channel(),
        Operation.PAY,
        p.status(),
        p.channelTransactionId(),
        p.amount(),
        p.updatedAt(),
        failureCode(p.status(), p.channelCode()),
        failureCode(p.status(), p.channelMessage()),
        null,
        null,
        from,
        cause,
        p.version());
  }

  /** The channel's code and message explain a status that is not a success. */
  private static String failureCode(PaymentStatus status, String text) {
    return status == PaymentStatus.SUCCEEDED || status == PaymentStatus.REFUNDED ? null : text;
  }
}
