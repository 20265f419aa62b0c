package com.payhub.ingest;

import static com.payhub.Samples.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.payhub.HubTestSupport;
import com.payhub.Samples;
import com.payhub.model.RejectReason;
import jakarta.jms.Message;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Twelve kinds of bad input per dialect, each with its own reason: over HTTP as a problem+json
 * answer, over the inbound queue as the unchanged message on payments.rejected with reason headers.
 */
class RejectionIT extends HubTestSupport {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String FORM = "application/x-www-form-urlencoded";
  private static final String APPLICATION_JSON = "application/json";
  private static final String LONG_41 = "A".repeat(41);

  record Bad(
      String dialect,
      String name,
      String body,
      String contentType,
      RejectReason reason,
      String field) {
    @Override
    public String toString() {
      return dialect + ": " + name;
    }
  }

  static Stream<Bad> badInputs() {
    return Stream.of(
        // canonical
        canonical(
            "missing merchantId",
            with("merchantId", null),
            RejectReason.MISSING_FIELD,
            "merchantId"),
        canonical(
            "zero amount",
            with("amount", "{\"minor\":0,\"currency\":\"CNY\"}"),
            RejectReason.INVALID_AMOUNT,
            "amount.minor"),
        canonical(
            "fractional minor units",
            with("amount", "{\"minor\":100.5,\"currency\":\"CNY\"}"),
            RejectReason.INVALID_AMOUNT,
            "amount.minor"),
        canonical(
            "unknown merchant",
            with("merchantId", "\"M999999\""),
            RejectReason.UNKNOWN_MERCHANT,
            "merchantId"),
        canonical(
            "channel disabled",
            with("merchantId", "\"M300003\"", "channel", "\"wechatpay\""),
            RejectReason.CHANNEL_DISABLED,
            "channel"),
        canonical(
            "not a currency",
            with("amount", "{\"minor\":100,\"currency\":\"XYZ\"}"),
            RejectReason.UNSUPPORTED_CURRENCY,
            "amount.currency"),
        canonical(
            "currency the channel lacks",
            with("amount", "{\"minor\":100,\"currency\":\"USD\"}"),
            RejectReason.UNSUPPORTED_CURRENCY,
            "amount.currency"),
        canonical(
            "over-long order number",
            with("channel", "\"unionpay\"", "merchantOrderNo", "\"" + LONG_41 + "\""),
            RejectReason.INVALID_ORDER_NO,
            "merchantOrderNo"),
        canonical(
            "unknown channel",
            with("channel", "\"paypal\""),
            RejectReason.UNKNOWN_CHANNEL,
            "channel"),
        canonical(
            "amount above the channel's ceiling",
            with("amount", "{\"minor\":10000000001,\"currency\":\"CNY\"}"),
            RejectReason.AMOUNT_OUT_OF_RANGE,
            "amount.minor"),
        canonical("unknown member", with("amout", "1"), RejectReason.INVALID_FIELD, "amout"),
        new Bad(
            "canonical",
            "malformed JSON",
            "{\"merchantId\": \"M100001\",",
            APPLICATION_JSON,
            RejectReason.MALFORMED_MESSAGE,
            "body"),
        // alipay
        alipay("missing app_id", with("app_id", null), RejectReason.MISSING_FIELD, "app_id"),
        alipay(
            "three decimals",
            with("biz_content", Samples.alipayBiz("A1", "100.001")),
            RejectReason.INVALID_AMOUNT,
            "total_amount"),
        alipay(
            "negative amount",
            with("biz_content", Samples.alipayBiz("A1", "-1.00")),
            RejectReason.INVALID_AMOUNT,
            "total_amount"),
        alipay(
            "unknown merchant",
            with("app_id", "2099000000000000"),
            RejectReason.UNKNOWN_MERCHANT,
            "app_id"),
        alipay(
            "channel disabled",
            with("app_id", "2021000000000002"),
            RejectReason.CHANNEL_DISABLED,
            "app_id"),
        alipay(
            "currency the channel lacks",
            with(
                "biz_content",
                "{\"out_trade_no\":\"A1\",\"total_amount\":\"1.00\",\"subject\":\"x\",\"trans_currency\":\"USD\"}"),
            RejectReason.UNSUPPORTED_CURRENCY,
            "trans_currency"),
        alipay(
            "over-long out_trade_no",
            with("biz_content", Samples.alipayBiz("A".repeat(65), "1.00")),
            RejectReason.INVALID_ORDER_NO,
            "out_trade_no"),
        alipay(
            "unknown method",
            with("method", "alipay.trade.teleport"),
            RejectReason.UNSUPPORTED_OPERATION,
            "method"),
        alipay(
            "biz_content not JSON",
            with("biz_content", "{out_trade_no:"),
            RejectReason.MALFORMED_MESSAGE,
            "biz_content"),
        alipay("wrong version", with("version", "2.0"), RejectReason.INVALID_FIELD, "version"),
        alipay(
            "amount above the ceiling",
            with("biz_content", Samples.alipayBiz("A1", "100000000.01")),
            RejectReason.AMOUNT_OUT_OF_RANGE,
            "total_amount"),
        new Bad(
            "alipay",
            "malformed form",
            "app_id=2021000000000001&method=%zz",
            FORM,
            RejectReason.MALFORMED_MESSAGE,
            "body"),
        // wechatpay
        wechat(
            "missing out_trade_no",
            with("out_trade_no", null),
            RejectReason.MISSING_FIELD,
            "out_trade_no"),
        wechat(
            "zero amount",
            with("amount", "{\"total\":0,\"currency\":\"CNY\"}"),
            RejectReason.INVALID_AMOUNT,
            "amount.total"),
        wechat(
            "amount as a string",
            with("amount", "{\"total\":\"100\",\"currency\":\"CNY\"}"),
            RejectReason.INVALID_AMOUNT,
            "amount.total"),
        wechat(
            "unknown merchant",
            with("mchid", "\"1999999999\""),
            RejectReason.UNKNOWN_MERCHANT,
            "mchid"),
        wechat(
            "channel disabled",
            with("mchid", "\"1900000002\""),
            RejectReason.CHANNEL_DISABLED,
            "mchid"),
        wechat(
            "currency the channel lacks",
            with("amount", "{\"total\":100,\"currency\":\"USD\"}"),
            RejectReason.UNSUPPORTED_CURRENCY,
            "amount.currency"),
        wechat(
            "over-long out_trade_no",
            with("out_trade_no", "\"" + "W".repeat(33) + "\""),
            RejectReason.INVALID_ORDER_NO,
            "out_trade_no"),
        wechat(
            "too-short out_trade_no",
            with("out_trade_no", "\"W1234\""),
            RejectReason.INVALID_ORDER_NO,
            "out_trade_no"),
        wechat(
            "over-long description",
            with("description", "\"" + "d".repeat(128) + "\""),
            RejectReason.INVALID_FIELD,
            "description"),
        wechat(
            "missing notify_url",
            with("notify_url", null),
            RejectReason.MISSING_FIELD,
            "notify_url"),
        new Bad(
            "wechatpay",
            "malformed JSON",
            "{\"mchid\":",
            APPLICATION_JSON,
            RejectReason.MALFORMED_MESSAGE,
            "body"),
        new Bad(
            "wechatpay",
            "form instead of JSON",
            "mchid=1900000001&amount=1",
            FORM,
            RejectReason.UNSUPPORTED_MEDIA_TYPE,
            "body"),
        // unionpay
        unionpay("missing merId", with("merId", null), RejectReason.MISSING_FIELD, "merId"),
        unionpay("decimal txnAmt", with("txnAmt", "1.00"), RejectReason.INVALID_AMOUNT, "txnAmt"),
        unionpay("zero txnAmt", with("txnAmt", "0"), RejectReason.INVALID_AMOUNT, "txnAmt"),
        unionpay(
            "unknown merchant",
            with("merId", "777290058119999"),
            RejectReason.UNKNOWN_MERCHANT,
            "merId"),
        unionpay(
            "channel disabled",
            with("merId", "777290058110050"),
            RejectReason.CHANNEL_DISABLED,
            "merId"),
        unionpay(
            "currency the channel lacks",
            with("currencyCode", "840"),
            RejectReason.UNSUPPORTED_CURRENCY,
            "currencyCode"),
        unionpay(
            "over-long orderId",
            with("orderId", LONG_41),
            RejectReason.INVALID_ORDER_NO,
            "orderId"),
        unionpay(
            "orderId with a hyphen",
            with("orderId", "U2026-1126"),
            RejectReason.INVALID_ORDER_NO,
            "orderId"),
        unionpay(
            "unknown txnType",
            with("txnType", "99"),
            RejectReason.UNSUPPORTED_OPERATION,
            "txnType"),
        unionpay(
            "bad txnTime",
            with("txnTime", "20261326120000"),
            RejectReason.INVALID_FIELD,
            "txnTime"),
        new Bad(
            "unionpay",
            "JSON instead of a form",
            "{\"merId\":\"777290058110048\"}",
            APPLICATION_JSON,
            RejectReason.UNSUPPORTED_MEDIA_TYPE,
            "body"),
        new Bad(
            "unionpay",
            "malformed form",
            "merId=777290058110048&orderId=%G1",
            FORM,
            RejectReason.MALFORMED_MESSAGE,
            "body"));
  }

  static Stream<Arguments> overHttpAndQueue() {
    return badInputs().flatMap(b -> Stream.of(Arguments.of("http", b), Arguments.of("queue", b)));
  }

  @ParameterizedTest(name = "{1} over {0}")
  @MethodSource("overHttpAndQueue")
  void eachBadInputGetsItsOwnReason(String transport, Bad bad) throws Exception {
    if (transport.equals("http")) {
      HttpResponse<String> r = post(httpPath(bad.dialect()), bad.contentType(), bad.body());
      assertThat(r.statusCode()).as(r.body()).isEqualTo(bad.reason().httpStatus());
      assertThat(r.headers().firstValue("Content-Type"))
          .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
      JsonNode problem = JSON.readTree(r.body());
      assertThat(problem.get("reason").asText()).as(r.body()).isEqualTo(bad.reason().name());
      assertThat(problem.get("status").asInt()).isEqualTo(bad.reason().httpStatus());
      assertThat(problem.get("dialect").asText()).isEqualTo(bad.dialect());
      assertThat(problem.get("errors").findValuesAsText("field"))
          .as(r.body())
          .contains(bad.field());
      return;
    }
    String testCase = UUID.randomUUID().toString();
    send("payments.inbound." + bad.dialect(), bad.body(), Map.of("testCase", testCase));
    Message rejected = receive("payments.rejected", "testCase = '" + testCase + "'");
    assertThat(text(rejected)).as("the original message, unchanged").isEqualTo(bad.body());
    assertThat(property(rejected, "PayHubRejectCode")).isEqualTo(bad.reason().name());
    assertThat(property(rejected, "PayHubSourceDialect")).isEqualTo(bad.dialect());
    assertThat(property(rejected, "PayHubRejectReason")).isNotBlank();
    assertThat(property(rejected, "PayHubRejectFields").split(",")).contains(bad.field());
  }

  @Test
  void aRejectedQueueSenderAlsoGetsAResultCorrelatedToItsMessage() throws Exception {
    String correlation = UUID.randomUUID().toString();
    send(
        "payments.inbound.unionpay",
        Samples.unionpay("U12345678", with("txnAmt", "0")),
        Map.of("JMSCorrelationID", correlation));
    JsonNode result =
        JSON.readTree(
            text(receive("payments.results", "JMSCorrelationID = '" + correlation + "'")));
    assertThat(result.get("status").asText()).isEqualTo("REJECTED");
    assertThat(result.get("rejection").get("reason").asText()).isEqualTo("INVALID_AMOUNT");
  }

  private static String httpPath(String dialect) {
    return dialect.equals("canonical") ? "/api/v1/payments" : "/inbound/" + dialect;
  }

  private static Bad canonical(
      String name, Map<String, Object> change, RejectReason reason, String field) {
    return new Bad(
        "canonical",
        name,
        Samples.canonical("C" + UUID.randomUUID().toString().substring(0, 8), change),
        APPLICATION_JSON,
        reason,
        field);
  }

  private static Bad alipay(
      String name, Map<String, Object> change, RejectReason reason, String field) {
    return new Bad("alipay", name, Samples.alipayForm("A1", change), FORM, reason, field);
  }

  private static Bad wechat(
      String name, Map<String, Object> change, RejectReason reason, String field) {
    return new Bad(
        "wechatpay", name, Samples.wechat("W1234567", change), APPLICATION_JSON, reason, field);
  }

  private static Bad unionpay(
      String name, Map<String, Object> change, RejectReason reason, String field) {
    return new Bad("unionpay", name, Samples.unionpay("U12345678", change), FORM, reason, field);
  }
}
