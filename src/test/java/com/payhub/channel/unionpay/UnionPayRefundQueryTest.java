package com.payhub.channel.unionpay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.payhub.channel.ChannelOutcome;
import com.payhub.channel.ChannelOutcomes;
import com.payhub.channel.LedgerChanges;
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
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;

/**
 * The refund query: acp {@code queryTrans.do} {@code txnType=00} with the refund's own {@code
 * orderId} (its refund number) and {@code txnTime} (when the ledger took the refund, in Beijing
 * time), and what each answer does to the refund in the ledger.
 *
 * <p>Known answer, computed outside PayHub's code: {@link #CONTENT} was written by hand from the
 * acp rules (sorted, {@code certId} in); {@link #HEX} with {@code printf '%s' "$CONTENT" |
 * sha256sum}; {@link #SIGNATURE} with {@code printf '%s' "$HEX" | openssl dgst -sha256 -sign
 * src/test/resources/unionpay/key.pem | base64 -w0} (OpenSSL 3.0.19). Both are recomputed here with
 * plain JCA as well.
 */
class UnionPayRefundQueryTest {

  private static final String MER_ID = "777290058110048";
  // 2026-11-26 16:30:05 UTC is 2026-11-27 00:30:05 in Beijing
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-26T16:30:05Z"), ZoneOffset.UTC);

  static final String CONTENT =
      "accessType=0&bizType=000000&certId=2880745022483392520273&encoding=UTF-8"
          + "&merId=777290058110048&orderId=RF20261127001&signMethod=01&txnSubType=00"
          + "&txnTime=20261127003005&txnType=00&version=5.1.0";
  static final String HEX = "a206c0ce3279fea940ee3a196fdf7df3f8e59352135394416a481efce3b514a2";
  static final String SIGNATURE =
      "c/cP6PMIJJVcF4lwZQzNc+S5LrHlhlo7JgyFjkbJsomlUCqYvAVp7yF7y7/wkPLJOgp/09v5rmB1PYTzEmSqnA6XseCW"
          + "SVeo1S9KSqqzAEGEidayKThetH4Xm9tOB/5Tn/a4rfJt54smqZ5NpQ3+f5mzuDKhL6bKc6yZpaBwfgkZJNMoC33W"
          + "Gg9QG1nrPCNE26QyVJywDQZQD/+ru0zbibJ2+yRqHOy2m65Nhs96HkKzfEOkJKgDFjd2xd8d3uaSBfLdUJFiiMhG"
          + "e3Qsxhq4z9PqG3yVhnF/ICsNWBTBh136zZFs+5qDNAH0HksIoYXcD6zVoGjOkvksE8U9fWnxgQ==";

  private final ObjectMapper json =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
  private final DefaultCamelContext camel = new DefaultCamelContext();
  private DriverManagerDataSource db;
  private JdbcLedger ledger;
  private UnionPayRequests requests;
  private ChannelOutcomes outcomes;
  private Payment payment;

  @BeforeEach
  void ledgerWithAPaidPayment() {
    db =
        new DriverManagerDataSource(
            "jdbc:h2:mem:upq_"
                + UUID.randomUUID().toString().replace("-", "")
                + ";DB_CLOSE_DELAY=-1",
            "sa",
            "");
    Flyway.configure().dataSource(db).load().migrate();
    ledger = new JdbcLedger(db, new JdbcTransactionManager(db), CLOCK);
    MerchantRegistry merchants =
        new MerchantRegistry(
            new PayHubProperties(
                null,
                Map.of(),
                List.of(
                    new PayHubProperties.Merchant(
                        "M1", "shop", Set.of(Channel.UNIONPAY), Map.of(Channel.UNIONPAY, MER_ID))),
                null));
    requests =
        new UnionPayRequests(
            ledger,
            merchants,
            null, // only a consume encrypts a card: a query needs no key ring
            new UnionPayGateway(
                "https://gateway.95516.com",
                "https://hub.example/notify/unionpay",
                Duration.ofSeconds(2),
                Duration.ofSeconds(10),
                "unionpay-sign",
                "unionpay-trust",
                "unionpay-encrypt",
                "07"));
    outcomes =
        new ChannelOutcomes(
            ledger,
            new LedgerChanges(
                ledger,
                new SimpleMeterRegistry(),
                new com.payhub.outbox.Outbox(db, json, CLOCK, "payments.events"),
                new JdbcTransactionManager(db)),
            json);
    payment = ledger.admit(order(Operation.PAY, 10_000, null), "test").payment();
    ledger.transition(payment.paymentId(), PaymentStatus.DISPATCHED, "test", null);
    ledger.transition(
        payment.paymentId(),
        PaymentStatus.SUCCEEDED,
        "test",
        com.payhub.ledger.ChannelRef.ofTransaction("762611271630050000001"));
  }

  @AfterEach
  void drop() {
    new JdbcTemplate(db).execute("SHUTDOWN");
  }

  private static PaymentOrder order(Operation op, long minor, String refundNo) {
    return new PaymentOrder(
        (op == Operation.QUERY ? "Q" : "P") + UUID.randomUUID().toString().substring(0, 8),
        "M1",
        "ORDER20261127001",
        Channel.UNIONPAY,
        op,
        minor == 0 ? null : Money.ofMinor(minor, "CNY"),
        null,
        refundNo,
        null,
        null,
        null,
        Dialect.CANONICAL,
        Instant.now());
  }

  private Refund dispatchedRefund(String refundNo, long minor) {
    Refund r = ledger.admit(order(Operation.REFUND, minor, refundNo), "test").refund();
    return ledger.transitionRefund(r.refundId(), PaymentStatus.DISPATCHED, "test", null);
  }

  private Exchange build(PaymentOrder order) {
    Exchange e = new DefaultExchange(camel);
    e.setProperty(IngestService.ORDER, order);
    requests.build(e);
    return e;
  }

  @Test
  void aQueryWithARefundNumberAsksForTheRefundsOwnOrderIdAndTimeSignedExactly() throws Exception {
    dispatchedRefund("RF20261127001", 2_500);

    Exchange e = build(order(Operation.QUERY, 0, "RF20261127001"));

    @SuppressWarnings("unchecked")
    Map<String, String> fields = e.getMessage().getBody(Map.class);
    assertThat(fields)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "version", "5.1.0",
                "encoding", "UTF-8",
                "signMethod", "01",
                "accessType", "0",
                "merId", MER_ID,
                "txnType", "00",
                "txnSubType", "00",
                "bizType", "000000",
                "orderId", "RF20261127001",
                "txnTime", "20261127003005"));
    assertThat(e.getProperty(UnionPayRequests.API)).isEqualTo("queryTrans.do");
    assertThat(e.getProperty(ChannelOutcomes.OUTCOME)).isNull();

    Map<String, String> signed =
        UnionPaySigner.rsa(UnionPayFixture.key(), UnionPayFixture.certificate()).sign(fields);
    assertThat(UnionPaySignContent.of(signed)).isEqualTo(CONTENT);
    assertThat(signed).containsEntry("signature", SIGNATURE);

    byte[] digest =
        MessageDigest.getInstance("SHA-256").digest(CONTENT.getBytes(StandardCharsets.UTF_8));
    assertThat(HexFormat.of().formatHex(digest)).isEqualTo(HEX);
    Signature jca = Signature.getInstance("SHA256withRSA");
    jca.initSign(UnionPayFixture.key());
    jca.update(HEX.getBytes(StandardCharsets.US_ASCII));
    assertThat(Base64.getEncoder().encodeToString(jca.sign())).isEqualTo(SIGNATURE);
  }

  @Test
  void aRefundNumberThePaymentDoesNotHaveIsNotAskedAboutAndChangesNothing() throws Exception {
    Exchange e = build(order(Operation.QUERY, 0, "RF-NOT-OURS"));
    ChannelOutcome skipped = e.getProperty(ChannelOutcomes.OUTCOME, ChannelOutcome.class);
    assertThat(skipped.status()).isNull();
    assertThat(skipped.code()).isEqualTo("UNKNOWN_REFUND");

    outcomes.record(e);

    assertThat(events(e)).isEmpty();
    var result = json.readTree(e.getMessage().getBody(String.class));
    assertThat(result.path("channelCode").asText()).isEqualTo("UNKNOWN_REFUND");
    assertThat(result.has("refundId")).isFalse();
    assertThat(ledger.findPayment(payment.paymentId()).orElseThrow().status())
        .isEqualTo(PaymentStatus.SUCCEEDED);
  }

  @Test
  void aQueryWithoutARefundNumberStaysTheConsumeQuery() {
    @SuppressWarnings("unchecked")
    Map<String, String> fields =
        build(order(Operation.QUERY, 0, null)).getMessage().getBody(Map.class);
    assertThat(fields)
        .containsEntry("orderId", "ORDER20261127001")
        .containsEntry("txnTime", UnionPayTime.format(payment.createdAt()));
  }

  @ParameterizedTest(name = "respCode {0}, origRespCode {1} → refund {2}")
  @CsvSource({
    // the refund was made
    "00, 00, SUCCEEDED, 1",
    "00, A6, SUCCEEDED, 1",
    // UnionPay is still at it
    "00, 03, PENDING, 1",
    "00, 04, PENDING, 1",
    "00, 05, PENDING, 1",
    "00, '', PENDING, 1",
    // refused before money moved
    "00, 60, FAILED, 1",
    "00, 35, FAILED, 1",
    // money in doubt (duplicate, 'debited but', generic error): open until a person decides
    "00, 12, PENDING, 1",
    "00, 75, PENDING, 1",
    "00, 99, PENDING, 1",
    // no such transaction, or the query itself failed: nothing learnt
    "34, '', DISPATCHED, 0",
    "11, '', DISPATCHED, 0"
  })
  void eachAnswerMovesTheRefundPessimistically(
      String respCode, String origRespCode, PaymentStatus expected, int events) throws Exception {
    String refundNo = "RF" + respCode + origRespCode + "X0001";
    Refund refund = dispatchedRefund(refundNo, 2_500);
    Exchange e = build(order(Operation.QUERY, 0, refundNo));
    Map<String, String> answer = new HashMap<>();
    answer.put("respCode", respCode);
    answer.put("respMsg", "msg " + respCode);
    answer.put("merId", MER_ID);
    answer.put("orderId", refundNo);
    answer.put("queryId", "762611271630050000009");
    if (!origRespCode.isEmpty()) {
      answer.put("origRespCode", origRespCode);
      answer.put("origRespMsg", "orig " + origRespCode);
    }
    e.getMessage().setBody(answer);

    new UnionPayResponses().outcome(e);
    outcomes.record(e);

    Refund after = ledger.findRefund(refund.refundId()).orElseThrow();
    assertThat(after.status()).isEqualTo(expected);
    List<PaymentEvent> published = events(e);
    assertThat(published).hasSize(events);
    published.forEach(
        ev -> {
          assertThat(ev.operation()).isEqualTo(Operation.REFUND);
          assertThat(ev.refundNo()).isEqualTo(refundNo);
          assertThat(ev.cause()).isEqualTo("adapter:unionpay:QUERY");
        });
    if (expected == PaymentStatus.SUCCEEDED) {
      assertThat(after.channelRefundId()).isEqualTo("762611271630050000009");
    }
    assertThat(ledger.findPayment(payment.paymentId()).orElseThrow().status())
        .as("a partial refund leaves the payment SUCCEEDED")
        .isEqualTo(PaymentStatus.SUCCEEDED);
  }

  @Test
  void aQueriedFullRefundMakesThePaymentRefundedWithOneEventEach() throws Exception {
    dispatchedRefund("RF20261127FULL", 10_000);
    Exchange e = build(order(Operation.QUERY, 0, "RF20261127FULL"));
    e.getMessage().setBody(fullRefundMade());

    new UnionPayResponses().outcome(e);
    outcomes.record(e);

    assertThat(events(e))
        .extracting(PaymentEvent::operation, PaymentEvent::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Operation.REFUND, PaymentStatus.SUCCEEDED),
            org.assertj.core.groups.Tuple.tuple(Operation.PAY, PaymentStatus.REFUNDED));
    assertThat(json.readTree(e.getMessage().getBody(String.class)).path("refundNo").asText())
        .isEqualTo("RF20261127FULL");

    // the same answer again (a second query) changes nothing and publishes nothing
    Exchange again = build(order(Operation.QUERY, 0, "RF20261127FULL"));
    again.getMessage().setBody(fullRefundMade());
    new UnionPayResponses().outcome(again);
    outcomes.record(again);
    assertThat(events(again)).isEmpty();
  }

  private static Map<String, String> fullRefundMade() {
    return new HashMap<>(
        Map.of(
            "respCode", "00",
            "merId", MER_ID,
            "orderId", "RF20261127FULL",
            "origRespCode", "00",
            "queryId", "762611271630050000010"));
  }

  @SuppressWarnings("unchecked")
  private List<PaymentEvent> events(Exchange e) throws Exception {
    List<PaymentEvent> out = new ArrayList<>();
    for (String t : (List<String>) e.getProperty(ChannelOutcomes.EVENTS, List.class)) {
      out.add(json.readValue(t, PaymentEvent.class));
    }
    return out;
  }
}
