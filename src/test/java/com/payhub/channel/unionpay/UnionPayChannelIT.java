package com.payhub.channel.unionpay;

import static com.payhub.Samples.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.payhub.EventTap;
import com.payhub.model.Operation;
import com.payhub.model.PaymentEvent;
import com.payhub.model.PaymentStatus;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * PAY, QUERY, REFUND and CLOSE end to end, over HTTP and over the queue: ingest, the embedded
 * broker, the UnionPay adapter, the sandbox gateway over loopback HTTP, its signed notification
 * back to /notify/unionpay, and exactly one event per status change. (Events of one payment may
 * arrive out of order on the topic: the adapter publishes inside its queue transaction, which
 * commits after a fast notification's events; {@code previousStatus} gives the ledger's order.)
 */
class UnionPayChannelIT extends UnionPayHubSupport {

  @ParameterizedTest(name = "over {0}")
  @ValueSource(strings = {"http", "queue"})
  void payIsAcceptedThenSucceedsByNotification(String transport) throws Exception {
    String orderNo = orderNo("UPAY");
    try (EventTap tap = tapEvents()) {
      String paymentId = submit(transport, pay(orderNo, 12_300)).get("paymentId").asText();
      PaymentEvent paid = tap.await(paymentId, pay(PaymentStatus.SUCCEEDED), WAIT);

      var consume = received(orderNo, "01");
      assertSignedByHub(consume);
      assertThat(consume.get("txnAmt")).isEqualTo("12300");
      assertThat(consume.get("currencyCode")).isEqualTo("156");
      assertThat(consume.get("backUrl")).endsWith("/notify/unionpay");
      assertThat(consume.get("txnTime")).matches("\\d{14}");
      assertThat(consume.get("accNo")).isNotBlank().isNotEqualTo(CARD).doesNotContain("1000000000");
      assertThat(consume.get("encryptCertId")).matches("\\d+");
      assertThat(paid.amount().minor()).isEqualTo(12_300);
      assertThat(paid.channelTransactionId()).matches("\\d{21}");
      assertThat(paid.cause()).startsWith("notify:unionpay:01:");
      assertThat(paid.previousStatus()).isEqualTo(PaymentStatus.PENDING);
      awaitQuiet(tap, paymentId, 2);
      assertThat(tap.of(paymentId).stream().map(PaymentEvent::status).toList())
          .as("accepted, then paid: one event each")
          .containsExactlyInAnyOrder(PaymentStatus.PENDING, PaymentStatus.SUCCEEDED);
    }
  }

  @ParameterizedTest(name = "over {0}")
  @ValueSource(strings = {"http", "queue"})
  void queryAnswersInProcessThenTheNotificationPays(String transport) throws Exception {
    String orderNo = orderNo("UQRY");
    try (EventTap tap = tapEvents()) {
      // .42: the sandbox keeps it in process for two queries, then pays and notifies
      String paymentId = payAndAwait(tap, transport, orderNo, 10_042, PaymentStatus.PENDING);
      String txnTime = received(orderNo, "01").get("txnTime");

      for (int i = 1; i <= 2; i++) {
        int queries = i;
        submit(transport, operation(orderNo, "QUERY", null));
        Awaitility.await()
            .atMost(WAIT)
            .until(
                () ->
                    sandbox.received(orderNo).stream()
                            .filter(r -> "00".equals(r.fields().get("txnType")))
                            .count()
                        >= queries);
      }
      PaymentEvent paid = tap.await(paymentId, pay(PaymentStatus.SUCCEEDED), WAIT);
      assertThat(paid.cause()).startsWith("notify:unionpay:");

      var query = received(orderNo, "00");
      assertSignedByHub(query);
      assertThat(query.get("txnTime")).as("the consume's own txnTime names it").isEqualTo(txnTime);
      assertThat(query.get("bizType")).isEqualTo("000000");
      assertThat(query).doesNotContainKeys("accNo", "backUrl", "txnAmt");

      // a query after the notification changes nothing
      submit(transport, operation(orderNo, "QUERY", null));
      awaitQuiet(tap, paymentId, 2);
      assertThat(tap.of(paymentId).stream().map(PaymentEvent::status).toList())
          .containsExactlyInAnyOrder(PaymentStatus.PENDING, PaymentStatus.SUCCEEDED);
    }
  }

  @ParameterizedTest(name = "over {0}")
  @ValueSource(strings = {"http", "queue"})
  void refundWithTheConsumesQueryIdIsConfirmedByNotification(String transport) throws Exception {
    String orderNo = orderNo("UREF");
    String refundNo = orderNo("R");
    try (EventTap tap = tapEvents()) {
      String paymentId = payAndAwait(tap, transport, orderNo, 20_000, PaymentStatus.SUCCEEDED);
      String queryId =
          tap.await(paymentId, pay(PaymentStatus.SUCCEEDED), WAIT).channelTransactionId();

      submit(
          transport,
          operation(
              orderNo,
              "REFUND",
              with(
                  "refundNo",
                  "\"" + refundNo + "\"",
                  "amount",
                  "{\"minor\":20000,\"currency\":\"CNY\"}")));
      PaymentEvent refunded =
          tap.await(
              paymentId,
              e -> e.operation() == Operation.REFUND && e.status() == PaymentStatus.SUCCEEDED,
              WAIT);
      tap.await(paymentId, pay(PaymentStatus.REFUNDED), WAIT);

      var refund = received(refundNo, "04");
      assertSignedByHub(refund);
      assertThat(refund.get("origQryId")).isEqualTo(queryId);
      assertThat(refund.get("txnAmt")).isEqualTo("20000");
      assertThat(refund.get("reqReserved")).isEqualTo(orderNo);
      assertThat(refunded.refundNo()).isEqualTo(refundNo);
      assertThat(refunded.amount().minor()).isEqualTo(20_000);
      assertThat(refunded.channelTransactionId()).matches("\\d{21}").isNotEqualTo(queryId);
      awaitQuiet(tap, paymentId, 5);
      assertThat(tap.of(paymentId).stream().map(e -> e.operation() + ":" + e.status()).toList())
          .containsExactlyInAnyOrder(
              "PAY:PENDING", "PAY:SUCCEEDED", "REFUND:PENDING", "REFUND:SUCCEEDED", "PAY:REFUNDED");
    }
  }

  @ParameterizedTest(name = "over {0}")
  @ValueSource(strings = {"http", "queue"})
  void closeCancelsAConsumeInProcessAndItsNotificationClosesThePayment(String transport)
      throws Exception {
    String orderNo = orderNo("UCLS");
    try (EventTap tap = tapEvents()) {
      String paymentId = payAndAwait(tap, transport, orderNo, 30_042, PaymentStatus.PENDING);
      String queryId = tap.of(paymentId).get(0).channelTransactionId();

      submit(transport, operation(orderNo, "CLOSE", null));
      PaymentEvent closed = tap.await(paymentId, pay(PaymentStatus.CLOSED), WAIT);
      assertThat(closed.cause()).startsWith("notify:unionpay:31:");

      var cancel =
          sandbox.received().stream()
              .map(r -> r.fields())
              .filter(f -> "31".equals(f.get("txnType")) && orderNo.equals(f.get("reqReserved")))
              .findFirst()
              .orElseThrow();
      assertSignedByHub(cancel);
      assertThat(cancel.get("origQryId")).isEqualTo(queryId);
      assertThat(cancel.get("txnAmt")).isEqualTo("30042");
      assertThat(cancel.get("orderId")).isNotEqualTo(orderNo).matches("[A-Za-z0-9]{8,40}");
      awaitQuiet(tap, paymentId, 2);
      assertThat(tap.of(paymentId).stream().map(PaymentEvent::status).toList())
          .containsExactlyInAnyOrder(PaymentStatus.PENDING, PaymentStatus.CLOSED);
    }
  }

  @Test
  void closeOfAPaidPaymentIsNotSentAndChangesNothing() throws Exception {
    String orderNo = orderNo("UCLP");
    try (EventTap tap = tapEvents()) {
      String paymentId = payAndAwait(tap, "http", orderNo, 40_000, PaymentStatus.SUCCEEDED);
      int before = sandbox.received().size();
      submit("http", operation(orderNo, "CLOSE", null));
      JsonNode result =
          JSON.readTree(
              text(
                  receive(
                      "payments.results",
                      "PayHubPaymentId = '" + paymentId + "' AND PayHubOperation = 'CLOSE'")));
      assertThat(result.get("channelCode").asText()).isEqualTo("NOT_CLOSABLE");
      assertThat(result.get("status").asText()).isEqualTo("SUCCEEDED");
      awaitQuiet(tap, paymentId, 2);
      assertThat(tap.of(paymentId)).hasSize(2);
      assertThat(sandbox.received().stream().skip(before).map(r -> r.fields().get("txnType")))
          .doesNotContain("31");
      JsonNode payment = ledger(paymentId).get("payment");
      assertThat(payment.get("status").asText()).isEqualTo("SUCCEEDED");
    }
  }

  /** Waits until the payment has {@code count} events and no more arrive for a moment. */
  static void awaitQuiet(EventTap tap, String paymentId, int count) {
    Awaitility.await()
        .atMost(WAIT)
        .pollDelay(Duration.ofMillis(700))
        .until(() -> tap.of(paymentId).size() >= count);
  }
}
