package com.payhub.recovery;

import com.payhub.channel.ChannelOutcome;
import com.payhub.channel.LedgerChanges;
import com.payhub.ledger.DueRefundCheck;
import com.payhub.ledger.Ledger;
import com.payhub.ledger.Payment;
import com.payhub.ledger.Refund;
import com.payhub.model.PaymentEvent;
import com.payhub.model.PaymentOrder;
import com.payhub.model.PaymentStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The janitor's half for refunds, run within each sweep of {@link StuckPayments}: a refund that
 * waits too long for a final answer (its channel timed out, say, and no notification came) is asked
 * about at its channel with a QUERY that carries its refund number ({@link
 * com.payhub.channel.RefundQuery}), on the same schedule as payments; after the last query it
 * becomes NEEDS_REVIEW, with one event, for a person to settle. A refund still RECEIVED was never
 * sent (ingest marks it DISPATCHED before the send): it goes to NEEDS_REVIEW at once. Nothing here
 * ever refunds again: asking twice is harmless, refunding twice is not.
 */
@Component
public class StuckRefunds {

  private final Ledger ledger;
  private final LedgerChanges changes;
  private final JanitorProperties properties;
  private final MeterRegistry meters;

  public StuckRefunds(
      Ledger ledger, LedgerChanges changes, JanitorProperties properties, MeterRegistry meters) {
    this.ledger = ledger;
    this.changes = changes;
    this.properties = properties;
    this.meters = meters;
    // at 0 from the start, so increase() and the dashboard see the first action
    List.of("query", "needs_review").forEach(this::counter);
  }

  /** Adds the refund queries to send to {@code queries}, the review events to {@code events}. */
  void sweep(Instant now, List<PaymentOrder> queries, List<PaymentEvent> events) {
    List<Duration> schedule = properties.checkIntervals();
    for (DueRefundCheck due :
        ledger.refundsDueForCheck(now.minus(properties.staleAfter()), properties.batchSize())) {
      Refund r = due.refund();
      if (r.status() == PaymentStatus.RECEIVED || due.checks() >= schedule.size()) {
        String why =
            r.status() == PaymentStatus.RECEIVED
                ? "never handed to the channel queue"
                : "no final answer after " + due.checks() + " queries";
        events.addAll(
            changes
                .refund(
                    due.payment(),
                    r,
                    ChannelOutcome.of(PaymentStatus.NEEDS_REVIEW, null, "NO_FINAL_ANSWER", why),
                    "janitor")
                .events());
        count("needs_review");
      } else if (ledger.claimRefundCheck(
          r.refundId(), due.checks(), now.plus(schedule.get(due.checks())))) {
        queries.add(query(due.payment(), r, now));
        count("query");
      }
    }
  }

  /**
   * A QUERY of the refund's payment that names the refund: the adapters ask the channel about the
   * refund (its refund number; UnionPay its own orderId and txnTime) and move the refund.
   */
  static PaymentOrder query(Payment p, Refund r, Instant now) {
    return StuckPayments.query(p, r.refundNo(), now);
  }

  private void count(String action) {
    counter(action).increment();
  }

  private Counter counter(String action) {
    return Counter.builder("payhub.janitor.refunds")
        .description("the janitor's actions on refunds without a final answer")
        .tag("action", action)
        .register(meters);
  }
}
