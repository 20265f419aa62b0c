package com.payhub.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.payhub.EventTap;
import com.payhub.HubTestSupport;
import com.payhub.Samples;
import com.payhub.ledger.HistoryEntry;
import com.payhub.ledger.Ledger;
import com.payhub.ledger.PaymentView;
import com.payhub.ledger.Refund;
import com.payhub.ledger.SubjectKind;
import com.payhub.model.Channel;
import com.payhub.model.Money;
import com.payhub.model.Operation;
import com.payhub.model.PaymentEvent;
import com.payhub.model.PaymentStatus;
import com.payhub.sandbox.alipay.AlipaySandboxRequests;
import com.payhub.sandbox.unionpay.UnionPaySandboxGateway;
import com.payhub.sandbox.wechatpay.WechatPaySandboxRequests;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The janitor's refund queries against the real hub and each sandbox channel over loopback (test
 * schedule: stale after 2 s, then three queries 300 ms apart). A refund whose answer was lost (the
 * sandbox's .45: it makes the refund, answers after the hub's read timeout and never notifies) ends
 * SUCCEEDED through the janitor's query, with one event, and the payment REFUNDED; a refund the
 * channel never heard of (.44: 503 before anything) ends in NEEDS_REVIEW with one event. Nothing is
 * refunded twice: the channel sees one refund request per refund.
 */
class RefundJanitorIT extends HubTestSupport {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String CARD = "6216261000000000018";

  @Autowired Ledger ledger;
  @Autowired JdbcTemplate jdbc;
  @Autowired AlipaySandboxRequests alipaySandbox;
  @Autowired WechatPaySandboxRequests wechatpaySandbox;
  @Autowired UnionPaySandboxGateway unionpaySandbox;

  @BeforeEach
  void startJanitor() throws Exception {
    camelContext.getRouteController().startRoute("janitor");
  }

  @AfterEach
  void stopJanitor() throws Exception {
    camelContext.getRouteController().stopRoute("janitor");
  }

  @ParameterizedTest
  @EnumSource(Channel.class)
  void aRefundWhoseAnswerWasLostIsSettledByTheJanitorsQuery(Channel channel) throws Exception {
    String orderNo = number("RQL");
    String first = number("RFA");
    String lost = number("RFB");
    try (EventTap events = tapEvents()) {
      String paymentId = pay(channel, orderNo, 20000);
      events.await(paymentId, pay(PaymentStatus.SUCCEEDED), WAIT);
      // an ordinary partial refund first, so that the lost one completes the refund
      refund(channel, orderNo, first, 9955);
      events.await(paymentId, refund(first, PaymentStatus.SUCCEEDED), WAIT);

      refund(channel, orderNo, lost, 10045);

      PaymentEvent timedOut = events.await(paymentId, refund(lost, PaymentStatus.PENDING), WAIT);
      assertThat(timedOut.reasonCode()).isEqualTo("CHANNEL_TIMEOUT");
      PaymentEvent settled = events.await(paymentId, refund(lost, PaymentStatus.SUCCEEDED), WAIT);
      assertThat(settled.cause()).isEqualTo("adapter:" + channel.id() + ":QUERY");
      assertThat(settled.previousStatus()).isEqualTo(PaymentStatus.PENDING);
      assertThat(settled.amount()).isEqualTo(Money.ofMinor(10045, "CNY"));
      PaymentEvent refunded = events.await(paymentId, pay(PaymentStatus.REFUNDED), WAIT);
      assertThat(refunded.cause()).isEqualTo("adapter:" + channel.id() + ":QUERY");

      // exactly one event each, and no late second one (a notification, another query)
      Awaitility.await()
          .during(Duration.ofSeconds(1))
          .atMost(Duration.ofSeconds(8))
          .until(
              () ->
                  List.of(
                      count(events, paymentId, refund(lost, PaymentStatus.SUCCEEDED)),
                      count(events, paymentId, pay(PaymentStatus.REFUNDED))),
              List.of(1L, 1L)::equals);
      PaymentView view = ledger.find(paymentId).orElseThrow();
      assertThat(view.payment().status()).isEqualTo(PaymentStatus.REFUNDED);
      Refund r = refundNamed(view, lost);
      assertThat(r.status()).isEqualTo(PaymentStatus.SUCCEEDED);
      assertThat(checks(r.refundId())).isGreaterThanOrEqualTo(1);
      assertThat(refundRequests(channel, orderNo, lost)).as("refunded once").isEqualTo(1);
      assertThat(refundQueries(channel, orderNo, lost)).isGreaterThanOrEqualTo(1);
    }
  }

  @ParameterizedTest
  @EnumSource(Channel.class)
  void aRefundTheChannelNeverHeardOfEndsInReviewWithOneEvent(Channel channel) throws Exception {
    String orderNo = number("RQN");
    String unheard = number("RFN");
    try (EventTap events = tapEvents()) {
      String paymentId = pay(channel, orderNo, 20000);
      events.await(paymentId, pay(PaymentStatus.SUCCEEDED), WAIT);

      // .44: HTTP 503 before the channel kept anything
      refund(channel, orderNo, unheard, 10044);

      PaymentEvent review =
          events.await(paymentId, refund(unheard, PaymentStatus.NEEDS_REVIEW), WAIT);
      assertThat(review.previousStatus()).isEqualTo(PaymentStatus.PENDING);
      assertThat(review.reasonCode()).isEqualTo("NO_FINAL_ANSWER");
      assertThat(review.cause()).isEqualTo("janitor");
      Awaitility.await()
          .during(Duration.ofSeconds(1))
          .atMost(Duration.ofSeconds(8))
          .until(
              () ->
                  events.of(paymentId).stream()
                      .filter(e -> unheard.equals(e.refundNo()))
                      .map(e -> e.status().name())
                      .toList(),
              List.of("PENDING", "NEEDS_REVIEW")::equals);
      PaymentView view = ledger.find(paymentId).orElseThrow();
      Refund r = refundNamed(view, unheard);
      assertThat(r.status()).isEqualTo(PaymentStatus.NEEDS_REVIEW);
      assertThat(view.payment().status())
          .as("the payment is untouched")
          .isEqualTo(PaymentStatus.SUCCEEDED);
      assertThat(checks(r.refundId())).as("three queries, then review").isEqualTo(3);
      assertThat(view.history())
          .filteredOn(h -> h.subjectKind() == SubjectKind.REFUND)
          .filteredOn(h -> h.subjectId().equals(r.refundId()))
          .extracting(HistoryEntry::to, HistoryEntry::cause)
          .last()
          .isEqualTo(org.assertj.core.groups.Tuple.tuple(PaymentStatus.NEEDS_REVIEW, "janitor"));
      Awaitility.await()
          .atMost(Duration.ofSeconds(8))
          .until(() -> refundQueries(channel, orderNo, unheard), n -> n == 3);
    }
  }

  private String pay(Channel channel, String orderNo, long minor) throws Exception {
    Map<String, Object> f =
        Samples.with(
            "channel",
            "\"" + channel.id() + "\"",
            "amount",
            "{\"minor\":" + minor + ",\"currency\":\"CNY\"}");
    if (channel == Channel.UNIONPAY) {
      f.put("attributes", "{\"accNo\":\"" + CARD + "\"}"); // a back-end consume needs the card
    }
    return accepted(Samples.canonical(orderNo, f));
  }

  private void refund(Channel channel, String orderNo, String refundNo, long minor)
      throws Exception {
    accepted(
        Samples.canonical(
            orderNo,
            Samples.with(
                "channel",
                "\"" + channel.id() + "\"",
                "operation",
                "\"REFUND\"",
                "refundNo",
                "\"" + refundNo + "\"",
                "amount",
                "{\"minor\":" + minor + ",\"currency\":\"CNY\"}",
                "subject",
                null,
                "notifyUrl",
                null)));
  }

  /** Posts a canonical order; returns the payment id of the 202. */
  private String accepted(String body) throws Exception {
    HttpResponse<String> r = post("/api/v1/payments", "application/json", body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    return JSON.readTree(r.body()).path("paymentId").asText();
  }

  /** Letters and digits only, 20 in all: a valid order or refund number on every channel. */
  private static String number(String prefix) {
    return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 17).toUpperCase();
  }

  private static Predicate<PaymentEvent> pay(PaymentStatus status) {
    return e -> e.operation() == Operation.PAY && e.status() == status;
  }

  private static Predicate<PaymentEvent> refund(String refundNo, PaymentStatus status) {
    return e ->
        e.operation() == Operation.REFUND && refundNo.equals(e.refundNo()) && e.status() == status;
  }

  private static long count(EventTap events, String paymentId, Predicate<PaymentEvent> match) {
    return events.of(paymentId).stream().filter(match).count();
  }

  private static Refund refundNamed(PaymentView view, String refundNo) {
    return view.refunds().stream()
        .filter(r -> r.refundNo().equals(refundNo))
        .findFirst()
        .orElseThrow();
  }

  private int checks(String refundId) {
    Integer n =
        jdbc.query(
            "SELECT checks FROM refund_check WHERE refund_id = ?",
            rs -> rs.next() ? rs.getInt(1) : 0,
            refundId);
    return n == null ? 0 : n;
  }

  /** The refund requests the channel's sandbox received for this refund number. */
  private long refundRequests(Channel channel, String orderNo, String refundNo) {
    return switch (channel) {
      case ALIPAY -> alipayCalls(orderNo, refundNo, "alipay.trade.refund");
      case WECHATPAY ->
          wechatpaySandbox.all().stream()
              .filter(r -> r.method().equals("POST"))
              .filter(r -> r.target().endsWith("/v3/refund/domestic/refunds"))
              .filter(r -> r.body().contains("\"out_refund_no\":\"" + refundNo + "\""))
              .count();
      case UNIONPAY ->
          unionpaySandbox.received(refundNo).stream()
              .filter(r -> "04".equals(r.fields().get("txnType")))
              .count();
    };
  }

  /** The refund queries the channel's sandbox received for this refund number. */
  private long refundQueries(Channel channel, String orderNo, String refundNo) {
    return switch (channel) {
      case ALIPAY -> alipayCalls(orderNo, refundNo, "alipay.trade.fastpay.refund.query");
      case WECHATPAY ->
          wechatpaySandbox.all().stream()
              .filter(r -> r.method().equals("GET"))
              .filter(r -> r.target().endsWith("/v3/refund/domestic/refunds/" + refundNo))
              .count();
      case UNIONPAY ->
          unionpaySandbox.received(refundNo).stream()
              .filter(r -> "00".equals(r.fields().get("txnType")))
              .count();
    };
  }

  private long alipayCalls(String orderNo, String refundNo, String method) {
    return alipaySandbox.forTrade(orderNo).stream()
        .filter(r -> method.equals(r.params().get("method")))
        .filter(
            r ->
                r.params()
                    .getOrDefault("biz_content", "")
                    .contains("\"out_request_no\":\"" + refundNo + "\""))
        .count();
  }
}
