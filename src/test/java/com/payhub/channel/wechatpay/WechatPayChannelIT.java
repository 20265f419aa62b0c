package com.payhub.channel.wechatpay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.payhub.EventTap;
import com.payhub.model.Money;
import com.payhub.model.Operation;
import com.payhub.model.PaymentEvent;
import com.payhub.model.PaymentStatus;
import com.payhub.sandbox.wechatpay.WechatPaySandboxRequests.Received;
import com.wechat.pay.java.core.util.PemUtil;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each operation end to end, in over HTTP and over the queue: ingest, the embedded broker, the
 * WeChat Pay adapter, the sandbox gateway over real HTTP on loopback and, where WeChat sends one,
 * its notification back to {@code /notify/wechatpay}. Every request the sandbox received is judged
 * by wechatpay-java-core (its own message construction and RSAVerifier, the merchant certificate
 * from the sandbox key files), and each transition makes exactly one event.
 */
class WechatPayChannelIT extends WechatPayHubSupport {

  @ParameterizedTest(name = "over {0}")
  @ValueSource(strings = {"http", "queue"})
  void payEndsSucceededAfterTheTransactionNotification(String transport) throws Exception {
    String orderNo = orderNo("WP");
    try (EventTap events = tapEvents()) {
      String paymentId = payAccepted(events, transport, orderNo, 10000);

      PaymentEvent paid = awaitStatus(events, paymentId, PaymentStatus.SUCCEEDED);
      awaitDeliveries(orderNo, 1);

      assertThat(paid.channelTransactionId()).matches("42000[0-9]{23}");
      assertThat(paid.amount()).isEqualTo(Money.ofMinor(10000, "CNY"));
      assertThat(paid.cause()).startsWith("notify:wechatpay:");
      assertTransitions(events, paymentId, "?PENDING", "SUCCEEDED");
      // the adapter's result carries what the payer scans
      JsonNode result =
          JSON.readTree(
              text(receive("payments.results", "JMSCorrelationID = '" + paymentId + "'")));
      assertThat(result.path("status").asText()).isIn("PENDING", "SUCCEEDED");
      assertThat(result.path("details").path("codeUrl").asText())
          .startsWith("weixin://wxpay/bizpayurl?pr=");

      Received sent = sentFor("POST", "/v3/pay/transactions/native", orderNo);
      JsonNode body = JSON.readTree(sent.body());
      assertThat(body.path("mchid").asText()).isEqualTo("1900000001");
      assertThat(body.path("appid").asText()).isEqualTo("wxd678efh567hg6787");
      assertThat(body.path("description").asText()).isEqualTo("Green tea");
      assertThat(body.path("amount").path("total").asLong()).isEqualTo(10000);
      assertThat(body.path("amount").path("currency").asText()).isEqualTo("CNY");
      assertThat(body.path("notify_url").asText())
          .isEqualTo("http://127.0.0.1:" + port + "/notify/wechatpay");
      assertSdkAccepts(sent);
    }
  }

  @ParameterizedTest(name = "over {0}")
  @ValueSource(strings = {"http", "queue"})
  void queryOfAFailedPaymentMakesItFailed(String transport) throws Exception {
    String orderNo = orderNo("WQ");
    try (EventTap events = tapEvents()) {
      String paymentId = payPending(events, transport, orderNo, 10047); // PAY_FAILS

      submit(transport, byOrder(orderNo, "QUERY"));
      PaymentEvent failed = awaitStatus(events, paymentId, PaymentStatus.FAILED);

      assertThat(failed.reasonCode()).isEqualTo("PAYERROR");
      assertThat(failed.reasonMessage()).isEqualTo("支付失败");
      assertThat(failed.cause()).isEqualTo("adapter:wechatpay:QUERY");
      assertThat(failed.amount()).isEqualTo(Money.ofMinor(10047, "CNY"));
      assertThat(statuses(events, paymentId)).containsExactly("PENDING", "FAILED");
      Received sent =
          sentFor("GET", "/v3/pay/transactions/out-trade-no/" + orderNo + "?mchid=1900000001", "");
      assertThat(sent.body()).isEmpty();
      assertSdkAccepts(sent);
    }
  }

  @ParameterizedTest(name = "over {0}")
  @ValueSource(strings = {"http", "queue"})
  void refundEndsSucceededAfterTheRefundNotification(String transport) throws Exception {
    String orderNo = orderNo("WR");
    String refundNo = orderNo("RF");
    try (EventTap events = tapEvents()) {
      String paymentId = payAccepted(events, transport, orderNo, 20000);
      awaitStatus(events, paymentId, PaymentStatus.SUCCEEDED);

      submit(transport, refund(orderNo, refundNo, 20000));
      PaymentEvent refunded =
          events.await(
              paymentId,
              e -> e.operation() == Operation.REFUND && e.status() == PaymentStatus.SUCCEEDED,
              WAIT);
      awaitStatus(events, paymentId, PaymentStatus.REFUNDED);
      awaitDeliveries(orderNo, 2);

      assertThat(refunded.refundNo()).isEqualTo(refundNo);
      assertThat(refunded.amount()).isEqualTo(Money.ofMinor(20000, "CNY"));
      assertThat(refunded.channelTransactionId()).matches("50300[0-9]{24}");
      assertThat(refunded.cause()).startsWith("notify:wechatpay:");
      assertTransitions(
          events,
          paymentId,
          "?PENDING",
          "SUCCEEDED",
          "?REFUND:PENDING",
          "REFUND:SUCCEEDED",
          "REFUNDED");
      Received sent = sentFor("POST", "/v3/refund/domestic/refunds", refundNo);
      JsonNode body = JSON.readTree(sent.body());
      assertThat(body.path("out_trade_no").asText()).isEqualTo(orderNo);
      assertThat(body.path("out_refund_no").asText()).isEqualTo(refundNo);
      assertThat(body.path("amount").path("refund").asLong()).isEqualTo(20000);
      assertThat(body.path("amount").path("total").asLong()).isEqualTo(20000);
      assertSdkAccepts(sent);
    }
  }

  @ParameterizedTest(name = "over {0}")
  @ValueSource(strings = {"http", "queue"})
  void closeOfAnUnpaidOrderClosesIt(String transport) throws Exception {
    String orderNo = orderNo("WC");
    try (EventTap events = tapEvents()) {
      String paymentId = payPending(events, transport, orderNo, 10042); // the payer is slow

      submit(transport, byOrder(orderNo, "CLOSE"));
      PaymentEvent closed = awaitStatus(events, paymentId, PaymentStatus.CLOSED);

      assertThat(closed.cause()).isEqualTo("adapter:wechatpay:CLOSE");
      assertThat(statuses(events, paymentId)).containsExactly("PENDING", "CLOSED");
      Received sent =
          sentFor("POST", "/v3/pay/transactions/out-trade-no/" + orderNo + "/close", "");
      assertThat(JSON.readTree(sent.body())).isEqualTo(JSON.readTree("{\"mchid\":\"1900000001\"}"));
      assertSdkAccepts(sent);
    }
  }

  @org.junit.jupiter.api.Test
  void aWechatDialectOrderIsSentWithItsOwnAppidAndItsCodeUrlIsKept() throws Exception {
    String orderNo = orderNo("WW");
    try (EventTap events = tapEvents()) {
      var accepted =
          post(
              "/inbound/wechatpay/v3/pay/transactions/native",
              "application/json",
              com.payhub.Samples.wechat(
                  orderNo,
                  com.payhub.Samples.with(
                      "appid",
                      "\"wx1111222233334444\"",
                      "amount",
                      "{\"total\":2500,\"currency\":\"CNY\"}")));
      assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
      String paymentId = JSON.readTree(accepted.body()).path("paymentId").asText();

      awaitStatus(events, paymentId, PaymentStatus.SUCCEEDED);

      Received sent = sentFor("POST", "/v3/pay/transactions/native", orderNo);
      assertThat(JSON.readTree(sent.body()).path("appid").asText()).isEqualTo("wx1111222233334444");
      assertSdkAccepts(sent);
      // the adapter stores the answer after the call; the notification may have come first
      org.awaitility.Awaitility.await()
          .atMost(WAIT)
          .until(
              () ->
                  JSON.readTree(get("/api/v1/payments/" + paymentId).body())
                      .path("channelDetails")
                      .path("PAY")
                      .path("codeUrl")
                      .asText(),
              codeUrl -> codeUrl.startsWith("weixin://wxpay/bizpayurl?pr="));
    }
  }

  /**
   * The last request the sandbox received for that path (suffix) whose body mentions {@code in}.
   */
  Received sentFor(String method, String pathSuffix, String in) {
    return sandboxRequests
        .last(
            r ->
                r.method().equals(method)
                    && r.target().endsWith(pathSuffix)
                    && r.body().contains(in))
        .orElseThrow(() -> new AssertionError("the sandbox got no " + method + " " + pathSuffix));
  }

  void assertSdkAccepts(Received sent) {
    WechatPaySdkOracle sdk = oracle();
    String authorization = sent.header("Authorization");
    Map<String, String> fields = WechatPaySdkOracle.authorizationFields(authorization);
    assertThat(fields.get("mchid")).isEqualTo("1900000001");
    assertThat(fields.get("serial_no"))
        .isEqualTo(PemUtil.getSerialNumber(sdk.merchantCertificate()));
    assertThat(fields.get("nonce_str")).hasSize(32);
    URI uri = URI.create("http://127.0.0.1:" + port + sent.target());
    assertThat(sdk.authorizationVerifies(sent.method(), uri, sent.body(), authorization))
        .as("wechatpay-java-core verifies the Authorization of %s %s", sent.method(), sent.target())
        .isTrue();
    assertThat(sdk.authorizationVerifies(sent.method(), uri, sent.body() + " ", authorization))
        .isFalse();
    assertThat(List.of(sent.header("user-agent"))).noneMatch(ua -> ua == null || ua.isBlank());
  }
}
