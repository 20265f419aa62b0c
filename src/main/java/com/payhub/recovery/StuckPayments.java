package com.payhub.recovery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.payhub.channel.ChannelOutcome;
import com.payhub.channel.ChannelOutcomes;
import com.payhub.channel.LedgerChanges;
import com.payhub.ingest.IngestService;
import com.payhub.ledger.DueCheck;
import com.payhub.ledger.Ledger;
import com.payhub.ledger.Payment;
import com.payhub.model.Dialect;
import com.payhub.model.HubIds;
import com.payhub.model.Operation;
import com.payhub.model.PaymentEvent;
import com.payhub.model.PaymentOrder;
import com.payhub.model.PaymentStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The janitor ({@code bean: payhubJanitor}, run by {@code routes/janitor.camel.yaml}): a payment
 * that waits too long for a final answer is queried at its channel, again and again on the
 * configured schedule; after the last query it becomes NEEDS_REVIEW, with an event, for a person to
 * settle. A payment still RECEIVED was never sent (ingest marks DISPATCHED before the send): it
 * goes to NEEDS_REVIEW at once. Refunds are swept the same way in each sweep ({@link
 * StuckRefunds}). Nothing here ever pays or refunds again.
 */
@Component("payhubJanitor")
@EnableConfigurationProperties(JanitorProperties.class)
public class StuckPayments {

  private final Ledger ledger;
  private final LedgerChanges changes;
  private final ChannelOutcomes outcomes;
  private final StuckRefunds refunds;
  private final JanitorProperties properties;
  private final MeterRegistry meters;
  private final Clock clock;

  public StuckPayments(
      Ledger ledger,
      LedgerChanges changes,
      ChannelOutcomes outcomes,
      StuckRefunds refunds,
      JanitorProperties properties,
      MeterRegistry meters,
      Clock clock) {
    this.ledger = ledger;
    this.changes = changes;
    this.outcomes = outcomes;
    this.refunds = refunds;
    this.properties = properties;
    this.meters = meters;
    this.clock = clock;
    // at 0 from the start, so increase() and the dashboard see the first action
    List.of("query", "needs_review").forEach(this::counter);
  }

  /**
   * One sweep over payments, then refunds ({@link StuckRefunds}): body = the QUERY orders to
   * dispatch; property {@value ChannelOutcomes#EVENTS} = the events of payments and refunds that
   * became NEEDS_REVIEW.
   */
  public void sweep(Exchange exchange) throws JsonProcessingException {
    Instant now = clock.instant();
    List<PaymentOrder> queries = new ArrayList<>();
    List<PaymentEvent> events = new ArrayList<>();
    List<java.time.Duration> schedule = properties.checkIntervals();
    for (DueCheck due :
        ledger.dueForCheck(now.minus(properties.staleAfter()), properties.batchSize())) {
      Payment p = due.payment();
      if (p.status() == PaymentStatus.RECEIVED || due.checks() >= schedule.size()) {
        String why =
            p.status() == PaymentStatus.RECEIVED
                ? "never handed to the channel queue"
                : "no final answer after " + due.checks() + " queries";
        events.addAll(
            changes
                .payment(
                    p,
                    ChannelOutcome.of(PaymentStatus.NEEDS_REVIEW, null, "NO_FINAL_ANSWER", why),
                    "janitor")
                .events());
        count("needs_review");
      } else if (ledger.claimCheck(
          p.paymentId(), due.checks(), now.plus(schedule.get(due.checks())))) {
        queries.add(query(p, now));
        count("query");
      }
    }
    refunds.sweep(now, queries, events);
    exchange.setProperty(ChannelOutcomes.EVENTS, outcomes.eventsJson(events));
    exchange.getMessage().setBody(queries);
  }

  /** Before {@code direct:dispatch}: one query order as ingest would have left it. */
  public void prepare(Exchange exchange) {
    PaymentOrder order = exchange.getMessage().getBody(PaymentOrder.class);
    exchange.setProperty(IngestService.ORDER, order);
    Message m = exchange.getMessage();
    m.removeHeaders("*");
    m.setHeader("PayHubChannel", order.channel().id());
    m.setHeader("PayHubPaymentId", order.paymentId());
    m.setHeader("PayHubOperation", Operation.QUERY.name());
    m.setHeader("PayHubOrigin", "janitor");
  }

  private static PaymentOrder query(Payment p, Instant now) {
    return query(p, null, now);
  }

  /**
   * A janitor's QUERY of a payment, as ingest would have left it; with a refund number it is about
   * that refund of the payment (see {@link StuckRefunds}).
   */
  static PaymentOrder query(Payment p, String refundNo, Instant now) {
    return new PaymentOrder(
        HubIds.next('Q'),
        p.merchantId(),
        p.merchantOrderNo(),
        p.channel(),
        Operation.QUERY,
        null,
        null,
        refundNo,
        p.channelTransactionId(),
        null,
        null,
        Dialect.CANONICAL,
        now);
  }

  private void count(String action) {
    counter(action).increment();
  }

  private Counter counter(String action) {
    return Counter.builder("payhub.janitor")
        .description("the janitor's actions on payments without a final answer")
        .tag("action", action)
        .register(meters);
  }
}
