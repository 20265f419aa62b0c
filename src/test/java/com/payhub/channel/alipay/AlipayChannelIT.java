package com.payhub.channel.alipay;

import static org.assertj.core.api.Assertions.assertThat;

import com.alipay.api.internal.util.AlipaySignature;
import com.payhub.EventTap;
import com.payhub.model.PaymentEvent;
import com.payhub.model.PaymentStatus;
import com.payhub.sandbox.alipay.AlipaySandboxRequests;
import com.payhub.sandbox.alipay.AlipaySandboxTrades;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * PAY, QUERY, REFUND and CLOSE, each over HTTP and over the queue: broker → Alipay adapter → the
 * sandbox gateway over loopback → the notification back; the final events, one per transition.
 */
class AlipayChannelIT extends AlipayHubSupport {

  @Autowired AlipaySandboxTrades sandboxTrades;

  @ParameterizedTest(name = "over {0}")
  @ValueSource(strings = {"http", "queue"})
  void payShowsAQrCodeThenSucceedsOnTheNotification(String transport) throws Exception {
    String orderNo = orderNo("AP" + transport.charAt(0));
    try (EventTap tap = tapEvents()) {
      String paymentId = pay(transport, orderNo, 10000);

      PaymentEvent pending = await(tap, paymentId, PaymentStatus.PENDING);
      assertThat(pending.cause()).isEqualTo("adapter:alipay:PAY");
      PaymentEvent paid = await(tap, paymentId, PaymentStatus.SUCCEEDED);
      assertThat(paid.cause()).startsWith("notify:alipay:");
      assertThat(paid.amount().minor()).isEqualTo(10000);
      assertThat(paid.amount().currency()).isEqualTo("CNY");
      assertThat(paid.channelTransactionId()).matches("\\d{28}");
      onlyEvents(tap, paymentId, PaymentStatus.PENDING, PaymentStatus.SUCCEEDED);
      awaitAcknowledged(orderNo, 1);
    }
    AlipaySandboxRequests.Received sent = sandboxRequests.forTrade(orderNo).get(0);
    assertThat(sent.method()).isEqualTo("POST");
    assertThat(sent.path()).isEqualTo("/sandbox/alipay/gateway.do");
    assertThat(sent.params())
        .containsEntry("method", "alipay.trade.precreate")
        .containsEntry("app_id", "2021000000000001")
        .containsEntry("sign_type", "RSA2")
        .containsEntry("notify_url", "http://127.0.0.1:" + port + "/notify/alipay");
    assertThat(sent.params().get("biz_content"))
        .contains("\"total_amount\":\"100.00\"", "\"out_trade_no\":\"" + orderNo + "\"");
    assertOfficialSdkAccepts(sent);
  }

  @ParameterizedTest(name = "over {0}")
  @ValueSource(strings = {"http", "queue"})
  void queryWaitsWhileTheBuyerHasNotPaidThenSeesTheSuccess(String transport) throws Exception {
    String orderNo = orderNo("AQ" + transport.charAt(0));
    try (EventTap tap = tapEvents()) {
      // .42: the sandbox buyer pays only after two queries were told to wait
      String paymentId = pay(transport, orderNo, 12342);
      await(tap, paymentId, PaymentStatus.PENDING);
      for (int i = 1; i <= 2; i++) {
        query(transport, orderNo);
        int calls = i;
        Awaitility.await()
            .atMost(WAIT)
            .until(() -> sandboxCalls(orderNo, "alipay.trade.query") == calls);
      }
      onlyEvents(tap, paymentId, PaymentStatus.PENDING);

      query(transport, orderNo);
      PaymentEvent paid = await(tap, paymentId, PaymentStatus.SUCCEEDED);
      assertThat(paid.amount().minor()).isEqualTo(12342);
      assertThat(paid.channelTransactionId())
          .isEqualTo(sandboxTrades.view("2021000000000001", orderNo).orElseThrow().tradeNo());
      // the query and the notification both tell it: one event
      awaitAcknowledged(orderNo, 1);
      onlyEvents(tap, paymentId, PaymentStatus.PENDING, PaymentStatus.SUCCEEDED);
    }
    assertOfficialSdkAccepts(last(orderNo, "alipay.trade.query"));
  }

  @ParameterizedTest(name = "over {0}")
  @ValueSource(strings = {"http", "queue"})
  void refundsMoveMoneyOnceAndTheLastOneRefundsThePayment(String transport) throws Exception {
    String orderNo = orderNo("AR" + transport.charAt(0));
    try (EventTap tap = tapEvents()) {
      String paymentId = pay(transport, orderNo, 10000);
      await(tap, paymentId, PaymentStatus.SUCCEEDED);
      awaitAcknowledged(orderNo, 1);

      refund(transport, orderNo, orderNo + "R1", 3000);
      PaymentEvent first = awaitRefund(tap, paymentId, PaymentStatus.SUCCEEDED);
      assertThat(first.refundNo()).isEqualTo(orderNo + "R1");
      assertThat(first.amount().minor()).isEqualTo(3000);
      assertThat(first.cause()).isEqualTo("adapter:alipay:REFUND");
      // the refund notification (refund_fee = 30.00) finds the refund done: acknowledged, no event
      awaitAcknowledged(orderNo, 2);

      refund(transport, orderNo, orderNo + "R2", 7000);
      PaymentEvent refunded = await(tap, paymentId, PaymentStatus.REFUNDED);
      assertThat(refunded.amount().minor()).isEqualTo(10000);
      // refund_fee = 100.00 in the second notification: its own share is 70.00
      awaitAcknowledged(orderNo, 3);
      onlyEvents(
          tap,
          paymentId,
          "PAY:PENDING",
          "PAY:SUCCEEDED",
          "REFUND:SUCCEEDED",
          "REFUND:SUCCEEDED",
          "PAY:REFUNDED");
    }
    AlipaySandboxRequests.Received sent = last(orderNo, "alipay.trade.refund");
    assertThat(sent.params().get("biz_content"))
        .contains("\"refund_amount\":\"70.00\"", "\"out_request_no\":\"" + orderNo + "R2\"");
    assertThat(sent.params()).doesNotContainKey("notify_url");
    assertOfficialSdkAccepts(sent);
  }

  @ParameterizedTest(name = "over {0}")
  @ValueSource(strings = {"http", "queue"})
  void closeClosesAnUnpaidTrade(String transport) throws Exception {
    String orderNo = orderNo("AC" + transport.charAt(0));
    try (EventTap tap = tapEvents()) {
      String paymentId = pay(transport, orderNo, 20042); // .42: unpaid until queried
      await(tap, paymentId, PaymentStatus.PENDING);

      close(transport, orderNo);
      PaymentEvent closed = await(tap, paymentId, PaymentStatus.CLOSED);
      assertThat(closed.cause()).isEqualTo("adapter:alipay:CLOSE");
      assertThat(closed.amount().minor()).isEqualTo(20042);
      // Alipay also notifies TRADE_CLOSED: acknowledged, nothing new
      awaitAcknowledged(orderNo, 1);
      onlyEvents(tap, paymentId, PaymentStatus.PENDING, PaymentStatus.CLOSED);
    }
    assertThat(sandboxTrades.view("2021000000000001", orderNo).orElseThrow().status())
        .isEqualTo("TRADE_CLOSED");
    assertOfficialSdkAccepts(last(orderNo, "alipay.trade.close"));
  }

  @ParameterizedTest(name = "over {0}")
  @ValueSource(strings = {"http", "queue"})
  void anAlipayDialectPrecreateReachesAlipayWithTheMerchantsOwnMembers(String transport)
      throws Exception {
    String orderNo = orderNo("AA" + transport.charAt(0));
    String biz =
        "{\"out_trade_no\":\""
            + orderNo
            + "\",\"total_amount\":\"88.80\",\"subject\":\"绿茶\","
            + "\"product_code\":\"FACE_TO_FACE_PAYMENT\",\"timeout_express\":\"90m\"}";
    String form =
        com.payhub.Samples.alipayForm(orderNo, com.payhub.Samples.with("biz_content", biz));
    String paymentId;
    try (EventTap tap = tapEvents()) {
      if (transport.equals("http")) {
        var r = post("/inbound/alipay", "application/x-www-form-urlencoded", form);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        paymentId = JSON.readTree(r.body()).get("paymentId").asText();
      } else {
        String correlation = java.util.UUID.randomUUID().toString();
        send("payments.inbound.alipay", form, Map.of("JMSCorrelationID", correlation));
        paymentId =
            JSON.readTree(
                    text(receive("payments.results", "JMSCorrelationID = '" + correlation + "'")))
                .get("paymentId")
                .asText();
      }
      await(tap, paymentId, PaymentStatus.SUCCEEDED);
      onlyEvents(tap, paymentId, PaymentStatus.PENDING, PaymentStatus.SUCCEEDED);
    }
    var view = JSON.readTree(get("/api/v1/payments/" + paymentId).body());
    assertThat(view.path("channelDetails").path("PAY").path("qrCode").asText())
        .startsWith("https://qr.alipay.com/");
    AlipaySandboxRequests.Received sent = last(orderNo, "alipay.trade.precreate");
    var sentBiz = JSON.readTree(sent.params().get("biz_content"));
    assertThat(sentBiz.get("subject").asText()).isEqualTo("绿茶");
    assertThat(sentBiz.get("total_amount").asText()).isEqualTo("88.80");
    assertThat(sentBiz.get("product_code").asText()).isEqualTo("FACE_TO_FACE_PAYMENT");
    assertThat(sentBiz.get("timeout_express").asText()).isEqualTo("90m");
    // the merchant's notify_url is the merchant's business; Alipay notifies the hub
    assertThat(sent.params().get("notify_url"))
        .endsWith("/notify/alipay")
        .startsWith("http://127.0.0.1:");
    assertOfficialSdkAccepts(sent);
  }

  AlipaySandboxRequests.Received last(String orderNo, String method) {
    List<AlipaySandboxRequests.Received> all =
        sandboxRequests.forTrade(orderNo).stream()
            .filter(r -> method.equals(r.params().get("method")))
            .toList();
    return all.get(all.size() - 1);
  }

  /** The official SDK, as the real gateway would, accepts what the sandbox received. */
  static void assertOfficialSdkAccepts(AlipaySandboxRequests.Received sent) throws Exception {
    String appPublicKey =
        Base64.getEncoder()
            .encodeToString(
                com.payhub.crypto.KeyFiles.certificates("t", sandboxFile("alipay-app-cert.pem"))
                    .get(0)
                    .getPublicKey()
                    .getEncoded());
    Map<String, String> params = new HashMap<>(sent.params());
    // requests sign sign_type too: the SDK's V2 check is the gateway's rule (V1 drops sign_type)
    assertThat(AlipaySignature.rsaCheckV2(params, appPublicKey, "utf-8", "RSA2")).isTrue();
    assertThat(sent.headers().get("content-type")).hasSize(1);
    assertThat(sent.headers().get("content-type").get(0).replace(" ", ""))
        .isEqualToIgnoringCase("application/x-www-form-urlencoded;charset=utf-8");
    assertThat(sent.headers().keySet())
        .noneMatch(h -> h.startsWith("payhub") || h.startsWith("jms"));
  }
}
