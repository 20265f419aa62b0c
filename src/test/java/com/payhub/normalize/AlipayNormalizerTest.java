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
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AlipayNormalizerTest {

  private static final String FORM = "application/x-www-form-urlencoded";
  private static final String JSON = "application/json";
  private static final String PRECREATE_BIZ =
      "{\"out_trade_no\":\"ORD-1001\",\"total_amount\":\"100.00\",\"subject\":\"Iced tea\","
          + "\"product_code\":\"FACE_TO_FACE_PAYMENT\",\"timeout_express\":\"90m\","
          + "\"goods_detail\":[{\"goods_id\":\"g1\",\"quantity\":2}]}";

  private final AlipayNormalizer normalizer = new AlipayNormalizer();

  // ---------------------------------------------------------------- helpers

  private static Map<String, String> params(String method, String biz) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("app_id", "2021000000000001");
    p.put("method", method);
    p.put("format", "JSON");
    p.put("charset", "utf-8");
    p.put("sign_type", "RSA2");
    p.put("sign", "c2lnbmF0dXJl+/=");
    p.put("timestamp", "2024-05-01 12:30:00");
    p.put("version", "1.0");
    p.put("notify_url", "https://merchant.example/notify?x=1&y=2");
    p.put("biz_content", biz);
    return p;
  }

  private static Map<String, String> precreate() {
    return params("alipay.trade.precreate", PRECREATE_BIZ);
  }

  private static String form(Map<String, String> p) {
    return p.entrySet().stream()
        .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
        .collect(Collectors.joining("&"));
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** JSON object of string members; biz_content embedded raw when {@code nested}. */
  private static String json(Map<String, String> p, boolean nested) {
    return p.entrySet().stream()
        .map(
            e ->
                quote(e.getKey())
                    + ":"
                    + (nested && e.getKey().equals("biz_content")
                        ? e.getValue()
                        : quote(e.getValue())))
        .collect(Collectors.joining(",", "{", "}"));
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private PaymentOrder formOrder(Map<String, String> p) {
    return normalizer.normalize(new InboundMessage(Dialect.ALIPAY, form(p), FORM, null));
  }

  private Rejection rejectForm(Map<String, String> p) {
    return reject(new InboundMessage(Dialect.ALIPAY, form(p), FORM, null));
  }

  private Rejection reject(InboundMessage message) {
    RejectedInputException e =
        catchThrowableOfType(RejectedInputException.class, () -> normalizer.normalize(message));
    assertThat(e).as("expected a rejection").isNotNull();
    assertThat(e.rejection().dialect()).isEqualTo(Dialect.ALIPAY);
    return e.rejection();
  }

  private static void assertOnly(Rejection r, RejectReason reason, String field) {
    assertThat(r.reason()).isEqualTo(reason);
    assertThat(r.errors())
        .extracting(FieldError::field, FieldError::reason)
        .containsExactly(tuple(field, reason));
  }

  private static String bizWith(String member) {
    return "{\"out_trade_no\":\"ORD-1\",\"subject\":\"s\"," + member + "}";
  }

  private static void assertPrecreate(PaymentOrder o) {
    assertThat(o.merchantId()).isEqualTo("2021000000000001");
    assertThat(o.paymentId()).isNull();
    assertThat(o.createdAt()).isNull();
    assertThat(o.channel()).isEqualTo(Channel.ALIPAY);
    assertThat(o.sourceDialect()).isEqualTo(Dialect.ALIPAY);
    assertThat(o.operation()).isEqualTo(Operation.PAY);
    assertThat(o.merchantOrderNo()).isEqualTo("ORD-1001");
    assertThat(o.amount()).isEqualTo(Money.ofMinor(10000, "CNY"));
    assertThat(o.subject()).isEqualTo("Iced tea");
    assertThat(o.notifyUrl()).isEqualTo("https://merchant.example/notify?x=1&y=2");
    assertThat(o.refundNo()).isNull();
    assertThat(o.channelTransactionId()).isNull();
    assertThat(o.attributes())
        .containsOnly(
            Map.entry("format", "JSON"),
            Map.entry("biz.product_code", "FACE_TO_FACE_PAYMENT"),
            Map.entry("biz.timeout_express", "90m"),
            Map.entry("biz.goods_detail", "[{\"goods_id\":\"g1\",\"quantity\":2}]"));
  }

  // ---------------------------------------------------------------- valid inputs

  @Test
  void precreateAsForm() {
    assertPrecreate(formOrder(precreate()));
  }

  @Test
  void precreateAsJsonWithBizContentString() {
    assertPrecreate(
        normalizer.normalize(
            new InboundMessage(Dialect.ALIPAY, json(precreate(), false), JSON, null)));
  }

  @Test
  void precreateAsJsonWithBizContentObject() {
    assertPrecreate(
        normalizer.normalize(
            new InboundMessage(
                Dialect.ALIPAY, json(precreate(), true), "application/json; charset=utf-8", null)));
  }

  @Test
  void sniffsFormAndJsonWhenThereIsNoContentType() {
    assertPrecreate(
        normalizer.normalize(new InboundMessage(Dialect.ALIPAY, form(precreate()), null, null)));
    assertPrecreate(
        normalizer.normalize(
            new InboundMessage(Dialect.ALIPAY, json(precreate(), true), null, null)));
  }

  @Test
  void keepsAppAuthTokenAndReturnUrlButNeverSign() {
    Map<String, String> p = precreate();
    p.put("app_auth_token", "tok-1");
    p.put("return_url", "https://merchant.example/back");
    PaymentOrder o = formOrder(p);
    assertThat(o.attributes())
        .containsEntry("app_auth_token", "tok-1")
        .containsEntry("return_url", "https://merchant.example/back")
        .doesNotContainKeys(
            "sign",
            "sign_type",
            "charset",
            "version",
            "timestamp",
            "method",
            "app_id",
            "biz.out_trade_no",
            "biz.total_amount",
            "biz.subject");
  }

  @Test
  void charsetAndSignTypeAreOptionalAndCharsetIsCaseInsensitive() {
    Map<String, String> p = precreate();
    p.remove("sign_type");
    p.remove("charset");
    assertThat(formOrder(p).amount().minor()).isEqualTo(10000);
    p.put("charset", "UTF-8");
    p.put("sign_type", "RSA");
    assertThat(formOrder(p).amount().minor()).isEqualTo(10000);
  }

  @ParameterizedTest
  @CsvSource({
    "alipay.trade.precreate, PAY",
    "alipay.trade.page.pay,  PAY",
    "alipay.trade.pay,       PAY",
    "alipay.trade.wap.pay,   PAY",
    "alipay.trade.app.pay,   PAY",
    "alipay.trade.query,     QUERY",
    "alipay.trade.refund,    REFUND",
    "alipay.trade.close,     CLOSE"
  })
  void mapsEveryMethod(String method, Operation expected) {
    String biz =
        "{\"out_trade_no\":\"ORD-7\",\"total_amount\":\"1.00\",\"subject\":\"s\","
            + "\"refund_amount\":\"1.00\"}";
    PaymentOrder o = formOrder(params(method, biz));
    assertThat(o.operation()).isEqualTo(expected);
    assertThat(o.merchantOrderNo()).isEqualTo("ORD-7");
    assertThat(o.amount())
        .isEqualTo(
            expected == Operation.QUERY || expected == Operation.CLOSE
                ? null
                : Money.ofMinor(100, "CNY"));
  }

  @Test
  void refundCarriesRefundAmountAndRequestNo() {
    PaymentOrder o =
        formOrder(
            params(
                "alipay.trade.refund",
                "{\"out_trade_no\":\"ORD-9\",\"refund_amount\":\"12.34\",\"out_request_no\":\"RF-1\","
                    + "\"refund_reason\":\"broken\"}"));
    assertThat(o.operation()).isEqualTo(Operation.REFUND);
    assertThat(o.amount()).isEqualTo(Money.ofMinor(1234, "CNY"));
    assertThat(o.refundNo()).isEqualTo("RF-1");
    assertThat(o.merchantOrderNo()).isEqualTo("ORD-9");
    assertThat(o.subject()).isNull();
    assertThat(o.attributes()).containsEntry("biz.refund_reason", "broken");
  }

  @Test
  void refundWithoutOutRequestNoHasNullRefundNo() {
    PaymentOrder o =
        formOrder(
            params(
                "alipay.trade.refund", "{\"trade_no\":\"2024050122001\",\"refund_amount\":0.5}"));
    assertThat(o.refundNo()).isNull();
    assertThat(o.channelTransactionId()).isEqualTo("2024050122001");
    assertThat(o.amount()).isEqualTo(Money.ofMinor(50, "CNY"));
  }

  @Test
  void queryByTradeNo() {
    PaymentOrder o = formOrder(params("alipay.trade.query", "{\"trade_no\":\"2024050122001\"}"));
    assertThat(o.operation()).isEqualTo(Operation.QUERY);
    assertThat(o.channelTransactionId()).isEqualTo("2024050122001");
    assertThat(o.merchantOrderNo()).isNull();
    assertThat(o.amount()).isNull();
  }

  @Test
  void jsonNumberAmountsKeepTheirExactText() {
    Map<String, String> p =
        params(
            "alipay.trade.precreate",
            "{\"out_trade_no\":\"O\",\"subject\":\"s\",\"total_amount\":100.10}");
    assertThat(
            normalizer
                .normalize(new InboundMessage(Dialect.ALIPAY, json(p, true), JSON, null))
                .amount())
        .isEqualTo(Money.ofMinor(10010, "CNY"));
    p.put("biz_content", "{\"out_trade_no\":\"O\",\"subject\":\"s\",\"total_amount\":100.00}");
    assertThat(
            normalizer
                .normalize(new InboundMessage(Dialect.ALIPAY, json(p, true), JSON, null))
                .amount())
        .isEqualTo(Money.ofMinor(10000, "CNY"));
    p.put("biz_content", "{\"out_trade_no\":\"O\",\"subject\":\"s\",\"total_amount\":0.1}");
    assertThat(formOrder(p).amount()).isEqualTo(Money.ofMinor(10, "CNY"));
  }

  @Test
  void transCurrencyIsHonoured() {
    PaymentOrder o =
        formOrder(
            params(
                "alipay.trade.precreate",
                bizWith("\"total_amount\":\"9.99\",\"trans_currency\":\"usd\"")));
    assertThat(o.amount()).isEqualTo(Money.ofMinor(999, "USD"));
  }

  // ---------------------------------------------------------------- bad inputs

  @Test
  void missingAppId() {
    Map<String, String> p = precreate();
    p.remove("app_id");
    assertOnly(rejectForm(p), RejectReason.MISSING_FIELD, "app_id");
  }

  @Test
  void missingTotalAmount() {
    assertOnly(
        rejectForm(params("alipay.trade.precreate", bizWith("\"body\":\"x\""))),
        RejectReason.MISSING_FIELD,
        "total_amount");
  }

  @Test
  void missingSubject() {
    assertOnly(
        rejectForm(
            params("alipay.trade.precreate", "{\"out_trade_no\":\"O\",\"total_amount\":\"1.00\"}")),
        RejectReason.MISSING_FIELD,
        "subject");
  }

  @ParameterizedTest
  @CsvSource({"100.001", "-1.00", "0.00", "abc", "1e2", "'1,00'", "' 1.0.0'", "１.00"})
  void invalidAmountText(String amount) {
    assertOnly(
        rejectForm(
            params("alipay.trade.precreate", bizWith("\"total_amount\":\"" + amount + "\""))),
        RejectReason.INVALID_AMOUNT,
        "total_amount");
  }

  @ParameterizedTest
  @CsvSource({"100.001", "1e2", "0", "-5", "true"})
  void invalidAmountAsJsonValue(String raw) {
    Map<String, String> p = params("alipay.trade.precreate", bizWith("\"total_amount\":" + raw));
    assertOnly(
        reject(new InboundMessage(Dialect.ALIPAY, json(p, true), JSON, null)),
        RejectReason.INVALID_AMOUNT,
        "total_amount");
  }

  @Test
  void invalidRefundAmount() {
    assertOnly(
        rejectForm(
            params("alipay.trade.refund", "{\"out_trade_no\":\"O\",\"refund_amount\":\"0.00\"}")),
        RejectReason.INVALID_AMOUNT,
        "refund_amount");
  }

  @Test
  void malformedForm() {
    assertOnly(
        reject(new InboundMessage(Dialect.ALIPAY, "app_id=1&a=%zz", FORM, null)),
        RejectReason.MALFORMED_MESSAGE,
        "body");
  }

  @Test
  void duplicateFormKey() {
    String body = form(precreate()) + "&app_id=other";
    assertOnly(
        reject(new InboundMessage(Dialect.ALIPAY, body, FORM, null)),
        RejectReason.MALFORMED_MESSAGE,
        "app_id");
  }

  @Test
  void malformedJson() {
    assertOnly(
        reject(new InboundMessage(Dialect.ALIPAY, "{\"app_id\":\"1\",", JSON, null)),
        RejectReason.MALFORMED_MESSAGE,
        "body");
  }

  @Test
  void jsonBodyThatIsNotAnObject() {
    assertOnly(
        reject(new InboundMessage(Dialect.ALIPAY, "[{\"app_id\":\"1\"}]", JSON, null)),
        RejectReason.MALFORMED_MESSAGE,
        "body");
  }

  @Test
  void duplicateJsonMember() {
    String body = "{\"app_id\":\"1\",\"app_id\":\"2\"}";
    assertOnly(
        reject(new InboundMessage(Dialect.ALIPAY, body, JSON, null)),
        RejectReason.MALFORMED_MESSAGE,
        "body");
  }

  @Test
  void bizContentNotJson() {
    assertOnly(
        rejectForm(params("alipay.trade.precreate", "out_trade_no=1")),
        RejectReason.MALFORMED_MESSAGE,
        "biz_content");
  }

  @Test
  void bizContentNotAnObject() {
    assertOnly(
        rejectForm(params("alipay.trade.precreate", "[1,2]")),
        RejectReason.MALFORMED_MESSAGE,
        "biz_content");
    Map<String, String> p = params("alipay.trade.precreate", "42");
    assertOnly(
        reject(new InboundMessage(Dialect.ALIPAY, json(p, true), JSON, null)),
        RejectReason.MALFORMED_MESSAGE,
        "biz_content");
  }

  @Test
  void missingBizContent() {
    Map<String, String> p = precreate();
    p.remove("biz_content");
    assertOnly(rejectForm(p), RejectReason.MISSING_FIELD, "biz_content");
  }

  @Test
  void unknownMethod() {
    assertOnly(
        rejectForm(params("alipay.trade.cancel", PRECREATE_BIZ)),
        RejectReason.UNSUPPORTED_OPERATION,
        "method");
  }

  @Test
  void wrongVersion() {
    Map<String, String> p = precreate();
    p.put("version", "2.0");
    assertOnly(rejectForm(p), RejectReason.INVALID_FIELD, "version");
  }

  @ParameterizedTest
  @CsvSource({"2024/05/01 12:30:00", "2024-02-30 12:00:00", "2024-05-01T12:30:00", "1714537800"})
  void badTimestamp(String timestamp) {
    Map<String, String> p = precreate();
    p.put("timestamp", timestamp);
    assertOnly(rejectForm(p), RejectReason.INVALID_FIELD, "timestamp");
  }

  @Test
  void badCharsetAndSignType() {
    Map<String, String> p = precreate();
    p.put("charset", "GBK");
    p.put("sign_type", "MD5");
    assertThat(rejectForm(p).errors())
        .extracting(FieldError::field, FieldError::reason)
        .containsExactly(
            tuple("charset", RejectReason.INVALID_FIELD),
            tuple("sign_type", RejectReason.INVALID_FIELD));
  }

  @Test
  void unknownTransCurrencyIsCheckedBeforeTheAmount() {
    assertOnly(
        rejectForm(
            params(
                "alipay.trade.precreate",
                bizWith("\"total_amount\":\"abc\",\"trans_currency\":\"ZZZ\""))),
        RejectReason.UNSUPPORTED_CURRENCY,
        "trans_currency");
  }

  @Test
  void queryWithoutAnyOrderReference() {
    assertOnly(
        rejectForm(params("alipay.trade.query", "{\"query_options\":[\"x\"]}")),
        RejectReason.MISSING_FIELD,
        "out_trade_no");
  }

  @Test
  void unsupportedContentType() {
    assertOnly(
        reject(new InboundMessage(Dialect.ALIPAY, "<xml/>", "text/xml", null)),
        RejectReason.UNSUPPORTED_MEDIA_TYPE,
        "Content-Type");
  }

  @Test
  void protocolParameterThatIsAnObject() {
    String body = json(precreate(), true).replace("\"version\":\"1.0\"", "\"version\":{\"v\":1}");
    assertThat(reject(new InboundMessage(Dialect.ALIPAY, body, JSON, null)).errors())
        .extracting(FieldError::field, FieldError::reason)
        .contains(tuple("version", RejectReason.INVALID_FIELD));
  }

  @Test
  void collectsEveryFieldError() {
    Map<String, String> p =
        params("alipay.trade.precreate", "{\"out_trade_no\":\"O\",\"total_amount\":\"1.001\"}");
    p.remove("app_id");
    p.put("version", "1.1");
    Rejection r = rejectForm(p);
    assertThat(r.reason()).isEqualTo(RejectReason.MISSING_FIELD);
    assertThat(r.errors())
        .extracting(FieldError::field, FieldError::reason)
        .containsExactlyInAnyOrder(
            tuple("app_id", RejectReason.MISSING_FIELD),
            tuple("version", RejectReason.INVALID_FIELD),
            tuple("total_amount", RejectReason.INVALID_AMOUNT),
            tuple("subject", RejectReason.MISSING_FIELD));
  }

  // ---------------------------------------------------------------- property

  @Property
  void everyFenAmountRoundTripsExactly(
      @ForAll @LongRange(min = 1, max = 1_000_000_000_000L) long fen) {
    String text = BigDecimal.valueOf(fen, 2).toPlainString();
    PaymentOrder o =
        new AlipayNormalizer()
            .normalize(
                new InboundMessage(
                    Dialect.ALIPAY,
                    form(
                        params(
                            "alipay.trade.precreate",
                            bizWith("\"total_amount\":\"" + text + "\""))),
                    FORM,
                    null));
    assertThat(o.amount()).isEqualTo(Money.ofMinor(fen, "CNY"));
  }
}
