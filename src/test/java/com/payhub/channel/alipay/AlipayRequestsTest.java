package com.payhub.channel.alipay;

import static org.assertj.core.api.Assertions.assertThat;

import com.alipay.api.internal.util.AlipaySignature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.payhub.config.MerchantRegistry;
import com.payhub.config.PayHubProperties;
import com.payhub.model.Channel;
import com.payhub.model.Dialect;
import com.payhub.model.Money;
import com.payhub.model.Operation;
import com.payhub.model.PaymentOrder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The OpenAPI parameters of each operation, and their signature as the official SDK checks it. */
class AlipayRequestsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AlipayGatewayProperties GATEWAY =
      new AlipayGatewayProperties(
          "https://openapi.alipay.com",
          "https://hub.example/notify/alipay",
          Duration.ofSeconds(2),
          Duration.ofSeconds(10),
          "alipay-app",
          "alipay-platform",
          "RSA2",
          Duration.ofHours(26));
  // 2026-11-26 16:30:05 UTC is 2026-11-27 00:30:05 in Beijing: the date changes too
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-26T16:30:05Z"), ZoneOffset.UTC);

  private final AlipayRequests requests =
      new AlipayRequests(
          GATEWAY,
          new MerchantRegistry(
              new PayHubProperties(
                  null,
                  Map.of(),
                  List.of(
                      new PayHubProperties.Merchant(
                          "M1", "shop", Set.of(Channel.ALIPAY), Map.of(Channel.ALIPAY, "2021001")),
                      new PayHubProperties.Merchant("M2", "other", Set.of(Channel.ALIPAY), null)),
                  null)),
          JSON,
          CLOCK);

  private static PaymentOrder order(Operation op, String merchant, Map<String, String> attributes) {
    return new PaymentOrder(
        "P1",
        merchant,
        "ORDER_1",
        Channel.ALIPAY,
        op,
        op == Operation.PAY || op == Operation.REFUND ? Money.ofMinor(12345, "CNY") : null,
        op == Operation.PAY ? "绿茶" : null,
        op == Operation.REFUND ? "REFUND_1" : null,
        null,
        "https://merchant.example/n",
        attributes,
        Dialect.ALIPAY,
        Instant.EPOCH);
  }

  @Test
  void aPayIsAPrecreateWithTheMerchantsAppIdAndTheHubsNotifyUrl() throws Exception {
    Map<String, String> p =
        requests.params(
            order(
                Operation.PAY,
                "M1",
                Map.of(
                    "biz.product_code", "FACE_TO_FACE_PAYMENT",
                    "biz.extend_params", "{\"sys_service_provider_id\":\"2088511833207846\"}",
                    "biz.total_amount", "0.01",
                    "format", "JSON")));
    assertThat(p)
        .containsEntry("app_id", "2021001")
        .containsEntry("method", "alipay.trade.precreate")
        .containsEntry("charset", "utf-8")
        .containsEntry("sign_type", "RSA2")
        .containsEntry("version", "1.0")
        .containsEntry("timestamp", "2026-11-27 00:30:05")
        .containsEntry("notify_url", "https://hub.example/notify/alipay")
        .doesNotContainKey("sign");
    JsonNode biz = JSON.readTree(p.get("biz_content"));
    assertThat(biz.get("out_trade_no").asText()).isEqualTo("ORDER_1");
    // the hub's amount, never an attribute's
    assertThat(biz.get("total_amount").asText()).isEqualTo("123.45");
    assertThat(biz.get("subject").asText()).isEqualTo("绿茶");
    assertThat(biz.get("product_code").asText()).isEqualTo("FACE_TO_FACE_PAYMENT");
    assertThat(biz.get("extend_params").get("sys_service_provider_id").asText())
        .isEqualTo("2088511833207846");
  }

  @Test
  void refundQueryAndCloseCarryTheirOwnFields() throws Exception {
    Map<String, String> refund =
        requests.params(order(Operation.REFUND, "M1", Map.of("biz.refund_reason", "broken")));
    assertThat(refund)
        .containsEntry("method", "alipay.trade.refund")
        .doesNotContainKey("notify_url");
    JsonNode biz = JSON.readTree(refund.get("biz_content"));
    assertThat(biz.get("refund_amount").asText()).isEqualTo("123.45");
    assertThat(biz.get("out_request_no").asText()).isEqualTo("REFUND_1");
    assertThat(biz.get("refund_reason").asText()).isEqualTo("broken");

    Map<String, String> query = requests.params(order(Operation.QUERY, "M1", Map.of()));
    assertThat(query).containsEntry("method", "alipay.trade.query").doesNotContainKey("notify_url");
    assertThat(query.get("biz_content")).isEqualTo("{\"out_trade_no\":\"ORDER_1\"}");

    Map<String, String> close = requests.params(order(Operation.CLOSE, "M2", Map.of()));
    // M2 has no Alipay app id of its own: its hub id stands in
    assertThat(close).containsEntry("method", "alipay.trade.close").containsEntry("app_id", "M2");
  }

  @Test
  void theSignedFormIsWhatTheOfficialSdkAccepts() throws Exception {
    var keys = AlipayTestKeys.RSA;
    Map<String, String> signed =
        new AlipaySigner(AlipaySignType.RSA2, keys.getPrivate())
            .signedParams(requests.params(order(Operation.PAY, "M1", Map.of())));
    assertThat(
            AlipaySignature.rsaCheckV2(
                new HashMap<>(signed), AlipayTestKeys.base64(keys.getPublic()), "utf-8", "RSA2"))
        .isTrue();
    // and what the gateway receives decodes back to exactly those parameters
    assertThat(AlipayQuery.encode(signed)).contains("timestamp=2026-11-27+00%3A30%3A05");
  }
}
