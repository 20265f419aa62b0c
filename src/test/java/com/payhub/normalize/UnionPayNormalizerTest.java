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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Positive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UnionPayNormalizerTest {

  private static final String FORM = "application/x-www-form-urlencoded";

  private final UnionPayNormalizer normalizer = new UnionPayNormalizer();

  /** A consume (pay) request as the acp SDK's demo builds it, signed fields included. */
  private static Map<String, String> consume() {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("version", "5.1.0");
    f.put("encoding", "UTF-8");
    f.put("signMethod", "01");
    f.put("txnType", "01");
    f.put("txnSubType", "01");
    f.put("bizType", "000201");
    f.put("channelType", "07");
    f.put("merId", "777290058110048");
    f.put("accessType", "0");
    f.put("orderId", "20240301123000123");
    f.put("txnTime", "20240301123000");
    f.put("txnAmt", "10000");
    f.put("currencyCode", "156");
    f.put("frontUrl", "https://merchant.example/front");
    f.put("backUrl", "https://merchant.example/acp/notify?x=1&y=2");
    f.put("orderDesc", "一杯咖啡");
    f.put("reqReserved", "透传");
    f.put("payTimeout", "20240301124500");
    f.put("certId", "69629715588");
    f.put("signPubKeyCert", "-----BEGIN CERTIFICATE-----\nMIIB...\n-----END CERTIFICATE-----");
    f.put("signature", "c2lnbmF0dXJl+/=");
    return f;
  }

  private static Map<String, String> with(Map<String, String> base, String... keyValues) {
    Map<String, String> f = new LinkedHashMap<>(base);
    for (int i = 0; i < keyValues.length; i += 2) {
      if (keyValues[i + 1] == null) {
        f.remove(keyValues[i]);
      } else {
        f.put(keyValues[i], keyValues[i + 1]);
      }
    }
    return f;
  }

  private static String encode(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  private static InboundMessage form(Map<String, String> fields) {
    return new InboundMessage(Dialect.UNIONPAY, encode(fields), FORM + ";charset=UTF-8", null);
  }

  private PaymentOrder ok(Map<String, String> fields) {
    return normalizer.normalize(form(fields));
  }

  private Rejection rejected(InboundMessage message) {
    RejectedInputException e =
        catchThrowableOfType(RejectedInputException.class, () -> normalizer.normalize(message));
    assertThat(e).as("expected a rejection").isNotNull();
    assertThat(e.rejection().dialect()).isEqualTo(Dialect.UNIONPAY);
    return e.rejection();
  }

  private void assertSingle(InboundMessage message, RejectReason reason, String field) {
    Rejection r = rejected(message);
    assertThat(r.reason()).isEqualTo(reason);
    assertThat(r.errors())
        .extracting(FieldError::field, FieldError::reason)
        .containsExactly(tuple(field, reason));
  }

  private static Map<String, String> refund(String txnType) {
    Map<String, String> f =
        with(
            consume(),
            "txnType",
            txnType,
            "txnSubType",
            "00",
            "orderId",
            "R20240302000001",
            "origQryId",
            "512403011230001234567",
            "txnAmt",
            "2500",
            "frontUrl",
            null,
            "orderDesc",
            null,
            "payTimeout",
            null,
            "reqReserved",
            null);
    return f;
  }

  private static Map<String, String> query() {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("version", "5.1.0");
    f.put("encoding", "UTF-8");
    f.put("signMethod", "01");
    f.put("txnType", "00");
    f.put("txnSubType", "00");
    f.put("bizType", "000000");
    f.put("accessType", "0");
    f.put("merId", "777290058110048");
    f.put("orderId", "20240301123000123");
    f.put("txnTime", "20240301123000");
    f.put("signature", "sig");
    return f;
  }

  // ---- valid inputs -------------------------------------------------------------------------

  @Test
  void consumeMapsEveryFieldAndDropsSignatureFields() {
    PaymentOrder o = ok(consume());

    assertThat(o.paymentId()).isNull();
    assertThat(o.createdAt()).isNull();
    assertThat(o.channel()).isEqualTo(Channel.UNIONPAY);
    assertThat(o.sourceDialect()).isEqualTo(Dialect.UNIONPAY);
    assertThat(o.operation()).isEqualTo(Operation.PAY);
    assertThat(o.merchantId()).isEqualTo("777290058110048");
    assertThat(o.merchantOrderNo()).isEqualTo("20240301123000123");
    assertThat(o.amount()).isEqualTo(Money.ofMinor(10000, "CNY"));
    assertThat(o.notifyUrl()).isEqualTo("https://merchant.example/acp/notify?x=1&y=2");
    assertThat(o.subject()).isEqualTo("一杯咖啡");
    assertThat(o.refundNo()).isNull();
    assertThat(o.channelTransactionId()).isNull();
    assertThat(o.attributes())
        .isEqualTo(
            Map.ofEntries(
                Map.entry("version", "5.1.0"),
                Map.entry("encoding", "UTF-8"),
                Map.entry("txnType", "01"),
                Map.entry("txnSubType", "01"),
                Map.entry("bizType", "000201"),
                Map.entry("channelType", "07"),
                Map.entry("accessType", "0"),
                Map.entry("txnTime", "20240301123000"),
                Map.entry("frontUrl", "https://merchant.example/front"),
                Map.entry("orderDesc", "一杯咖啡"),
                Map.entry("reqReserved", "透传"),
                Map.entry("payTimeout", "20240301124500")));
  }

  @Test
  void consumeWithVersion500WithoutEncodingOrDescriptionAndNoContentType() {
    Map<String, String> f =
        with(
            consume(),
            "version",
            "5.0.0",
            "encoding",
            null,
            "orderDesc",
            null,
            "accNo",
            "ENCRYPTED==",
            "customerInfo",
            "e3Bob25lTm89MTM1fQ==",
            "currencyCode",
            "840");

    PaymentOrder o =
        normalizer.normalize(new InboundMessage(Dialect.UNIONPAY, encode(f), null, null));

    assertThat(o.operation()).isEqualTo(Operation.PAY);
    assertThat(o.subject()).isNull();
    assertThat(o.amount()).isEqualTo(Money.ofMinor(10000, "USD"));
    assertThat(o.attributes())
        .containsEntry("version", "5.0.0")
        .containsEntry("accNo", "ENCRYPTED==")
        .containsEntry("customerInfo", "e3Bob25lTm89MTM1fQ==")
        .doesNotContainKeys("encoding", "orderDesc");
  }

  @Test
  void queryByOrderIdAndTxnTime() {
    PaymentOrder o = ok(query());

    assertThat(o.operation()).isEqualTo(Operation.QUERY);
    assertThat(o.merchantId()).isEqualTo("777290058110048");
    assertThat(o.merchantOrderNo()).isEqualTo("20240301123000123");
    assertThat(o.channelTransactionId()).isNull();
    assertThat(o.amount()).isNull();
    assertThat(o.notifyUrl()).isNull();
    assertThat(o.attributes())
        .containsEntry("txnTime", "20240301123000")
        .doesNotContainKeys("orderId", "merId", "signature", "signMethod");
  }

  @Test
  void queryByQueryId() {
    PaymentOrder o = ok(with(query(), "orderId", null, "queryId", "512403011230001234567"));

    assertThat(o.operation()).isEqualTo(Operation.QUERY);
    assertThat(o.merchantOrderNo()).isNull();
    assertThat(o.channelTransactionId()).isEqualTo("512403011230001234567");
    assertThat(o.attributes()).doesNotContainKey("queryId");
  }

  @Test
  void refund() {
    PaymentOrder o = ok(refund("04"));

    assertThat(o.operation()).isEqualTo(Operation.REFUND);
    assertThat(o.merchantId()).isEqualTo("777290058110048");
    assertThat(o.refundNo()).isEqualTo("R20240302000001");
    assertThat(o.merchantOrderNo()).isNull();
    assertThat(o.channelTransactionId()).isEqualTo("512403011230001234567");
    assertThat(o.amount()).isEqualTo(Money.ofMinor(2500, "CNY"));
    assertThat(o.notifyUrl()).isEqualTo("https://merchant.example/acp/notify?x=1&y=2");
    assertThat(o.subject()).isNull();
    assertThat(o.attributes())
        .containsEntry("txnType", "04")
        .containsEntry("txnSubType", "00")
        .doesNotContainKeys("orderId", "origQryId", "txnAmt", "currencyCode", "backUrl");
  }

  @Test
  void consumeCancellationIsClose() {
    PaymentOrder o = ok(refund("31"));

    assertThat(o.operation()).isEqualTo(Operation.CLOSE);
    assertThat(o.refundNo()).isEqualTo("R20240302000001");
    assertThat(o.merchantOrderNo()).isNull();
    assertThat(o.channelTransactionId()).isEqualTo("512403011230001234567");
    assertThat(o.amount()).isEqualTo(Money.ofMinor(2500, "CNY"));
  }

  @Test
  void shortOrderIdIsLeftToTheValidator() {
    assertThat(ok(with(consume(), "orderId", "A1")).merchantOrderNo()).isEqualTo("A1");
  }

  // ---- bad inputs ---------------------------------------------------------------------------

  @Test
  void jsonContentTypeIsUnsupportedMediaType() {
    assertSingle(
        new InboundMessage(Dialect.UNIONPAY, "{\"txnType\":\"01\"}", "application/json", null),
        RejectReason.UNSUPPORTED_MEDIA_TYPE,
        "body");
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"txnType\":\"01\"}", "  [\"txnType\"]"})
  void jsonLookingBodyIsUnsupportedMediaTypeEvenAsForm(String body) {
    assertSingle(
        new InboundMessage(Dialect.UNIONPAY, body, FORM, null),
        RejectReason.UNSUPPORTED_MEDIA_TYPE,
        "body");
    assertSingle(
        new InboundMessage(Dialect.UNIONPAY, body, null, null),
        RejectReason.UNSUPPORTED_MEDIA_TYPE,
        "body");
  }

  @Test
  void otherContentTypeIsUnsupportedMediaType() {
    assertSingle(
        new InboundMessage(Dialect.UNIONPAY, encode(consume()), "text/plain", null),
        RejectReason.UNSUPPORTED_MEDIA_TYPE,
        "body");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "version", "version=5.1.0&=x", "txnAmt=%ZZ", "a=1&a=2"})
  void malformedForm(String body) {
    Rejection r = rejected(new InboundMessage(Dialect.UNIONPAY, body, FORM, null));

    assertThat(r.reason()).isEqualTo(RejectReason.MALFORMED_MESSAGE);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "version",
        "txnType",
        "txnSubType",
        "bizType",
        "merId",
        "txnTime",
        "orderId",
        "txnAmt",
        "currencyCode",
        "backUrl"
      })
  void missingConsumeField(String field) {
    assertSingle(form(with(consume(), field, null)), RejectReason.MISSING_FIELD, field);
    assertSingle(form(with(consume(), field, " ")), RejectReason.MISSING_FIELD, field);
  }

  @ParameterizedTest
  @ValueSource(strings = {"5.2.0", "5.1", "1.0.0", "5.1.0 "})
  void badVersion(String version) {
    assertSingle(form(with(consume(), "version", version)), RejectReason.INVALID_FIELD, "version");
  }

  @Test
  void badEncoding() {
    assertSingle(form(with(consume(), "encoding", "GBK")), RejectReason.INVALID_FIELD, "encoding");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "20240230120000",
        "20241301120000",
        "20240301250000",
        "2024-03-01 12:30",
        "202403011230",
        "2024030112300a",
        "20240301123000 "
      })
  void badTxnTime(String txnTime) {
    assertSingle(form(with(consume(), "txnTime", txnTime)), RejectReason.INVALID_FIELD, "txnTime");
  }

  @ParameterizedTest
  @ValueSource(strings = {"72", "02", "1", "consume"})
  void unsupportedTxnType(String txnType) {
    assertSingle(
        form(with(consume(), "txnType", txnType)), RejectReason.UNSUPPORTED_OPERATION, "txnType");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "0",
        "-1",
        "1.00",
        "abc",
        "100.5",
        "+100",
        " 100",
        "1e3",
        "99999999999999999999",
        "000"
      })
  void badTxnAmt(String txnAmt) {
    assertSingle(form(with(consume(), "txnAmt", txnAmt)), RejectReason.INVALID_AMOUNT, "txnAmt");
  }

  @ParameterizedTest
  @ValueSource(strings = {"123", "000", "001"})
  void unknownNumericCurrency(String code) {
    assertSingle(
        form(with(consume(), "currencyCode", code)),
        RejectReason.UNSUPPORTED_CURRENCY,
        "currencyCode");
  }

  @ParameterizedTest
  @ValueSource(strings = {"CNY", "15", "1560"})
  void nonNumericCurrencyCode(String code) {
    assertSingle(
        form(with(consume(), "currencyCode", code)), RejectReason.INVALID_FIELD, "currencyCode");
  }

  @Test
  void queryWithoutOrderIdOrQueryId() {
    assertSingle(form(with(query(), "orderId", null)), RejectReason.MISSING_FIELD, "orderId");
  }

  @Test
  void queryWithoutTxnTime() {
    assertSingle(form(with(query(), "txnTime", null)), RejectReason.MISSING_FIELD, "txnTime");
  }

  @ParameterizedTest
  @ValueSource(strings = {"04", "31"})
  void refundAndCancelWithoutOrigQryId(String txnType) {
    assertSingle(
        form(with(refund(txnType), "origQryId", null)), RejectReason.MISSING_FIELD, "origQryId");
  }

  @ParameterizedTest
  @ValueSource(strings = {"04", "31"})
  void refundAndCancelWithoutOrderId(String txnType) {
    assertSingle(
        form(with(refund(txnType), "orderId", null)), RejectReason.MISSING_FIELD, "orderId");
  }

  @Test
  void refundWithZeroAmount() {
    assertSingle(form(with(refund("04"), "txnAmt", "0")), RejectReason.INVALID_AMOUNT, "txnAmt");
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    Rejection r =
        rejected(
            form(
                with(
                    consume(),
                    "version",
                    "4.0.0",
                    "merId",
                    null,
                    "txnTime",
                    "yesterday",
                    "txnType",
                    "99")));

    assertThat(r.errors())
        .extracting(FieldError::field, FieldError::reason)
        .containsExactly(
            tuple("version", RejectReason.INVALID_FIELD),
            tuple("merId", RejectReason.MISSING_FIELD),
            tuple("txnTime", RejectReason.INVALID_FIELD),
            tuple("txnType", RejectReason.UNSUPPORTED_OPERATION));
    assertThat(r.reason()).isEqualTo(RejectReason.INVALID_FIELD);
  }

  @Test
  void everyPayProblemIsReportedAtOnce() {
    Rejection r =
        rejected(
            form(
                with(
                    consume(),
                    "txnAmt",
                    "1.00",
                    "currencyCode",
                    "123",
                    "backUrl",
                    null,
                    "orderId",
                    null)));

    assertThat(r.errors())
        .extracting(FieldError::field, FieldError::reason)
        .containsExactlyInAnyOrder(
            tuple("orderId", RejectReason.MISSING_FIELD),
            tuple("txnAmt", RejectReason.INVALID_AMOUNT),
            tuple("currencyCode", RejectReason.UNSUPPORTED_CURRENCY),
            tuple("backUrl", RejectReason.MISSING_FIELD));
  }

  // ---- properties ---------------------------------------------------------------------------

  @Property
  void positiveFenAmountsRoundTripExactly(@ForAll @Positive long fen) {
    PaymentOrder pay =
        new UnionPayNormalizer().normalize(form(with(consume(), "txnAmt", Long.toString(fen))));
    PaymentOrder refund =
        new UnionPayNormalizer().normalize(form(with(refund("04"), "txnAmt", Long.toString(fen))));

    assertThat(pay.amount()).isEqualTo(Money.ofMinor(fen, "CNY"));
    assertThat(refund.amount()).isEqualTo(Money.ofMinor(fen, "CNY"));
  }
}
