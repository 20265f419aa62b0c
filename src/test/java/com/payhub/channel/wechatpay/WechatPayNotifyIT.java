package com.payhub.channel.wechatpay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.payhub.EventTap;
import com.payhub.model.PaymentEvent;
import com.payhub.model.PaymentStatus;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /notify/wechatpay} with notifications made here by wechatpay-java-core (RSASigner
 * with the sandbox platform key, AeadAesCipher with the sandbox API v3 key): every refusal is a 4xx
 * with {@code {"code":"FAIL",…}} and changes nothing; the one good notification is answered 204
 * with no body and makes exactly one event, however often it comes again.
 */
class WechatPayNotifyIT extends WechatPayHubSupport {

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void refusalsChangeNothingAndTheGoodNotificationMakesOneEvent() throws Exception {
    String orderNo = orderNo("WN");
    WechatPaySdkOracle sdk = oracle();
    try (EventTap events = tapEvents()) {
      String paymentId = payPending(events, "http", orderNo, 10042); // waits for the payer
      String id = UUID.randomUUID().toString();
      String good = transaction(sdk, id, orderNo, "1900000001", 10042);

      // a signature over other bytes, WeChat's probe, no signature at all
      Map<String, String> otherBody = sdk.signNotification(good + " ", now(), nonce());
      assertRefused(notify(good, otherBody), 401, "signature refused: SIGNATURE_INVALID");
      Map<String, String> probe = new HashMap<>(sdk.signNotification(good, now(), nonce()));
      probe.put("Wechatpay-Signature", "WECHATPAY/SIGNTEST/" + probe.get("Wechatpay-Signature"));
      assertRefused(notify(good, probe), 401, "signature refused: SIGNATURE_INVALID");
      assertRefused(notify(good, Map.of()), 401, "signature refused: MISSING_HEADER");
      // signed six minutes ago: the SDK's parser would take it, PayHub does not
      String stale = Long.toString(Instant.now().minusSeconds(360).getEpochSecond());
      assertRefused(
          notify(good, sdk.signNotification(good, stale, nonce())),
          401,
          "signature refused: STALE_TIMESTAMP");
      // signed, but not what the ledger holds
      String wrongAmount = transaction(sdk, UUID.randomUUID().toString(), orderNo, "1900000001", 1);
      assertRefused(signed(sdk, wrongAmount), 400, null);
      String unknownOrder =
          transaction(sdk, UUID.randomUUID().toString(), orderNo("NO"), "1900000001", 10042);
      assertRefused(signed(sdk, unknownOrder), 404, null);
      String otherMerchant =
          transaction(sdk, UUID.randomUUID().toString(), orderNo, "1999999999", 10042);
      assertRefused(signed(sdk, otherMerchant), 404, null);
      String foreignCiphertext =
          good.replaceFirst("\"ciphertext\":\"[A-Za-z]", "\"ciphertext\":\"A");
      assertRefused(signed(sdk, foreignCiphertext), 400, null);

      HttpResponse<String> accepted = signed(sdk, good);
      assertThat(accepted.statusCode()).isEqualTo(204);
      assertThat(accepted.body()).isEmpty();
      PaymentEvent paid = awaitStatus(events, paymentId, PaymentStatus.SUCCEEDED);
      assertThat(paid.channelTransactionId()).isEqualTo(transactionId(orderNo));
      assertThat(paid.cause()).isEqualTo("notify:wechatpay:" + id);

      // WeChat's resend (signed anew) and a replay of the same bytes are acknowledged, no event
      assertThat(signed(sdk, good).statusCode()).isEqualTo(204);
      Map<String, String> once = sdk.signNotification(good, now(), nonce());
      assertThat(notify(good, once).statusCode()).isEqualTo(204);
      assertThat(notify(good, once).statusCode()).isEqualTo(204);

      // positive control after the replays: another payment's notification gets its event
      String control = orderNo("WN");
      String controlId = payPending(events, "http", control, 10042);
      assertThat(
              signed(
                      sdk,
                      transaction(sdk, UUID.randomUUID().toString(), control, "1900000001", 10042))
                  .statusCode())
          .isEqualTo(204);
      awaitStatus(events, controlId, PaymentStatus.SUCCEEDED);
      assertThat(statuses(events, paymentId)).containsExactly("PENDING", "SUCCEEDED");
    }
  }

  @Test
  void aRefundNotificationForAnUnknownRefundIsRefused() throws Exception {
    String orderNo = orderNo("WM");
    WechatPaySdkOracle sdk = oracle();
    try (EventTap events = tapEvents()) {
      String paymentId = payAccepted(events, "http", orderNo, 10000);
      awaitStatus(events, paymentId, PaymentStatus.SUCCEEDED);
      String resource =
          "{\"mchid\":\"1900000001\",\"out_trade_no\":\""
              + orderNo
              + "\",\"transaction_id\":\"4200000000000000000000000001\",\"out_refund_no\":\"NOSUCHREFUND\","
              + "\"refund_id\":\"50300000000000000000000000001\",\"refund_status\":\"SUCCESS\","
              + "\"amount\":{\"total\":10000,\"refund\":10000,\"payer_total\":10000,\"payer_refund\":10000}}";
      String body =
          sdk.notification(UUID.randomUUID().toString(), "REFUND.SUCCESS", "refund", resource);

      assertRefused(signed(sdk, body), 404, null);
      awaitDeliveries(orderNo, 1);
      assertTransitions(events, paymentId, "?PENDING", "SUCCEEDED");
    }
  }

  static String transaction(
      WechatPaySdkOracle sdk, String id, String orderNo, String mchId, long total) {
    String resource =
        "{\"appid\":\"wxd678efh567hg6787\",\"mchid\":\""
            + mchId
            + "\",\"out_trade_no\":\""
            + orderNo
            + "\",\"transaction_id\":\""
            + transactionId(orderNo)
            + "\",\"trade_type\":\"NATIVE\","
            + "\"trade_state\":\"SUCCESS\",\"trade_state_desc\":\"支付成功\",\"bank_type\":\"OTHERS\","
            + "\"success_time\":\"2026-11-26T12:00:00+08:00\",\"payer\":{\"openid\":\"o-1\"},"
            + "\"amount\":{\"total\":"
            + total
            + ",\"payer_total\":"
            + total
            + ",\"currency\":\"CNY\",\"payer_currency\":\"CNY\"}}";
    return sdk.notification(id, "TRANSACTION.SUCCESS", "transaction", resource);
  }

  /** One WeChat transaction id per order (the ledger keeps them unique). */
  static String transactionId(String orderNo) {
    String digits = Long.toString(Math.abs((long) orderNo.hashCode()));
    return "42" + "0".repeat(26 - digits.length()) + digits;
  }

  HttpResponse<String> signed(WechatPaySdkOracle sdk, String body) throws Exception {
    return notify(body, sdk.signNotification(body, now(), nonce()));
  }

  HttpResponse<String> notify(String body, Map<String, String> headers) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/notify/wechatpay"))
            .timeout(Duration.ofSeconds(20))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    headers.forEach(b::header);
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  static void assertRefused(HttpResponse<String> r, int status, String message) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
    JsonNode body = JSON.readTree(r.body());
    assertThat(body.path("code").asText()).isEqualTo("FAIL");
    assertThat(body.path("message").asText()).isNotBlank();
    if (message != null) {
      assertThat(body.path("message").asText()).isEqualTo(message);
    }
    assertThat(body.size()).isEqualTo(2);
  }

  static String now() {
    return Long.toString(Instant.now().getEpochSecond());
  }

  static String nonce() {
    return UUID.randomUUID().toString().replace("-", "");
  }
}
