package com.payhub.channel.wechatpay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.payhub.EventTap;
import com.payhub.model.Operation;
import com.payhub.model.PaymentEvent;
import com.payhub.model.PaymentStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The sandbox's failure behaviours (the amount's last two digits) through the whole hub: nothing
 * that leaves the answer unknown or refused ever makes a payment SUCCEEDED, the reason is kept, and
 * the success paths that take a detour end with exactly one SUCCEEDED event.
 */
class WechatPayFailureIT extends WechatPayHubSupport {

  @ParameterizedTest(name = "{0}: {2} {3}")
  @CsvSource({
    "TIMEOUT,        10045, PENDING, CHANNEL_TIMEOUT",
    "SERVER_ERROR,   10044, PENDING, HTTP_503",
    "BAD_SIGNATURE,  10048, PENDING, RESPONSE_SIGNATURE_INVALID",
    "DECLINE,        10041, FAILED,  NO_AUTH",
  })
  void aPayThatIsNotAcceptedNeverSucceeds(
      String behaviour, long minor, PaymentStatus expected, String code) throws Exception {
    String orderNo = orderNo("WF");
    try (EventTap events = tapEvents()) {
      JsonNode accepted = submit("http", pay(orderNo, minor));
      String paymentId = accepted.path("paymentId").asText();

      PaymentEvent event = awaitStatus(events, paymentId, expected);
      assertThat(event.reasonCode()).isEqualTo(code);
      assertThat(event.cause()).isEqualTo("adapter:wechatpay:PAY");

      // positive control: a normal payment made after it is paid and notified in full
      paidInFull(events, orderNo("WK"));
      assertThat(statuses(events, paymentId)).containsExactly(expected.name());
      assertThat(notifier.deliveries("wechatpay:" + orderNo)).isEmpty();
      JsonNode ledger = JSON.readTree(get("/api/v1/payments/" + paymentId).body());
      assertThat(ledger.path("payment").path("status").asText()).isEqualTo(expected.name());
      assertThat(ledger.path("payment").path("channelCode").asText()).isEqualTo(code);
    }
  }

  @Test
  void declineKeepsWechatsCodeAndMessageVerbatim() throws Exception {
    try (EventTap events = tapEvents()) {
      String paymentId = submit("queue", pay(orderNo("WD"), 3041)).path("paymentId").asText();

      PaymentEvent failed = awaitStatus(events, paymentId, PaymentStatus.FAILED);

      assertThat(failed.reasonCode()).isEqualTo("NO_AUTH");
      assertThat(failed.reasonMessage()).isEqualTo("商户无权限 (sandbox DECLINE)");
    }
  }

  @Test
  void payFailsStaysPendingUntilAQuerySaysPayerror() throws Exception {
    String orderNo = orderNo("WX");
    try (EventTap events = tapEvents()) {
      String paymentId = payPending(events, "http", orderNo, 10047);

      paidInFull(events, orderNo("WK"));
      assertThat(statuses(events, paymentId)).containsExactly("PENDING");
      assertThat(notifier.deliveries("wechatpay:" + orderNo))
          .as("WeChat Pay v3 notifies successes only")
          .isEmpty();
    }
  }

  @Test
  void pendingThenSucceedEndsSucceededAfterTheNotification() throws Exception {
    String orderNo = orderNo("WP");
    try (EventTap events = tapEvents()) {
      String paymentId = payPending(events, "queue", orderNo, 10042);

      submit("queue", byOrder(orderNo, "QUERY")); // USERPAYING: nothing changes
      submit("http", byOrder(orderNo, "QUERY")); // the last "waiting" answer; the payer pays
      PaymentEvent paid = awaitStatus(events, paymentId, PaymentStatus.SUCCEEDED);
      awaitDeliveries(orderNo, 1);

      assertThat(paid.cause()).startsWith("notify:wechatpay:");
      assertThat(paid.channelTransactionId()).matches("42000[0-9]{23}");
      assertThat(statuses(events, paymentId)).containsExactly("PENDING", "SUCCEEDED");
    }
  }

  @Test
  void aDuplicateNotificationMakesOneSucceededEvent() throws Exception {
    String orderNo = orderNo("WU");
    try (EventTap events = tapEvents()) {
      String paymentId = payAccepted(events, "http", orderNo, 10046);

      awaitStatus(events, paymentId, PaymentStatus.SUCCEEDED);
      awaitDeliveries(orderNo, 2); // both copies acknowledged with 204

      paidInFull(events, orderNo("WK"));
      assertTransitions(events, paymentId, "?PENDING", "SUCCEEDED");
    }
  }

  @Test
  void aSlowAnswerWithinTheReadTimeoutStillPays() throws Exception {
    try (EventTap events = tapEvents()) {
      String orderNo = orderNo("WS");
      // the notification (100 ms) usually overtakes the slow answer (500 ms): the ledger then
      // refuses the late PENDING and publishes nothing for it
      String paymentId = payAccepted(events, "http", orderNo, 10043);
      awaitStatus(events, paymentId, PaymentStatus.SUCCEEDED);
      awaitDeliveries(orderNo, 1);
      paidInFull(events, orderNo("WK"));
      assertTransitions(events, paymentId, "?PENDING", "SUCCEEDED");
    }
  }

  @ParameterizedTest(name = "refund {0}")
  @CsvSource({
    "DECLINE,      2041, FAILED, NOT_ENOUGH",
    "SERVER_ERROR, 2044, PENDING, HTTP_503",
  })
  void aRefundThatIsNotAcceptedNeverSucceeds(
      String behaviour, long minor, PaymentStatus expected, String code) throws Exception {
    String orderNo = orderNo("WG");
    try (EventTap events = tapEvents()) {
      String paymentId = paidInFull(events, orderNo);

      submit("http", refund(orderNo, orderNo("RF"), minor));
      PaymentEvent refund =
          events.await(
              paymentId, e -> e.operation() == Operation.REFUND && e.status() == expected, WAIT);

      assertThat(refund.reasonCode()).isEqualTo(code);
      paidInFull(events, orderNo("WK"));
      assertTransitions(events, paymentId, "?PENDING", "SUCCEEDED", "REFUND:" + expected);
    }
  }

  @Test
  void aRefundWhoseNotificationSaysAbnormalFails() throws Exception {
    String orderNo = orderNo("WA");
    try (EventTap events = tapEvents()) {
      String paymentId = paidInFull(events, orderNo);

      submit("queue", refund(orderNo, orderNo("RF"), 2047));
      PaymentEvent failed =
          events.await(
              paymentId,
              e -> e.operation() == Operation.REFUND && e.status() == PaymentStatus.FAILED,
              WAIT);
      awaitDeliveries(orderNo, 2);

      assertThat(failed.reasonCode()).isEqualTo("ABNORMAL");
      assertThat(failed.cause()).startsWith("notify:wechatpay:");
      assertTransitions(
          events, paymentId, "?PENDING", "SUCCEEDED", "?REFUND:PENDING", "REFUND:FAILED");
    }
  }

  /** A normal payment of 100.00, paid and notified; returns its payment id. */
  String paidInFull(EventTap events, String orderNo) throws Exception {
    String paymentId = payAccepted(events, "http", orderNo, 10000);
    awaitStatus(events, paymentId, PaymentStatus.SUCCEEDED);
    awaitDeliveries(orderNo, 1);
    return paymentId;
  }
}
