package com.payhub.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.payhub.EventTap;
import com.payhub.HubTestSupport;
import com.payhub.Samples;
import com.payhub.ledger.HistoryEntry;
import com.payhub.ledger.Ledger;
import com.payhub.ledger.Payment;
import com.payhub.model.Channel;
import com.payhub.model.Dialect;
import com.payhub.model.Money;
import com.payhub.model.Operation;
import com.payhub.model.PaymentEvent;
import com.payhub.model.PaymentOrder;
import com.payhub.model.PaymentStatus;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The janitor against the real hub and sandbox channels (test schedule: stale after 2 s, then three
 * queries 300 ms apart): a waiting payment is settled by a query, one the channel never saw ends in
 * NEEDS_REVIEW with one event, one never sent goes to review at once. Nothing is paid twice.
 */
class JanitorIT extends HubTestSupport {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired Ledger ledger;
  @Autowired JdbcTemplate jdbc;

  @BeforeEach
  void startJanitor() throws Exception {
    camelContext.getRouteController().startRoute("janitor");
  }

  @AfterEach
  void stopJanitor() throws Exception {
    camelContext.getRouteController().stopRoute("janitor");
  }

  @Test
  void aPaymentWaitingForItsPayerIsSettledByTheJanitorsQueries() throws Exception {
    try (EventTap events = tapEvents()) {
      // .42: the sandbox answers "not paid yet" to the first queries, then "paid"; no notification
      HttpResponse<String> r =
          post(
              "/api/v1/payments",
              "application/json",
              Samples.canonical(
                  "JAN_Q_" + System.nanoTime() % 1_000_000,
                  Map.of(
                      "channel",
                      "\"wechatpay\"",
                      "amount",
                      "{\"minor\":10042,\"currency\":\"CNY\"}")));
      assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
      String id = JSON.readTree(r.body()).path("paymentId").asText();

      PaymentEvent paid =
          events.await(id, e -> e.status() == PaymentStatus.SUCCEEDED, Duration.ofSeconds(30));

      // the query's answer or the notification the sandbox sends once paid, whichever is first
      assertThat(paid.cause()).matches("adapter:wechatpay:QUERY|notify:wechatpay:.+");
      assertThat(paid.amount()).isEqualTo(Money.ofMinor(10042, "CNY"));
      assertThat(events.of(id))
          .extracting(PaymentEvent::status)
          .containsExactly(PaymentStatus.PENDING, PaymentStatus.SUCCEEDED);
      assertThat(checks(id))
          .as("the janitor asked past the sandbox's two 'not paid yet' answers")
          .isGreaterThanOrEqualTo(2);
    }
  }

  @Test
  void aPaymentTheChannelNeverSawEndsInReviewWithOneEvent() throws Exception {
    try (EventTap events = tapEvents()) {
      // in the ledger as dispatched, but never on the queue (the send failed, say)
      Payment lost = admit("JAN_L_", Channel.UNIONPAY, PaymentStatus.DISPATCHED);

      PaymentEvent review =
          events.await(
              lost.paymentId(),
              e -> e.status() == PaymentStatus.NEEDS_REVIEW,
              Duration.ofSeconds(30));

      assertThat(review.previousStatus()).isEqualTo(PaymentStatus.DISPATCHED);
      assertThat(review.reasonCode()).isEqualTo("NO_FINAL_ANSWER");
      assertThat(checks(lost.paymentId())).isEqualTo(3);
      assertThat(events.of(lost.paymentId())).hasSize(1);
      assertThat(ledger.find(lost.paymentId()).orElseThrow().history())
          .extracting(HistoryEntry::to, HistoryEntry::cause)
          .last()
          .isEqualTo(org.assertj.core.groups.Tuple.tuple(PaymentStatus.NEEDS_REVIEW, "janitor"));
    }
  }

  @Test
  void aPaymentNeverSentGoesToReviewWithoutAQuery() throws Exception {
    try (EventTap events = tapEvents()) {
      Payment received = admit("JAN_R_", Channel.ALIPAY, PaymentStatus.RECEIVED);

      PaymentEvent review =
          events.await(
              received.paymentId(),
              e -> e.status() == PaymentStatus.NEEDS_REVIEW,
              Duration.ofSeconds(30));

      assertThat(review.reasonMessage()).isEqualTo("never handed to the channel queue");
      assertThat(checks(received.paymentId())).isZero();
    }
  }

  private Payment admit(String prefix, Channel channel, PaymentStatus status) {
    PaymentOrder order =
        new PaymentOrder(
            null,
            "M100001",
            prefix + System.nanoTime() % 1_000_000,
            channel,
            Operation.PAY,
            Money.ofMinor(10000, "CNY"),
            "Tea",
            null,
            null,
            null,
            null,
            Dialect.CANONICAL,
            Instant.now());
    Payment p =
        ledger
            .admit(order.accepted(com.payhub.model.HubIds.payment(), Instant.now()), "test")
            .payment();
    return status == PaymentStatus.RECEIVED
        ? p
        : ledger.transition(p.paymentId(), status, "test", null);
  }

  private int checks(String paymentId) {
    Integer n =
        jdbc.query(
            "SELECT checks FROM payment_check WHERE payment_id = ?",
            rs -> rs.next() ? rs.getInt(1) : 0,
            paymentId);
    return n == null ? 0 : n;
  }
}
