package com.payhub.channel.alipay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.payhub.EventTap;
import com.payhub.model.PaymentEvent;
import com.payhub.model.PaymentStatus;
import com.payhub.sandbox.alipay.AlipaySandboxTrades;
import jakarta.jms.Message;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The sandbox behaviours (the amount's last two digits) and what the hub makes of them: never
 * SUCCEEDED without Alipay saying so, the reason kept, one event per change.
 */
class AlipayFailureIT extends AlipayHubSupport {

  @Autowired AlipaySandboxTrades sandboxTrades;

  @ParameterizedTest(name = "{0} -> {2} {3}")
  @CsvSource({
    "DECLINE,        10041, FAILED,  ACQ.TOTAL_FEE_EXCEED",
    "SERVER_ERROR,   10044, PENDING, HTTP_503",
    "TIMEOUT,        10045, PENDING, CHANNEL_TIMEOUT",
    "BAD_SIGNATURE,  10048, PENDING, RESPONSE_SIGNATURE_INVALID",
  })
  void aPayThatAlipayDidNotConfirmIsNeverSucceeded(
      String behaviour, long minor, PaymentStatus status, String code) throws Exception {
    String orderNo = orderNo("AF");
    try (EventTap tap = tapEvents()) {
      String paymentId = pay("queue", orderNo, minor);
      PaymentEvent event = await(tap, paymentId, status);
      assertThat(event.reasonCode()).as(behaviour).isEqualTo(code);
      assertThat(event.reasonMessage()).isNotBlank();
      assertThat(event.amount().minor()).isEqualTo(minor);
      onlyEvents(tap, paymentId, status);
      JsonNode result = result(paymentId);
      assertThat(result.get("status").asText()).isEqualTo(status.name());
      assertThat(result.get("channelCode").asText()).isEqualTo(code);
    }
    // nothing was charged: Alipay has no trade, and nobody is told otherwise
    assertThat(sandboxTrades.view("2021000000000001", orderNo)).isEmpty();
    assertThat(deliveries(orderNo)).isEmpty();
    // one call each: no automatic retry of a payment request
    assertThat(sandboxCalls(orderNo, "alipay.trade.precreate")).isEqualTo(1);
  }

  @Test
  void aSlowAnswerInsideTheReadTimeoutStillPays() throws Exception {
    String orderNo = orderNo("AS");
    try (EventTap tap = tapEvents()) {
      String paymentId = pay("http", orderNo, 10043);
      await(tap, paymentId, PaymentStatus.SUCCEEDED);
      onlyEvents(tap, paymentId, PaymentStatus.PENDING, PaymentStatus.SUCCEEDED);
    }
  }

  @Test
  void aPaymentTheBuyerNeverMadeEndsClosedWithTheReason() throws Exception {
    String orderNo = orderNo("AX");
    try (EventTap tap = tapEvents()) {
      String paymentId = pay("http", orderNo, 10047);
      PaymentEvent closed = await(tap, paymentId, PaymentStatus.CLOSED);
      assertThat(closed.reasonCode()).isEqualTo("TRADE_CLOSED");
      assertThat(closed.cause()).startsWith("notify:alipay:");
      onlyEvents(tap, paymentId, PaymentStatus.PENDING, PaymentStatus.CLOSED);
    }
  }

  @Test
  void aDuplicatedNotificationMakesOneEvent() throws Exception {
    String orderNo = orderNo("AD");
    try (EventTap tap = tapEvents()) {
      String paymentId = pay("queue", orderNo, 10046);
      await(tap, paymentId, PaymentStatus.SUCCEEDED);
      awaitAcknowledged(orderNo, 2);
      onlyEvents(tap, paymentId, PaymentStatus.PENDING, PaymentStatus.SUCCEEDED);
    }
    assertThat(deliveries(orderNo)).allMatch(d -> d.attempts().size() == 1);
  }

  @Test
  void aRefundTheSellerCannotFundFailsWithTheReason() throws Exception {
    String orderNo = orderNo("AY");
    try (EventTap tap = tapEvents()) {
      String paymentId = pay("http", orderNo, 10000);
      await(tap, paymentId, PaymentStatus.SUCCEEDED);
      refund("http", orderNo, orderNo + "R", 1041);
      PaymentEvent failed = awaitRefund(tap, paymentId, PaymentStatus.FAILED);
      assertThat(failed.reasonCode()).isEqualTo("ACQ.SELLER_BALANCE_NOT_ENOUGH");
      onlyEvents(tap, paymentId, "PAY:PENDING", "PAY:SUCCEEDED", "REFUND:FAILED");
    }
  }

  @Test
  void aRefundAcceptedWithoutFundChangeSucceedsOnItsNotification() throws Exception {
    String orderNo = orderNo("AZ");
    try (EventTap tap = tapEvents()) {
      String paymentId = pay("queue", orderNo, 10000);
      await(tap, paymentId, PaymentStatus.SUCCEEDED);
      refund("queue", orderNo, orderNo + "R", 1042);
      PaymentEvent pending = awaitRefund(tap, paymentId, PaymentStatus.PENDING);
      assertThat(pending.cause()).isEqualTo("adapter:alipay:REFUND");
      PaymentEvent done = awaitRefund(tap, paymentId, PaymentStatus.SUCCEEDED);
      assertThat(done.cause()).startsWith("notify:alipay:");
      assertThat(done.amount().minor()).isEqualTo(1042);
      onlyEvents(
          tap, paymentId, "PAY:PENDING", "PAY:SUCCEEDED", "REFUND:PENDING", "REFUND:SUCCEEDED");
    }
  }

  @Test
  void closingAPaidTradeChangesNothing() throws Exception {
    String orderNo = orderNo("AK");
    try (EventTap tap = tapEvents()) {
      String paymentId = pay("http", orderNo, 10000);
      await(tap, paymentId, PaymentStatus.SUCCEEDED);
      close("http", orderNo);
      Awaitility.await().atMost(WAIT).until(() -> sandboxCalls(orderNo, "alipay.trade.close") == 1);
      onlyEvents(tap, paymentId, PaymentStatus.PENDING, PaymentStatus.SUCCEEDED);
    }
  }

  /** The adapter's result for a PAY on payments.results (correlated by the payment id). */
  private JsonNode result(String paymentId) throws Exception {
    Message m =
        receive(
            "payments.results",
            "JMSCorrelationID = '" + paymentId + "' AND PayHubOperation = 'PAY'");
    return JSON.readTree(text(m));
  }
}
