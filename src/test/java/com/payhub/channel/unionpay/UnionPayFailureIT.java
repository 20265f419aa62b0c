package com.payhub.channel.unionpay;

import static org.assertj.core.api.Assertions.assertThat;

import com.payhub.EventTap;
import com.payhub.Samples;
import com.payhub.model.PaymentEvent;
import com.payhub.model.PaymentStatus;
import com.payhub.sandbox.SandboxNotifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The sandbox behaviours (amount's last two digits) leave a UnionPay payment PENDING or FAILED with
 * the reason, never SUCCEEDED, except where UnionPay said so by notification.
 */
class UnionPayFailureIT extends UnionPayHubSupport {

  @Autowired SandboxNotifier notifier;

  @ParameterizedTest(name = "amount {0} ends {1} with {2}")
  @CsvSource({
    "10045, PENDING, CHANNEL_TIMEOUT",
    "10044, PENDING, HTTP_503",
    "10041, FAILED, 30",
    "10048, PENDING, RESPONSE_SIGNATURE_INVALID",
    "10047, FAILED, 60"
  })
  void aFailureNeverEndsSucceeded(long minor, PaymentStatus status, String reason)
      throws Exception {
    String orderNo = orderNo("UF");
    try (EventTap tap = tapEvents()) {
      String paymentId = submit("http", pay(orderNo, minor)).get("paymentId").asText();
      PaymentEvent event = tap.await(paymentId, pay(status), WAIT);
      assertThat(event.reasonCode()).isEqualTo(reason);
      assertThat(event.amount().minor()).isEqualTo(minor);
      if (reason.matches("\\d+")) {
        assertThat(event.reasonMessage()).as("UnionPay's respMsg, verbatim").isNotBlank();
      }
      UnionPayChannelIT.awaitQuiet(tap, paymentId, 1);
      assertThat(tap.of(paymentId)).noneMatch(e -> e.status() == PaymentStatus.SUCCEEDED);
      assertThat(tap.of(paymentId).stream().filter(e -> e.status() == status)).hasSize(1);
    }
  }

  @Test
  void aDuplicatedNotificationMakesOneSucceededEvent() throws Exception {
    String orderNo = orderNo("UDUP");
    try (EventTap tap = tapEvents()) {
      String paymentId = payAndAwait(tap, "queue", orderNo, 10_046, PaymentStatus.SUCCEEDED);
      org.awaitility.Awaitility.await()
          .atMost(WAIT)
          .until(
              () ->
                  notifier.deliveries("unionpay:" + orderNo + ":01").stream()
                          .filter(SandboxNotifier.Delivery::acknowledged)
                          .count()
                      == 2);
      UnionPayChannelIT.awaitQuiet(tap, paymentId, 2);
      assertThat(tap.of(paymentId).stream().filter(e -> e.status() == PaymentStatus.SUCCEEDED))
          .as("the second copy is acknowledged and changes nothing")
          .hasSize(1);
    }
  }

  @Test
  void aPayWithoutCardNumberFailsWithoutCallingUnionPay() throws Exception {
    String orderNo = orderNo("UNOC");
    try (EventTap tap = tapEvents()) {
      String body =
          Samples.canonical(
              orderNo,
              Samples.with(
                  "channel", "\"unionpay\"", "amount", "{\"minor\":500,\"currency\":\"CNY\"}"));
      String paymentId = submit("http", body).get("paymentId").asText();
      PaymentEvent failed = tap.await(paymentId, pay(PaymentStatus.FAILED), WAIT);
      assertThat(failed.reasonCode()).isEqualTo("ACCNO_REQUIRED");
      assertThat(sandbox.received(orderNo)).isEmpty();
    }
  }
}
