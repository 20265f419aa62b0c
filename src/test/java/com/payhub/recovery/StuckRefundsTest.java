package com.payhub.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.payhub.channel.ChannelOutcomes;
import com.payhub.channel.LedgerChanges;
import com.payhub.channel.RefundQuery;
import com.payhub.ledger.ChannelRef;
import com.payhub.ledger.JdbcLedger;
import com.payhub.ledger.Payment;
import com.payhub.ledger.Refund;
import com.payhub.model.Channel;
import com.payhub.model.Dialect;
import com.payhub.model.Money;
import com.payhub.model.Operation;
import com.payhub.model.PaymentEvent;
import com.payhub.model.PaymentOrder;
import com.payhub.model.PaymentStatus;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;

/**
 * The janitor's refund half against a real (H2) ledger on a clock the test moves: stale refunds are
 * asked about with a QUERY that names them, each check once, on the payments' schedule; after the
 * last query, and at once for a refund never sent, NEEDS_REVIEW with one event.
 */
class StuckRefundsTest {

  private static final JanitorProperties PROPERTIES =
      new JanitorProperties(
          true,
          Duration.ofSeconds(10),
          Duration.ofMinutes(2),
          List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15)),
          100);

  private final ObjectMapper json =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final MovingClock clock = new MovingClock(Instant.parse("2026-11-26T08:00:00Z"));
  private DriverManagerDataSource db;
  private JdbcLedger ledger;
  private StuckPayments janitor;
  private Payment payment;

  @BeforeEach
  void ledger() {
    db =
        new DriverManagerDataSource(
            "jdbc:h2:mem:janitor_"
                + UUID.randomUUID().toString().replace("-", "")
                + ";DB_CLOSE_DELAY=-1",
            "sa",
            "");
    Flyway.configure().dataSource(db).load().migrate();
    ledger = new JdbcLedger(db, new JdbcTransactionManager(db), clock);
    LedgerChanges changes =
        new LedgerChanges(
            ledger,
            meters,
            new com.payhub.outbox.Outbox(db, json, clock, "payments.events"),
            new JdbcTransactionManager(db));
    janitor =
        new StuckPayments(
            ledger,
            changes,
            new ChannelOutcomes(ledger, changes, json),
            new StuckRefunds(ledger, changes, PROPERTIES, meters),
            PROPERTIES,
            meters,
            clock);
    payment = ledger.admit(order(Operation.PAY, 10_000, null), "test").payment();
    ledger.transition(payment.paymentId(), PaymentStatus.DISPATCHED, "test", null);
    payment =
        ledger.transition(
            payment.paymentId(),
            PaymentStatus.SUCCEEDED,
            "test",
            ChannelRef.ofTransaction("2026112622001400000000000001"));
  }

  @AfterEach
  void drop() {
    new JdbcTemplate(db).execute("SHUTDOWN");
  }

  @Test
  void aStaleRefundIsAskedAboutOncePerCheckWithAQueryThatNamesIt() throws Exception {
    Refund r = refund("RF-1", 2_500, PaymentStatus.DISPATCHED, PaymentStatus.PENDING);

    clock.advance(Duration.ofMinutes(1));
    assertThat(sweep().queries()).as("not stale yet").isEmpty();

    clock.advance(Duration.ofMinutes(2));
    Sweep first = sweep();
    assertThat(first.queries())
        .singleElement()
        .satisfies(
            q -> {
              assertThat(q.operation()).isEqualTo(Operation.QUERY);
              assertThat(RefundQuery.is(q)).isTrue();
              assertThat(q.refundNo()).isEqualTo("RF-1");
              assertThat(q.merchantOrderNo()).isEqualTo(payment.merchantOrderNo());
              assertThat(q.merchantId()).isEqualTo(payment.merchantId());
              assertThat(q.channel()).isEqualTo(Channel.ALIPAY);
              assertThat(q.channelTransactionId()).isEqualTo("2026112622001400000000000001");
              assertThat(q.amount()).as("the adapters read the amount from the ledger").isNull();
              assertThat(q.paymentId()).startsWith("Q").isNotEqualTo(r.refundId());
            });
    assertThat(first.events()).isEmpty();
    assertThat(sweep().queries())
        .as("check 1 is claimed: not again before its next time")
        .isEmpty();

    clock.advance(Duration.ofMinutes(1));
    assertThat(sweep().queries()).extracting(PaymentOrder::refundNo).containsExactly("RF-1");
    assertThat(ledger.findRefund(r.refundId()).orElseThrow().status())
        .as("asking changes nothing by itself")
        .isEqualTo(PaymentStatus.PENDING);
    assertThat(meters.find("payhub.janitor.refunds").tag("action", "query").counter().count())
        .isEqualTo(2.0);
  }

  @Test
  void afterTheLastQueryTheRefundGoesToReviewWithOneEvent() throws Exception {
    Refund r = refund("RF-2", 2_500, PaymentStatus.DISPATCHED);
    int queries = 0;
    List<PaymentEvent> events = new ArrayList<>();
    clock.advance(Duration.ofMinutes(3));
    for (Duration wait : PROPERTIES.checkIntervals()) {
      Sweep s = sweep();
      queries += s.queries().size();
      events.addAll(s.events());
      clock.advance(wait);
    }
    assertThat(queries).isEqualTo(3);
    assertThat(events).isEmpty();

    Sweep last = sweep();
    Sweep after = sweep();

    assertThat(last.queries()).isEmpty();
    assertThat(last.events())
        .singleElement()
        .satisfies(
            ev -> {
              assertThat(ev.operation()).isEqualTo(Operation.REFUND);
              assertThat(ev.status()).isEqualTo(PaymentStatus.NEEDS_REVIEW);
              assertThat(ev.previousStatus()).isEqualTo(PaymentStatus.DISPATCHED);
              assertThat(ev.refundId()).isEqualTo(r.refundId());
              assertThat(ev.refundNo()).isEqualTo("RF-2");
              assertThat(ev.reasonCode()).isEqualTo("NO_FINAL_ANSWER");
              assertThat(ev.reasonMessage()).isEqualTo("no final answer after 3 queries");
              assertThat(ev.cause()).isEqualTo("janitor");
            });
    assertThat(after.events()).as("once in review, the janitor leaves it").isEmpty();
    assertThat(after.queries()).isEmpty();
    assertThat(ledger.findPayment(payment.paymentId()).orElseThrow().status())
        .isEqualTo(PaymentStatus.SUCCEEDED);
  }

  @Test
  void aRefundNeverSentGoesToReviewAtOnceAndFinalOnesAreLeftAlone() throws Exception {
    Refund received = refund("RF-3", 1_000);
    refund("RF-4", 1_000, PaymentStatus.DISPATCHED, PaymentStatus.SUCCEEDED);
    refund("RF-5", 1_000, PaymentStatus.DISPATCHED, PaymentStatus.FAILED);
    clock.advance(Duration.ofMinutes(3));

    Sweep s = sweep();

    assertThat(s.queries()).isEmpty();
    assertThat(s.events())
        .singleElement()
        .satisfies(
            ev -> {
              assertThat(ev.refundId()).isEqualTo(received.refundId());
              assertThat(ev.status()).isEqualTo(PaymentStatus.NEEDS_REVIEW);
              assertThat(ev.previousStatus()).isEqualTo(PaymentStatus.RECEIVED);
              assertThat(ev.reasonMessage()).isEqualTo("never handed to the channel queue");
            });
  }

  @Test
  void paymentsAndRefundsAreSweptTogether() throws Exception {
    PaymentOrder waiting = order(Operation.PAY, 500, null);
    Payment open = ledger.admit(waiting, "test").payment();
    ledger.transition(open.paymentId(), PaymentStatus.DISPATCHED, "test", null);
    refund("RF-6", 1_000, PaymentStatus.DISPATCHED);
    clock.advance(Duration.ofMinutes(3));

    Sweep s = sweep();

    assertThat(s.queries())
        .extracting(PaymentOrder::merchantOrderNo, PaymentOrder::refundNo)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(waiting.merchantOrderNo(), null),
            org.assertj.core.groups.Tuple.tuple(payment.merchantOrderNo(), "RF-6"));
  }

  /** What one sweep of the janitor route's first step left on the exchange. */
  private record Sweep(List<PaymentOrder> queries, List<PaymentEvent> events) {}

  @SuppressWarnings("unchecked")
  private Sweep sweep() throws Exception {
    Exchange e = new DefaultExchange(new DefaultCamelContext());
    janitor.sweep(e);
    List<PaymentEvent> events = new ArrayList<>();
    for (String t : (List<String>) e.getProperty(ChannelOutcomes.EVENTS, List.class)) {
      events.add(json.readValue(t, PaymentEvent.class));
    }
    return new Sweep(e.getMessage().getBody(List.class), events);
  }

  private Refund refund(String refundNo, long minor, PaymentStatus... path) {
    PaymentOrder o =
        new PaymentOrder(
            "R" + UUID.randomUUID().toString().substring(0, 8),
            payment.merchantId(),
            payment.merchantOrderNo(),
            Channel.ALIPAY,
            Operation.REFUND,
            Money.ofMinor(minor, "CNY"),
            null,
            refundNo,
            null,
            null,
            null,
            Dialect.CANONICAL,
            clock.instant());
    Refund r = ledger.admit(o, "test").refund();
    for (PaymentStatus s : path) {
      r = ledger.transitionRefund(r.refundId(), s, "test", null);
    }
    return r;
  }

  private PaymentOrder order(Operation op, long minor, String refundNo) {
    return new PaymentOrder(
        "P" + UUID.randomUUID().toString().substring(0, 8),
        "M1",
        "O-" + UUID.randomUUID().toString().substring(0, 8),
        Channel.ALIPAY,
        op,
        Money.ofMinor(minor, "CNY"),
        "Tea",
        refundNo,
        null,
        null,
        null,
        Dialect.CANONICAL,
        clock.instant());
  }

  /** A clock the test moves forward by hand. */
  private static final class MovingClock extends Clock {
    private Instant now;

    MovingClock(Instant start) {
      this.now = start;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
