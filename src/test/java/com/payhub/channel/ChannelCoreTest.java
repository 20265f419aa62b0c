package com.payhub.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.payhub.channel.NotificationRefusedException.Reason;
import com.payhub.config.MerchantRegistry;
import com.payhub.config.PayHubProperties;
import com.payhub.ingest.IngestService;
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
import com.payhub.outbox.Outbox;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * The channel-independent halves of adapters and notification endpoints against a real (H2) ledger:
 * what becomes an event, what is refused, and that nothing ambiguous becomes a success.
 */
class ChannelCoreTest {

  private static final String ALIPAY_ACCOUNT = "2021000000000001";

  private final ObjectMapper json =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final DefaultCamelContext camel = new DefaultCamelContext();
  private DriverManagerDataSource db;
  private JdbcLedger ledger;
  private ChannelOutcomes outcomes;
  private ChannelNotices notices;
  private Outbox outbox;

  @BeforeEach
  void ledger() {
    db =
        new DriverManagerDataSource(
            "jdbc:h2:mem:core_"
                + UUID.randomUUID().toString().replace("-", "")
                + ";DB_CLOSE_DELAY=-1",
            "sa",
            "");
    Flyway.configure().dataSource(db).load().migrate();
    JdbcTransactionManager transactions = new JdbcTransactionManager(db);
    ledger = new JdbcLedger(db, transactions, Clock.systemUTC());
    outbox = new Outbox(db, json, Clock.systemUTC(), "payments.events");
    LedgerChanges changes = new LedgerChanges(ledger, meters, outbox, transactions);
    outcomes = new ChannelOutcomes(ledger, changes, json);
    PayHubProperties.Merchant merchant =
        new PayHubProperties.Merchant(
            "M1",
            "shop",
            Set.of(Channel.ALIPAY, Channel.WECHATPAY),
            Map.of(Channel.ALIPAY, ALIPAY_ACCOUNT, Channel.WECHATPAY, "1900000001"));
    MerchantRegistry registry =
        new MerchantRegistry(new PayHubProperties(null, Map.of(), List.of(merchant), null));
    notices =
        new ChannelNotices(ledger, changes, outcomes, registry, meters, Duration.ofMinutes(5));
  }

  @AfterEach
  void drop() {
    new JdbcTemplate(db).execute("SHUTDOWN");
  }

  @Test
  void anAdapterOutcomeBecomesOneEventAndAResultWithWhatTheMerchantNeeds() throws Exception {
    PaymentOrder order = dispatchedPay("O-1", 1234);
    Exchange e = exchange(order);
    e.setProperty(
        ChannelOutcomes.OUTCOME,
        ChannelOutcome.of(PaymentStatus.PENDING, "T-1", "10000", "Success")
            .withDetail("qrCode", "https://qr.example/abc"));

    outcomes.record(e);

    List<PaymentEvent> events = events(e);
    assertThat(events)
        .singleElement()
        .satisfies(
            ev -> {
              assertThat(ev.status()).isEqualTo(PaymentStatus.PENDING);
              assertThat(ev.previousStatus()).isEqualTo(PaymentStatus.DISPATCHED);
              assertThat(ev.amount()).isEqualTo(Money.ofMinor(1234, "CNY"));
              assertThat(ev.channelTransactionId()).isEqualTo("T-1");
              assertThat(ev.cause()).isEqualTo("adapter:alipay:PAY");
              assertThat(ev.version()).as("RECEIVED 0, DISPATCHED 1, PENDING 2").isEqualTo(2);
            });
    assertThat(outbox.pending())
        .as("the event waits in the outbox, committed with the change")
        .isOne();
    JsonNode result = json.readTree(e.getMessage().getBody(String.class));
    assertThat(result.path("status").asText()).isEqualTo("PENDING");
    assertThat(result.path("details").path("qrCode").asText()).isEqualTo("https://qr.example/abc");
    assertThat(e.getMessage().getHeader("JMSCorrelationID")).isEqualTo(order.paymentId());
    assertThat(ledger.answers(order.paymentId()))
        .as("the QR code stays readable through the query API")
        .containsEntry("PAY", "{\"qrCode\":\"https://qr.example/abc\"}");

    // the same answer again (a redelivery) changes nothing and publishes nothing
    Exchange again = exchange(order);
    again.setProperty(ChannelOutcomes.OUTCOME, ChannelOutcome.pending("10000", "Success"));
    outcomes.record(again);
    assertThat(events(again)).isEmpty();
    assertThat(outbox.pending()).isOne();
  }

  @Test
  void aTimeoutIsPendingWithItsReasonAndNeverASuccess() throws Exception {
    PaymentOrder order = dispatchedPay("O-2", 500);
    Exchange e = exchange(order);
    e.setProperty(
        Exchange.EXCEPTION_CAUGHT,
        new RuntimeException(new SocketTimeoutException("Read timed out")));

    outcomes.unreachable(e);

    assertThat(events(e))
        .singleElement()
        .satisfies(
            ev -> {
              assertThat(ev.status()).isEqualTo(PaymentStatus.PENDING);
              assertThat(ev.reasonCode()).isEqualTo("CHANNEL_TIMEOUT");
            });
    assertThat(ledger.find(order.paymentId()).orElseThrow().payment().status())
        .isEqualTo(PaymentStatus.PENDING);
  }

  @Test
  void aQueryThatCannotReachTheChannelChangesNothing() throws Exception {
    PaymentOrder pay = dispatchedPay("O-3", 500);
    PaymentOrder query = lookup(Operation.QUERY, pay.merchantOrderNo());
    Exchange e = exchange(query);
    e.setProperty(Exchange.EXCEPTION_CAUGHT, new ConnectException("Connection refused"));

    outcomes.unreachable(e);

    assertThat(events(e)).isEmpty();
    JsonNode result = json.readTree(e.getMessage().getBody(String.class));
    assertThat(result.path("status").asText()).isEqualTo("DISPATCHED");
    assertThat(result.path("channelCode").asText()).isEqualTo("CHANNEL_UNREACHABLE");
    assertThat(result.path("paymentId").asText()).isEqualTo(pay.paymentId());
  }

  @Test
  void exceptionsMapToStableCodes() {
    assertThat(ChannelOutcomes.code(new ChannelCallException("HTTP_503", "x")))
        .isEqualTo("HTTP_503");
    assertThat(ChannelOutcomes.code(new java.net.http.HttpTimeoutException("t")))
        .isEqualTo("CHANNEL_TIMEOUT");
    assertThat(ChannelOutcomes.code(new ConnectException("refused")))
        .isEqualTo("CHANNEL_UNREACHABLE");
    assertThat(
            ChannelOutcomes.code(
                new com.payhub.channel.alipay.AlipaySignatureException(
                    com.payhub.channel.alipay.AlipaySignatureException.Reason.MISSING_SIGN,
                    "no sign")))
        .isEqualTo("RESPONSE_SIGNATURE_INVALID");
    assertThat(ChannelOutcomes.code(new IllegalStateException("?"))).isEqualTo("CHANNEL_ERROR");
  }

  @Test
  void aNotificationIsAppliedOnceAndItsReplayMakesNoEvent() throws Exception {
    PaymentOrder order = dispatchedPay("O-4", 1000);
    ChannelNotice notice = success("N-4", "O-4", 1000, Instant.now());

    Exchange first = notice(notice);
    notices.accept(first);
    notices.recorded(first);
    Exchange replay = notice(notice);
    notices.accept(replay);
    notices.recorded(replay);

    assertThat(events(first))
        .singleElement()
        .satisfies(
            ev -> {
              assertThat(ev.status()).isEqualTo(PaymentStatus.SUCCEEDED);
              assertThat(ev.channelTransactionId()).isEqualTo("TX-O-4");
              assertThat(ev.cause()).isEqualTo("notify:alipay:N-4");
              assertThat(ev.paymentId()).isEqualTo(order.paymentId());
            });
    assertThat(events(replay)).isEmpty();
    assertThat(counter("payhub.notifications", "outcome", "replayed")).isEqualTo(1.0);
    assertThat(counter("payhub.notifications", "outcome", "applied")).isEqualTo(1.0);
  }

  @Test
  void notificationsThatDoNotMatchTheLedgerAreRefusedAndChangeNothing() {
    PaymentOrder order = dispatchedPay("O-5", 1000);

    assertThat(refusal(success("N-a", "O-5", 999, Instant.now())))
        .isEqualTo(Reason.AMOUNT_MISMATCH);
    assertThat(refusal(success("N-b", "NO-SUCH", 1000, Instant.now())))
        .isEqualTo(Reason.UNKNOWN_ORDER);
    assertThat(
            refusal(
                new ChannelNotice(
                    Channel.ALIPAY,
                    "N-c",
                    "2021999999999999",
                    "O-5",
                    null,
                    Money.ofMinor(1000, "CNY"),
                    ChannelOutcome.of(PaymentStatus.SUCCEEDED, "T", "TRADE_SUCCESS", null),
                    null)))
        .as("another merchant account")
        .isEqualTo(Reason.UNKNOWN_ORDER);
    assertThat(refusal(success("N-d", "O-5", 1000, Instant.now().minus(Duration.ofMinutes(6)))))
        .isEqualTo(Reason.STALE);
    assertThat(
            refusal(
                new ChannelNotice(
                    Channel.WECHATPAY,
                    "N-e",
                    "1900000001",
                    "O-5",
                    null,
                    Money.ofMinor(1000, "CNY"),
                    ChannelOutcome.of(PaymentStatus.SUCCEEDED, "T", "SUCCESS", null),
                    null)))
        .as("a WeChat notification for an Alipay payment")
        .isEqualTo(Reason.MERCHANT_MISMATCH);

    assertThat(ledger.find(order.paymentId()).orElseThrow().payment().status())
        .isEqualTo(PaymentStatus.DISPATCHED);
  }

  @Test
  void aLateWaitingNotificationAfterSuccessIsRecordedAsRefusedWithoutEvent() throws Exception {
    dispatchedPay("O-6", 1000);
    Exchange paid = notice(success("N-6a", "O-6", 1000, null));
    notices.accept(paid);
    Exchange late =
        notice(
            new ChannelNotice(
                Channel.ALIPAY,
                "N-6b",
                ALIPAY_ACCOUNT,
                "O-6",
                null,
                Money.ofMinor(1000, "CNY"),
                ChannelOutcome.pending("WAIT_BUYER_PAY", null),
                null));

    notices.accept(late);

    assertThat(events(late)).isEmpty();
    assertThat(ledger.countRefusedTransitions()).isEqualTo(1);
    assertThat(counter("payhub.transitions.refused", "channel", "alipay")).isEqualTo(1.0);
  }

  @Test
  void aRefundNotificationMovesTheRefundAndAFullRefundThePayment() throws Exception {
    PaymentOrder pay = dispatchedPay("O-7", 1000);
    ledger.transition(pay.paymentId(), PaymentStatus.SUCCEEDED, "test", null);
    Refund refund = ledger.admit(refundOrder("O-7", "RF-7", 1000), "test").refund();
    ledger.transitionRefund(refund.refundId(), PaymentStatus.DISPATCHED, "test", null);
    Exchange e =
        notice(
            new ChannelNotice(
                Channel.ALIPAY,
                "N-7",
                ALIPAY_ACCOUNT,
                "O-7",
                "RF-7",
                Money.ofMinor(1000, "CNY"),
                ChannelOutcome.of(PaymentStatus.SUCCEEDED, "RFX-7", "REFUND_SUCCESS", null),
                null));

    notices.accept(e);

    assertThat(events(e))
        .extracting(PaymentEvent::operation, PaymentEvent::status, PaymentEvent::refundNo)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Operation.REFUND, PaymentStatus.SUCCEEDED, "RF-7"),
            org.assertj.core.groups.Tuple.tuple(Operation.PAY, PaymentStatus.REFUNDED, null));
  }

  private Reason refusal(ChannelNotice notice) {
    return catchThrowableOfType(
            NotificationRefusedException.class, () -> notices.accept(notice(notice)))
        .reason();
  }

  private static ChannelNotice success(String id, String orderNo, long minor, Instant sentAt) {
    return new ChannelNotice(
        Channel.ALIPAY,
        id,
        ALIPAY_ACCOUNT,
        orderNo,
        null,
        Money.ofMinor(minor, "CNY"),
        ChannelOutcome.of(PaymentStatus.SUCCEEDED, "TX-" + orderNo, "TRADE_SUCCESS", null),
        sentAt);
  }

  private PaymentOrder dispatchedPay(String orderNo, long minor) {
    PaymentOrder order =
        new PaymentOrder(
            "P" + UUID.randomUUID().toString().substring(0, 8),
            "M1",
            orderNo,
            Channel.ALIPAY,
            Operation.PAY,
            Money.ofMinor(minor, "CNY"),
            "subject",
            null,
            null,
            null,
            null,
            Dialect.CANONICAL,
            Instant.now());
    Payment p = ledger.admit(order, "test").payment();
    ledger.transition(p.paymentId(), PaymentStatus.DISPATCHED, "test", null);
    return order;
  }

  private static PaymentOrder lookup(Operation op, String orderNo) {
    return new PaymentOrder(
        "Q" + UUID.randomUUID().toString().substring(0, 8),
        "M1",
        orderNo,
        Channel.ALIPAY,
        op,
        null,
        null,
        null,
        null,
        null,
        null,
        Dialect.CANONICAL,
        Instant.now());
  }

  private static PaymentOrder refundOrder(String orderNo, String refundNo, long minor) {
    return new PaymentOrder(
        "R" + UUID.randomUUID().toString().substring(0, 8),
        "M1",
        orderNo,
        Channel.ALIPAY,
        Operation.REFUND,
        Money.ofMinor(minor, "CNY"),
        null,
        refundNo,
        null,
        null,
        null,
        Dialect.CANONICAL,
        Instant.now());
  }

  private Exchange exchange(PaymentOrder order) {
    Exchange e = new DefaultExchange(camel);
    e.setProperty(IngestService.ORDER, order);
    return e;
  }

  private Exchange notice(ChannelNotice notice) {
    Exchange e = new DefaultExchange(camel);
    e.setProperty(ChannelNotices.NOTICE, notice);
    return e;
  }

  @SuppressWarnings("unchecked")
  private List<PaymentEvent> events(Exchange e) throws Exception {
    List<String> texts = e.getProperty(ChannelOutcomes.EVENTS, List.class);
    assertThat(texts).isNotNull();
    List<PaymentEvent> out = new java.util.ArrayList<>();
    for (String t : texts) {
      out.add(json.readValue(t, PaymentEvent.class));
    }
    return out;
  }

  private double counter(String name, String tag, String value) {
    var c = meters.find(name).tag(tag, value).counter();
    return c == null ? 0 : c.count();
  }
}
