package com.payhub.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.payhub.model.Channel;
import com.payhub.model.Dialect;
import com.payhub.model.Money;
import com.payhub.model.Operation;
import com.payhub.model.PaymentOrder;
import com.payhub.model.RejectReason;
import com.payhub.model.RejectedInputException;
import com.payhub.model.Rejection;
import com.payhub.model.Rejection.FieldError;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CanonicalNormalizerTest {

  private static final String JSON = "application/json";

  private final CanonicalNormalizer normalizer = new CanonicalNormalizer();

  private PaymentOrder normalize(String body) {
    return normalizer.normalize(new InboundMessage(Dialect.CANONICAL, body, JSON, null));
  }

  private Rejection reject(String body) {
    return reject(new InboundMessage(Dialect.CANONICAL, body, JSON, null));
  }

  private Rejection reject(InboundMessage message) {
    RejectedInputException e =
        catchThrowableOfType(RejectedInputException.class, () -> normalizer.normalize(message));
    assertThat(e).as("expected a rejection for %s", message.body()).isNotNull();
    assertThat(e.rejection().dialect()).isEqualTo(Dialect.CANONICAL);
    return e.rejection();
  }

  /** Asserts the rejection consists of exactly one error with this field and reason. */
  private static void assertSingle(Rejection r, String field, RejectReason reason) {
    assertThat(r.errors())
        .extracting(FieldError::field, FieldError::reason)
        .containsExactly(tuple(field, reason));
    assertThat(r.reason()).isEqualTo(reason);
  }

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** A valid PAY order as a mutable map, in the canonical member order. */
  private static Map<String, Object> pay() {
    Map<String, Object> amount = new LinkedHashMap<>();
    amount.put("minor", 10000);
    amount.put("currency", "CNY");
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("merchantId", "M100001");
    o.put("merchantOrderNo", "ORD20240301001");
    o.put("channel", "alipay");
    o.put("operation", "PAY");
    o.put("amount", amount);
    o.put("subject", "一杯咖啡");
    return o;
  }

  private static String json(Map<String, Object> order) {
    try {
      return MAPPER.writeValueAsString(order);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final String PAY =
      """
      {"merchantId":"M100001","merchantOrderNo":"ORD20240301001","channel":"alipay","operation":"PAY",
       "amount":{"minor":10000,"currency":"CNY"},"subject":"一杯咖啡"}""";

  @Test
  void mapsAPayOrderFieldByField() {
    PaymentOrder o =
        normalize(
            """
        {"merchantId":"M100001","merchantOrderNo":"ORD20240301001","channel":"wechatpay",
         "operation":"PAY","amount":{"minor":12345,"currency":"cny"},"subject":"一杯咖啡",
         "notifyUrl":"https://shop.example/notify","channelTransactionId":null,
         "attributes":{"payer.openid":"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o","installments":3,"flag":true}}""");
    assertThat(o.paymentId()).isNull();
    assertThat(o.createdAt()).isNull();
    assertThat(o.merchantId()).isEqualTo("M100001");
    assertThat(o.merchantOrderNo()).isEqualTo("ORD20240301001");
    assertThat(o.channel()).isEqualTo(Channel.WECHATPAY);
    assertThat(o.operation()).isEqualTo(Operation.PAY);
    assertThat(o.amount()).isEqualTo(new Money(12345, "CNY"));
    assertThat(o.amount().minor()).isEqualTo(12345L);
    assertThat(o.amount().currency()).isEqualTo("CNY");
    assertThat(o.subject()).isEqualTo("一杯咖啡");
    assertThat(o.refundNo()).isNull();
    assertThat(o.channelTransactionId()).isNull();
    assertThat(o.notifyUrl()).isEqualTo("https://shop.example/notify");
    assertThat(o.attributes())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "payer.openid",
                "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o",
                "installments",
                "3",
                "flag",
                "true"));
    assertThat(o.sourceDialect()).isEqualTo(Dialect.CANONICAL);
  }

  @Test
  void operationDefaultsToPay() {
    PaymentOrder o =
        normalize(
            """
        {"merchantId":"M1","merchantOrderNo":"A1","channel":"unionpay",
         "amount":{"minor":1,"currency":"CNY"},"subject":"s"}""");
    assertThat(o.operation()).isEqualTo(Operation.PAY);
    assertThat(o.amount()).isEqualTo(new Money(1, "CNY"));
  }

  @ParameterizedTest
  @CsvSource({
    "alipay,ALIPAY",
    "ALIPAY,ALIPAY",
    "AliPay,ALIPAY",
    "WeChatPay,WECHATPAY",
    "UNIONPAY,UNIONPAY",
    "' unionpay ',UNIONPAY"
  })
  void channelIsCaseInsensitive(String text, Channel expected) {
    PaymentOrder o = normalize(PAY.replace("\"alipay\"", "\"" + text + "\""));
    assertThat(o.channel()).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"pay", "Pay", "PAY"})
  void operationIsCaseInsensitive(String text) {
    assertThat(normalize(PAY.replace("\"PAY\"", "\"" + text + "\"")).operation())
        .isEqualTo(Operation.PAY);
  }

  @Test
  void largestLongAmountIsKeptExactly() {
    PaymentOrder o = normalize(PAY.replace("10000", String.valueOf(Long.MAX_VALUE)));
    assertThat(o.amount().minor()).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void mapsAQueryByOrderNo() {
    PaymentOrder o =
        normalize(
            """
        {"merchantId":"M100001","merchantOrderNo":"ORD1","channel":"alipay","operation":"QUERY"}""");
    assertThat(o.operation()).isEqualTo(Operation.QUERY);
    assertThat(o.merchantOrderNo()).isEqualTo("ORD1");
    assertThat(o.channel()).isEqualTo(Channel.ALIPAY);
    assertThat(o.amount()).isNull();
    assertThat(o.subject()).isNull();
    assertThat(o.refundNo()).isNull();
    assertThat(o.channelTransactionId()).isNull();
    assertThat(o.attributes()).isEmpty();
  }

  @Test
  void mapsAQueryByChannelTransactionIdOnly() {
    PaymentOrder o =
        normalize(
            """
        {"merchantId":"M100001","channelTransactionId":"2024030122001400001","channel":"alipay",
         "operation":"query"}""");
    assertThat(o.operation()).isEqualTo(Operation.QUERY);
    assertThat(o.merchantOrderNo()).isNull();
    assertThat(o.channelTransactionId()).isEqualTo("2024030122001400001");
  }

  @Test
  void mapsARefund() {
    PaymentOrder o =
        normalize(
            """
        {"merchantId":"M100001","merchantOrderNo":"ORD1","channel":"unionpay","operation":"REFUND",
         "amount":{"minor":500,"currency":"CNY"},"refundNo":"RF0001","channelTransactionId":"Q123"}""");
    assertThat(o.operation()).isEqualTo(Operation.REFUND);
    assertThat(o.merchantOrderNo()).isEqualTo("ORD1");
    assertThat(o.refundNo()).isEqualTo("RF0001");
    assertThat(o.channelTransactionId()).isEqualTo("Q123");
    assertThat(o.amount()).isEqualTo(new Money(500, "CNY"));
    assertThat(o.channel()).isEqualTo(Channel.UNIONPAY);
    assertThat(o.subject()).isNull();
  }

  @Test
  void mapsARefundIdentifiedByChannelTransactionIdOnly() {
    PaymentOrder o =
        normalize(
            """
        {"merchantId":"M100001","channel":"alipay","operation":"REFUND",
         "amount":{"minor":500,"currency":"CNY"},"refundNo":"RF0001","channelTransactionId":"T9"}""");
    assertThat(o.merchantOrderNo()).isNull();
    assertThat(o.channelTransactionId()).isEqualTo("T9");
    assertThat(o.refundNo()).isEqualTo("RF0001");
  }

  @Test
  void mapsAClose() {
    PaymentOrder o =
        normalize(
            """
        {"merchantId":"M100001","merchantOrderNo":"ORD1","channel":"wechatpay","operation":"Close"}""");
    assertThat(o.operation()).isEqualTo(Operation.CLOSE);
    assertThat(o.merchantOrderNo()).isEqualTo("ORD1");
    assertThat(o.channel()).isEqualTo(Channel.WECHATPAY);
    assertThat(o.amount()).isNull();
  }

  @Test
  void contentTypeParametersAreIgnoredAndJsonSuffixAccepted() {
    assertThat(
            normalizer
                .normalize(
                    new InboundMessage(
                        Dialect.CANONICAL, PAY, "Application/JSON; charset=UTF-8", null))
                .merchantId())
        .isEqualTo("M100001");
    assertThat(
            normalizer
                .normalize(
                    new InboundMessage(Dialect.CANONICAL, PAY, "application/vnd.payhub+json", null))
                .merchantId())
        .isEqualTo("M100001");
    // queues carry no content type: a body that starts with '{' is JSON
    assertThat(
            normalizer
                .normalize(new InboundMessage(Dialect.CANONICAL, "  " + PAY, null, null))
                .merchantId())
        .isEqualTo("M100001");
  }

  // ---- missing fields ----

  @ParameterizedTest
  @ValueSource(strings = {"merchantId", "channel", "merchantOrderNo", "subject", "amount"})
  void payWithoutARequiredFieldIsRefused(String field) {
    Map<String, Object> order = pay();
    assertThat(order.remove(field)).isNotNull();
    assertSingle(reject(json(order)), field, RejectReason.MISSING_FIELD);
  }

  @ParameterizedTest
  @ValueSource(strings = {"null", "\"\"", "\"   \""})
  void blankOrNullRequiredValuesCountAsMissing(String value) {
    assertSingle(
        reject(PAY.replace("\"M100001\"", value)), "merchantId", RejectReason.MISSING_FIELD);
    assertSingle(reject(PAY.replace("\"一杯咖啡\"", value)), "subject", RejectReason.MISSING_FIELD);
  }

  @Test
  void amountWithoutMinorOrCurrencyIsMissing() {
    assertSingle(reject(PAY.replace("\"minor\":10000,", "")), "amount", RejectReason.MISSING_FIELD);
    assertSingle(
        reject(PAY.replace(",\"currency\":\"CNY\"", "")), "amount", RejectReason.MISSING_FIELD);
    assertSingle(
        reject(PAY.replace("{\"minor\":10000,\"currency\":\"CNY\"}", "10000")),
        "amount",
        RejectReason.MISSING_FIELD);
  }

  @Test
  void refundWithoutRefundNoIsRefused() {
    Rejection r =
        reject(
            """
        {"merchantId":"M100001","merchantOrderNo":"ORD1","channel":"alipay","operation":"REFUND",
         "amount":{"minor":500,"currency":"CNY"}}""");
    assertSingle(r, "refundNo", RejectReason.MISSING_FIELD);
  }

  @Test
  void refundWithoutAmountIsRefused() {
    Rejection r =
        reject(
            """
        {"merchantId":"M100001","merchantOrderNo":"ORD1","channel":"alipay","operation":"REFUND",
         "refundNo":"RF1"}""");
    assertSingle(r, "amount", RejectReason.MISSING_FIELD);
  }

  @ParameterizedTest
  @ValueSource(strings = {"QUERY", "CLOSE", "REFUND"})
  void nonPayWithNeitherOrderNoNorChannelTransactionIdIsRefused(String op) {
    String extra =
        op.equals("REFUND")
            ? ",\"amount\":{\"minor\":1,\"currency\":\"CNY\"},\"refundNo\":\"R1\""
            : "";
    Rejection r =
        reject(
            "{\"merchantId\":\"M1\",\"channel\":\"alipay\",\"operation\":\""
                + op
                + "\""
                + ",\"merchantOrderNo\":\"  \",\"channelTransactionId\":null"
                + extra
                + "}");
    assertSingle(r, "merchantOrderNo", RejectReason.MISSING_FIELD);
    assertThat(r.message()).contains("channelTransactionId");
  }

  // ---- amounts ----

  @ParameterizedTest
  @ValueSource(
      strings = {
        "0",
        "-1",
        "-10000",
        "1.5",
        "100.0",
        "1e2",
        "\"100\"",
        "true",
        "[100]",
        "{}",
        "99999999999999999999",
        "9223372036854775808"
      })
  void minorMustBeAPositiveIntegerThatFitsALong(String minor) {
    Rejection r = reject(PAY.replace("\"minor\":10000", "\"minor\":" + minor));
    assertSingle(r, "amount.minor", RejectReason.INVALID_AMOUNT);
  }

  @ParameterizedTest
  @ValueSource(strings = {"XYZ", "RMB", "yuan", "", "CN", "156"})
  void currencyMustBeAnIso4217Code(String currency) {
    Rejection r = reject(PAY.replace("\"CNY\"", "\"" + currency + "\""));
    assertSingle(r, "amount.currency", RejectReason.UNSUPPORTED_CURRENCY);
  }

  @Test
  void amountOnAQueryIsStillChecked() {
    Rejection r =
        reject(
            """
        {"merchantId":"M1","merchantOrderNo":"O1","channel":"alipay","operation":"QUERY",
         "amount":{"minor":0,"currency":"CNY"}}""");
    assertSingle(r, "amount.minor", RejectReason.INVALID_AMOUNT);
  }

  // ---- channel / operation ----

  @ParameterizedTest
  @ValueSource(strings = {"paypal", "ali pay", "wechat", "1"})
  void unknownChannelIsRefused(String channel) {
    Rejection r = reject(PAY.replace("\"alipay\"", "\"" + channel + "\""));
    assertSingle(r, "channel", RejectReason.UNKNOWN_CHANNEL);
    assertThat(r.message()).contains(channel);
  }

  @ParameterizedTest
  @ValueSource(strings = {"CAPTURE", "PAYMENT", "cancel", ""})
  void unknownOperationIsRefused(String op) {
    Rejection r = reject(PAY.replace("\"PAY\"", "\"" + op + "\""));
    assertSingle(r, "operation", RejectReason.UNSUPPORTED_OPERATION);
  }

  // ---- members ----

  @Test
  void unknownMemberIsRefusedByName() {
    Rejection r = reject(PAY.replace("\"subject\"", "\"subject\":\"x\",\"merchantOrderNumber\""));
    assertSingle(r, "merchantOrderNumber", RejectReason.INVALID_FIELD);
    assertThat(r.message()).contains("merchantOrderNumber");
  }

  @Test
  void typoOfARequiredFieldReportsBothTheUnknownMemberAndTheMissingField() {
    Rejection r = reject(PAY.replace("\"merchantOrderNo\"", "\"merchantOrderN0\""));
    assertThat(r.errors())
        .extracting(FieldError::field, FieldError::reason)
        .containsExactlyInAnyOrder(
            tuple("merchantOrderN0", RejectReason.INVALID_FIELD),
            tuple("merchantOrderNo", RejectReason.MISSING_FIELD));
  }

  @ParameterizedTest
  @ValueSource(strings = {"paymentId", "createdAt", "sourceDialect"})
  void hubIssuedMemberIsRefused(String member) {
    Rejection r =
        reject(PAY.replace("{\"merchantId\"", "{\"" + member + "\":\"P123\",\"merchantId\""));
    assertSingle(r, member, RejectReason.INVALID_FIELD);
    assertThat(r.message()).contains("issued by the hub");
  }

  // ---- attributes ----

  @Test
  void attributeNumbersAndBooleansAreKeptAsText() {
    String body =
        PAY.replace(
            "{\"merchantId\"",
            "{\"attributes\":{\"count\":42,"
                + "\"big\":12345678901234567890,\"neg\":-7,\"ok\":false,\"s\":\"x\"},\"merchantId\"");
    PaymentOrder o = normalize(body);
    assertThat(o.attributes())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "count",
                "42",
                "big",
                "12345678901234567890",
                "neg",
                "-7",
                "ok",
                "false",
                "s",
                "x"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"text\"", "42", "[\"a\"]", "true"})
  void attributesMustBeAnObject(String value) {
    Rejection r =
        reject(PAY.replace("{\"merchantId\"", "{\"attributes\":" + value + ",\"merchantId\""));
    assertSingle(r, "attributes", RejectReason.INVALID_FIELD);
  }

  @Test
  void nullAttributesMeanNone() {
    PaymentOrder o =
        normalize(PAY.replace("{\"merchantId\"", "{\"attributes\":null,\"merchantId\""));
    assertThat(o.attributes()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"x\":1}", "[1,2]", "null"})
  void attributeValuesMustBeScalars(String value) {
    Rejection r =
        reject(
            PAY.replace(
                "{\"merchantId\"",
                "{\"attributes\":{\"good\":\"ok\",\"payer\":" + value + "},\"merchantId\""));
    assertSingle(r, "attributes.payer", RejectReason.INVALID_FIELD);
  }

  // ---- body shape ----

  @ParameterizedTest
  @ValueSource(
      strings = {"{\"merchantId\":", "{merchantId:\"M1\"}", "{'a':1}", "{\"a\":1,}", "", "nul"})
  void malformedJsonIsRefused(String body) {
    Rejection r = reject(body);
    assertSingle(r, "body", RejectReason.MALFORMED_MESSAGE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"[" + "{\"merchantId\":\"M1\"}" + "]", "\"text\"", "42", "null", "true"})
  void nonObjectJsonIsRefused(String body) {
    Rejection r = reject(body);
    assertSingle(r, "body", RejectReason.MALFORMED_MESSAGE);
    assertThat(r.message()).contains("JSON object");
  }

  @ParameterizedTest
  @ValueSource(strings = {" {}", " []", " x", " \"more\"", " 1"})
  void trailingTokensAfterTheObjectAreRefused(String trailer) {
    Rejection r = reject(PAY + trailer);
    assertSingle(r, "body", RejectReason.MALFORMED_MESSAGE);
  }

  @Test
  void trailingWhitespaceIsFine() {
    assertThat(normalize(PAY + " \n\t").merchantId()).isEqualTo("M100001");
  }

  @ParameterizedTest
  @ValueSource(strings = {"application/x-www-form-urlencoded", "text/plain", "application/xml"})
  void nonJsonContentTypeIsUnsupportedMediaType(String contentType) {
    Rejection r = reject(new InboundMessage(Dialect.CANONICAL, PAY, contentType, null));
    assertSingle(r, "body", RejectReason.UNSUPPORTED_MEDIA_TYPE);
    assertThat(r.reason().httpStatus()).isEqualTo(415);
  }

  @Test
  void formBodyWithoutContentTypeIsUnsupportedMediaType() {
    Rejection r =
        reject(
            new InboundMessage(
                Dialect.CANONICAL, "merchantId=M1&channel=alipay&merchantOrderNo=O1", null, null));
    assertSingle(r, "body", RejectReason.UNSUPPORTED_MEDIA_TYPE);
  }

  // ---- several problems at once ----

  @Test
  void reportsEveryProblemTogether() {
    Rejection r =
        reject(
            """
        {"channel":"paypal","amount":{"minor":1.5,"currency":"CNY"},"merchantOrderNo":"O1",
         "paymentId":"P1","colour":"red","attributes":{"a":{"b":1}}}""");
    assertThat(r.errors())
        .extracting(FieldError::field, FieldError::reason)
        .containsExactlyInAnyOrder(
            tuple("paymentId", RejectReason.INVALID_FIELD),
            tuple("colour", RejectReason.INVALID_FIELD),
            tuple("merchantId", RejectReason.MISSING_FIELD),
            tuple("channel", RejectReason.UNKNOWN_CHANNEL),
            tuple("amount.minor", RejectReason.INVALID_AMOUNT),
            tuple("subject", RejectReason.MISSING_FIELD),
            tuple("attributes.a", RejectReason.INVALID_FIELD));
    assertThat(r.reason()).isEqualTo(r.errors().get(0).reason());
    assertThat(r.message()).contains("(and 6 more problem(s))");
  }

  @Test
  void reportsMissingFieldsOfARefundTogether() {
    Rejection r =
        reject(
            """
        {"merchantId":"M1","channel":"alipay","operation":"REFUND","amount":{"minor":-5,"currency":"XYZ"}}""");
    assertThat(r.errors())
        .extracting(FieldError::field, FieldError::reason)
        .containsExactlyInAnyOrder(
            tuple("merchantOrderNo", RejectReason.MISSING_FIELD),
            tuple("amount.minor", RejectReason.INVALID_AMOUNT),
            tuple("refundNo", RejectReason.MISSING_FIELD));
  }

  @Test
  void decimalAttributesKeepTheirTextAsSent() {
    PaymentOrder order =
        normalize(
            PAY.replace(
                "\"subject\":\"一杯咖啡\"}",
                "\"subject\":\"x\",\"attributes\":{\"a\":1.50,\"b\":100.0,\"c\":1e2}}"));
    assertThat(order.attributes())
        .containsEntry("a", "1.50")
        .containsEntry("b", "100.0")
        .containsEntry("c", "100");
  }

  @Test
  void aRepeatedMemberIsMalformedNotLastOneWins() {
    Rejection r =
        reject(
            PAY.replace(
                "{\"merchantId\":\"M100001\",",
                "{\"merchantId\":\"M100001\",\"merchantId\":\"M2\","));
    assertSingle(r, "body", RejectReason.MALFORMED_MESSAGE);
  }

  @Test
  void anUnknownMemberOfAmountIsRefused() {
    Rejection r = reject(PAY.replace("\"currency\":\"CNY\"}", "\"currency\":\"CNY\",\"bogus\":1}"));
    assertSingle(r, "amount.bogus", RejectReason.INVALID_FIELD);
  }
}
