package com.payhub.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import com.payhub.model.Channel;
import com.payhub.model.Dialect;
import com.payhub.model.Money;
import com.payhub.model.Operation;
import com.payhub.model.PaymentOrder;
import com.payhub.model.RejectReason;
import com.payhub.model.RejectedInputException;
import com.payhub.model.Rejection;
import com.payhub.model.Rejection.FieldError;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Positive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WechatPayNormalizerTest {

  private final WechatPayNormalizer normalizer = new WechatPayNormalizer();

  private static final String NATIVE_PAY =
      """
      {"appid":"wxd678efh567hg6787","mchid":"1230000109","description":"Image形象店-深圳腾大-QQ公仔",
       "out_trade_no":"1217752501201407033233368018","time_expire":"2018-06-08T10:34:56+08:00",
       "attach":"自定义数据说明","notify_url":"https://www.weixin.qq.com/wxpay/pay.php",
       "goods_tag":"WXG","support_fapiao":false,
       "amount":{"total":100,"currency":"CNY"},
       "detail":{"cost_price":608800,"invoice_id":"微信123"},
       "scene_info":{"payer_client_ip":"14.23.150.211","device_id":"013467007045764"}}
      """;

  private static InboundMessage json(String body, String hint) {
    return new InboundMessage(Dialect.WECHATPAY, body, "application/json; charset=utf-8", hint);
  }

  private PaymentOrder ok(String body, String hint) {
    return normalizer.normalize(json(body, hint));
  }

  private Rejection rejected(InboundMessage message) {
    RejectedInputException e =
        catchThrowableOfType(RejectedInputException.class, () -> normalizer.normalize(message));
    assertThat(e).as("expected a rejection").isNotNull();
    assertThat(e.rejection().dialect()).isEqualTo(Dialect.WECHATPAY);
    return e.rejection();
  }

  /** Asserts the input is refused with exactly this one error. */
  private void assertSingle(InboundMessage message, RejectReason reason, String field) {
    Rejection r = rejected(message);
    assertThat(r.reason()).isEqualTo(reason);
    assertThat(r.errors())
        .extracting(FieldError::field, FieldError::reason)
        .containsExactly(tuple(field, reason));
  }

  private static String pay(String amount) {
    return """
        {"appid":"wx1","mchid":"1900000001","description":"d","out_trade_no":"ORDER0001",
         "notify_url":"https://m.example/notify","amount":%s}"""
        .formatted(amount);
  }

  // ---- valid inputs -------------------------------------------------------------------------

  @Test
  void nativePayWithoutHintMapsEveryField() {
    PaymentOrder o = ok(NATIVE_PAY, null);

    assertThat(o.paymentId()).isNull();
    assertThat(o.createdAt()).isNull();
    assertThat(o.merchantId()).isEqualTo("1230000109");
    assertThat(o.merchantOrderNo()).isEqualTo("1217752501201407033233368018");
    assertThat(o.channel()).isEqualTo(Channel.WECHATPAY);
    assertThat(o.sourceDialect()).isEqualTo(Dialect.WECHATPAY);
    assertThat(o.operation()).isEqualTo(Operation.PAY);
    assertThat(o.amount()).isEqualTo(Money.ofMinor(100, "CNY"));
    assertThat(o.subject()).isEqualTo("Image形象店-深圳腾大-QQ公仔");
    assertThat(o.notifyUrl()).isEqualTo("https://www.weixin.qq.com/wxpay/pay.php");
    assertThat(o.refundNo()).isNull();
    assertThat(o.channelTransactionId()).isNull();
    assertThat(o.attributes())
        .containsEntry("trade_type", "native")
        .containsEntry("appid", "wxd678efh567hg6787")
        .containsEntry("time_expire", "2018-06-08T10:34:56+08:00")
        .containsEntry("attach", "自定义数据说明")
        .containsEntry("goods_tag", "WXG")
        .containsEntry("support_fapiao", "false")
        .containsEntry("detail", "{\"cost_price\":608800,\"invoice_id\":\"微信123\"}")
        .containsEntry(
            "scene_info",
            "{\"payer_client_ip\":\"14.23.150.211\",\"device_id\":\"013467007045764\"}")
        .doesNotContainKeys(
            "mchid",
            "description",
            "out_trade_no",
            "notify_url",
            "amount",
            "amount.total",
            "amount.currency");
  }

  @Test
  void jsapiPayByV3PathKeepsOpenidAndDefaultsCurrency() {
    String body =
        """
        {"appid":"wx1","mchid":"1900000001","description":"d","out_trade_no":"ORDER0001",
         "notify_url":"https://m.example/notify","amount":{"total":1},
         "payer":{"openid":"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"}}""";

    PaymentOrder o = ok(body, "/v3/pay/transactions/jsapi");

    assertThat(o.operation()).isEqualTo(Operation.PAY);
    assertThat(o.amount()).isEqualTo(Money.ofMinor(1, "CNY"));
    assertThat(o.attributes())
        .containsEntry("trade_type", "jsapi")
        .containsEntry("payer.openid", "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o")
        .doesNotContainKey("payer");
  }

  @ParameterizedTest
  @CsvSource({
    "pay, native",
    "PAY, native",
    "'', native",
    "pay/transactions/native, native",
    "/pay/transactions/app, app",
    "v3/pay/transactions/h5, h5",
    "/v3/pay/transactions/NATIVE, native"
  })
  void payHintsSetTheTradeType(String hint, String tradeType) {
    PaymentOrder o = ok(pay("{\"total\":250}"), hint);

    assertThat(o.operation()).isEqualTo(Operation.PAY);
    assertThat(o.amount()).isEqualTo(Money.ofMinor(250, "CNY"));
    assertThat(o.attributes()).containsEntry("trade_type", tradeType);
  }

  @Test
  void queryByOutTradeNoPathTakesTheNumberFromThePath() {
    PaymentOrder o =
        ok(
            "{\"mchid\":\"1230000109\"}",
            "/v3/pay/transactions/out-trade-no/1217752501201407033233368018");

    assertThat(o.operation()).isEqualTo(Operation.QUERY);
    assertThat(o.merchantId()).isEqualTo("1230000109");
    assertThat(o.merchantOrderNo()).isEqualTo("1217752501201407033233368018");
    assertThat(o.channelTransactionId()).isNull();
    assertThat(o.amount()).isNull();
    assertThat(o.subject()).isNull();
    assertThat(o.attributes()).isEmpty();
  }

  @Test
  void queryByTransactionIdPath() {
    PaymentOrder o =
        ok("{\"mchid\":\"1230000109\"}", "pay/transactions/id/1217752501201407033233368018");

    assertThat(o.operation()).isEqualTo(Operation.QUERY);
    assertThat(o.channelTransactionId()).isEqualTo("1217752501201407033233368018");
    assertThat(o.merchantOrderNo()).isNull();
  }

  @Test
  void queryByShortNameReadsTheBody() {
    PaymentOrder o =
        ok("{\"mchid\":\"1\",\"transaction_id\":\"4200000001\",\"out_trade_no\":\"O1\"}", "Query");

    assertThat(o.operation()).isEqualTo(Operation.QUERY);
    assertThat(o.channelTransactionId()).isEqualTo("4200000001");
    assertThat(o.merchantOrderNo()).isEqualTo("O1");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/v3/pay/transactions/out-trade-no/ORDER0001/close", "close"})
  void close(String hint) {
    String body =
        hint.equals("close")
            ? "{\"mchid\":\"1230000109\",\"out_trade_no\":\"ORDER0001\"}"
            : "{\"mchid\":\"1230000109\"}";

    PaymentOrder o = ok(body, hint);

    assertThat(o.operation()).isEqualTo(Operation.CLOSE);
    assertThat(o.merchantOrderNo()).isEqualTo("ORDER0001");
    assertThat(o.merchantId()).isEqualTo("1230000109");
    assertThat(o.amount()).isNull();
    assertThat(o.attributes()).isEmpty();
  }

  @Test
  void refundByV3PathMapsRefundAmountAndKeepsOriginalTotal() {
    String body =
        """
        {"mchid":"1230000109","transaction_id":"1217752501201407033233368018",
         "out_refund_no":"1217752501201407033233368019","reason":"商品已售完",
         "notify_url":"https://weixin.qq.com/refund","funds_account":"AVAILABLE",
         "amount":{"refund":888,"total":1000,"currency":"CNY"}}""";

    PaymentOrder o = ok(body, "/v3/refund/domestic/refunds");

    assertThat(o.operation()).isEqualTo(Operation.REFUND);
    assertThat(o.merchantId()).isEqualTo("1230000109");
    assertThat(o.refundNo()).isEqualTo("1217752501201407033233368019");
    assertThat(o.channelTransactionId()).isEqualTo("1217752501201407033233368018");
    assertThat(o.merchantOrderNo()).isNull();
    assertThat(o.amount()).isEqualTo(Money.ofMinor(888, "CNY"));
    assertThat(o.notifyUrl()).isEqualTo("https://weixin.qq.com/refund");
    assertThat(o.subject()).isNull();
    assertThat(o.attributes())
        .containsEntry("amount.total", "1000")
        .containsEntry("reason", "商品已售完")
        .containsEntry("funds_account", "AVAILABLE")
        .doesNotContainKeys("out_refund_no", "transaction_id", "trade_type", "amount.refund");
  }

  @Test
  void refundByShortNameWithOutTradeNoAndNoTotal() {
    PaymentOrder o =
        ok(
            """
        {"mchid":"1","out_trade_no":"ORDER0001","out_refund_no":"R1","amount":{"refund":5}}""",
            "refund");

    assertThat(o.operation()).isEqualTo(Operation.REFUND);
    assertThat(o.merchantOrderNo()).isEqualTo("ORDER0001");
    assertThat(o.refundNo()).isEqualTo("R1");
    assertThat(o.amount()).isEqualTo(Money.ofMinor(5, "CNY"));
    assertThat(o.attributes()).doesNotContainKey("amount.total");
  }

  @Test
  void descriptionOf127CharactersIsAccepted() {
    String body =
        pay("{\"total\":1}")
            .replace("\"description\":\"d\"", "\"description\":\"" + "商".repeat(127) + "\"");

    assertThat(ok(body, "pay").subject()).hasSize(127);
  }

  @Test
  void aBodyWithoutContentTypeIsSniffed() {
    PaymentOrder o =
        normalizer.normalize(
            new InboundMessage(Dialect.WECHATPAY, pay("{\"total\":7}"), null, null));

    assertThat(o.amount()).isEqualTo(Money.ofMinor(7, "CNY"));
  }

  // ---- bad inputs ---------------------------------------------------------------------------

  @Test
  void formBodyIsUnsupportedMediaType() {
    assertSingle(
        new InboundMessage(
            Dialect.WECHATPAY,
            "mchid=1&out_trade_no=2",
            "application/x-www-form-urlencoded",
            "pay"),
        RejectReason.UNSUPPORTED_MEDIA_TYPE,
        "body");
  }

  @Test
  void xmlBodyIsUnsupportedMediaType() {
    assertSingle(
        new InboundMessage(Dialect.WECHATPAY, "<xml><mch_id>1</mch_id></xml>", "text/xml", null),
        RejectReason.UNSUPPORTED_MEDIA_TYPE,
        "body");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{",
        "",
        "[1,2]",
        "\"text\"",
        "{\"mchid\":\"1\"} trailing",
        "{\"mchid\":\"1\",\"mchid\":\"2\"}"
      })
  void unparseableOrNonObjectJsonIsMalformed(String body) {
    assertSingle(json(body, "pay"), RejectReason.MALFORMED_MESSAGE, "body");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "capture",
        "pay/transactions/micropay",
        "v3/pay/transactions",
        "pay/transactions/out-trade-no/",
        "pay/transactions/id/42/close",
        "v2/refund/domestic/refunds",
        "/v3/pay/transactions/native/",
        "refund/domestic/refunds/R1"
      })
  void unknownOperationHint(String hint) {
    assertSingle(json(pay("{\"total\":1}"), hint), RejectReason.UNSUPPORTED_OPERATION, "operation");
  }

  @Test
  void missingMchid() {
    assertSingle(
        json(pay("{\"total\":1}").replace("\"mchid\":\"1900000001\",", ""), "pay"),
        RejectReason.MISSING_FIELD,
        "mchid");
  }

  @Test
  void numericMchidIsInvalid() {
    assertSingle(
        json(pay("{\"total\":1}").replace("\"1900000001\"", "1900000001"), "pay"),
        RejectReason.INVALID_FIELD,
        "mchid");
  }

  @ParameterizedTest
  @CsvSource({
    "appid, wx1",
    "description, d",
    "out_trade_no, ORDER0001",
    "notify_url, https://m.example/notify"
  })
  void missingPayField(String field, String value) {
    String body =
        pay("{\"total\":1}")
            .replace("\"" + field + "\":\"" + value + "\",", "")
            .replace(",\"" + field + "\":\"" + value + "\"", "");

    assertSingle(json(body, "pay"), RejectReason.MISSING_FIELD, field);
  }

  @Test
  void overLongDescription() {
    String body =
        pay("{\"total\":1}")
            .replace("\"description\":\"d\"", "\"description\":\"" + "x".repeat(128) + "\"");

    assertSingle(json(body, "pay"), RejectReason.INVALID_FIELD, "description");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"total\":\"100\"}",
        "{\"total\":1.5}",
        "{\"total\":100.0}",
        "{\"total\":1e2}",
        "{\"total\":0}",
        "{\"total\":-1}",
        "{\"total\":99999999999999999999}",
        "{\"total\":true}",
        "{\"total\":{\"fen\":1}}"
      })
  void badTotal(String amount) {
    assertSingle(json(pay(amount), "pay"), RejectReason.INVALID_AMOUNT, "amount.total");
  }

  @ParameterizedTest
  @ValueSource(strings = {"{}", "{\"currency\":\"CNY\"}", "null", "{\"total\":null}"})
  void missingTotal(String amount) {
    assertSingle(json(pay(amount), "pay"), RejectReason.MISSING_FIELD, "amount.total");
  }

  @Test
  void amountThatIsNotAnObject() {
    assertSingle(json(pay("100"), "pay"), RejectReason.INVALID_AMOUNT, "amount");
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"XYZ\"", "\"RMB\"", "\"\"", "156", "\"CNYY\""})
  void unknownCurrency(String currency) {
    assertSingle(
        json(pay("{\"total\":1,\"currency\":" + currency + "}"), "pay"),
        RejectReason.UNSUPPORTED_CURRENCY,
        "amount.currency");
  }

  @Test
  void jsapiWithoutPayerOpenid() {
    assertSingle(
        json(pay("{\"total\":1}"), "/v3/pay/transactions/jsapi"),
        RejectReason.MISSING_FIELD,
        "payer.openid");
    assertSingle(
        json(pay("{\"total\":1}").replaceFirst("\\{", "{\"payer\":{},"), "pay/transactions/jsapi"),
        RejectReason.MISSING_FIELD,
        "payer.openid");
  }

  @Test
  void refundWithoutOutRefundNo() {
    assertSingle(
        json(
            "{\"mchid\":\"1\",\"transaction_id\":\"42\",\"amount\":{\"refund\":1}}",
            "refund/domestic/refunds"),
        RejectReason.MISSING_FIELD,
        "out_refund_no");
  }

  @Test
  void refundWithoutRefundAmount() {
    assertSingle(
        json(
            "{\"mchid\":\"1\",\"transaction_id\":\"42\",\"out_refund_no\":\"R1\","
                + "\"amount\":{\"total\":100}}",
            "refund"),
        RejectReason.MISSING_FIELD,
        "amount.refund");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"refund\":\"1\"}",
        "{\"refund\":0.5}",
        "{\"refund\":0}",
        "{\"refund\":-3}",
        "{\"refund\":101,\"total\":100}"
      })
  void refundWithBadAmount(String amount) {
    assertSingle(
        json(
            "{\"mchid\":\"1\",\"transaction_id\":\"42\",\"out_refund_no\":\"R1\","
                + "\"amount\":"
                + amount
                + "}",
            "refund"),
        RejectReason.INVALID_AMOUNT,
        "amount.refund");
  }

  @Test
  void refundWithoutOrderOrTransaction() {
    assertSingle(
        json("{\"mchid\":\"1\",\"out_refund_no\":\"R1\",\"amount\":{\"refund\":1}}", "refund"),
        RejectReason.MISSING_FIELD,
        "out_trade_no");
  }

  @Test
  void queryWithoutOrderOrTransaction() {
    assertSingle(json("{\"mchid\":\"1\"}", "query"), RejectReason.MISSING_FIELD, "out_trade_no");
  }

  @Test
  void closeWithoutOutTradeNo() {
    assertSingle(
        json("{\"mchid\":\"1\",\"transaction_id\":\"42\"}", "close"),
        RejectReason.MISSING_FIELD,
        "out_trade_no");
  }

  @Test
  void pathAndBodyDisagreeOnTheOrderNumber() {
    assertSingle(
        json("{\"mchid\":\"1\",\"out_trade_no\":\"B\"}", "pay/transactions/out-trade-no/A"),
        RejectReason.INVALID_FIELD,
        "out_trade_no");
  }

  @Test
  void payerThatIsNotAnObject() {
    assertSingle(
        json(pay("{\"total\":1}").replaceFirst("\\{", "{\"payer\":\"o1\","), "pay"),
        RejectReason.INVALID_FIELD,
        "payer");
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    Rejection r =
        rejected(
            json(
                "{\"amount\":{\"total\":\"1\",\"currency\":\"XYZ\"}}",
                "v3/pay/transactions/jsapi"));

    assertThat(r.errors())
        .extracting(FieldError::field, FieldError::reason)
        .containsExactlyInAnyOrder(
            tuple("mchid", RejectReason.MISSING_FIELD),
            tuple("appid", RejectReason.MISSING_FIELD),
            tuple("description", RejectReason.MISSING_FIELD),
            tuple("out_trade_no", RejectReason.MISSING_FIELD),
            tuple("notify_url", RejectReason.MISSING_FIELD),
            tuple("amount.total", RejectReason.INVALID_AMOUNT),
            tuple("amount.currency", RejectReason.UNSUPPORTED_CURRENCY),
            tuple("payer.openid", RejectReason.MISSING_FIELD));
    assertThat(r.reason()).isEqualTo(RejectReason.MISSING_FIELD);
    assertThat(r.message()).contains("7 more problem(s)");
  }

  // ---- properties ---------------------------------------------------------------------------

  @Property
  void positiveFenAmountsRoundTripExactly(@ForAll @Positive long fen) {
    PaymentOrder pay =
        new WechatPayNormalizer().normalize(json(pay("{\"total\":" + fen + "}"), "pay"));
    PaymentOrder refund =
        new WechatPayNormalizer()
            .normalize(
                json(
                    "{\"mchid\":\"1\",\"transaction_id\":\"42\",\"out_refund_no\":\"R1\",\"amount\":{\"refund\":"
                        + fen
                        + ",\"total\":"
                        + fen
                        + "}}",
                    "refund"));

    assertThat(pay.amount()).isEqualTo(Money.ofMinor(fen, "CNY"));
    assertThat(refund.amount().minor()).isEqualTo(fen);
    assertThat(refund.attributes()).containsEntry("amount.total", Long.toString(fen));
  }
}
