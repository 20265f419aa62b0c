package com.payhub.channel.alipay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alipay.api.domain.AlipayTradeFastpayRefundQueryModel;
import com.alipay.api.internal.mapping.ApiField;
import com.alipay.api.internal.util.AlipaySignature;
import com.alipay.api.request.AlipayTradeFastpayRefundQueryRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.payhub.channel.ChannelCallException;
import com.payhub.channel.ChannelOutcome;
import com.payhub.config.MerchantRegistry;
import com.payhub.config.PayHubProperties;
import com.payhub.model.Channel;
import com.payhub.model.Dialect;
import com.payhub.model.Operation;
import com.payhub.model.PaymentOrder;
import com.payhub.model.PaymentStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The refund query ({@code alipay.trade.fastpay.refund.query}): the request a QUERY order with a
 * refund number becomes, as a known answer, and what each answer means for the refund.
 *
 * <p>{@link #SIGN} was computed outside Java with the OpenSSL 3.0 CLI and the test-only fixture key
 * ({@code src/test/resources/alipay/test-rsa-private.pem}) over the hand-written {@link #CONTENT}:
 * {@code printf '%s' "$CONTENT" | openssl dgst -sha256 -sign test-rsa-private.pem | base64 -w0}.
 * RSA PKCS#1 v1.5 is deterministic, so equal signatures prove equal parameters.
 */
class AlipayRefundQueryTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TRADE_NO = "2026112722001400000000000001";

  static final String CONTENT =
      "app_id=2021001&biz_content={\"out_trade_no\":\"ORDER_1\",\"trade_no\":\""
          + TRADE_NO
          + "\",\"out_request_no\":\"REFUND_1\"}&charset=utf-8&format=JSON"
          + "&method=alipay.trade.fastpay.refund.query&sign_type=RSA2"
          + "&timestamp=2026-11-27 00:30:05&version=1.0";

  static final String SIGN =
      "Z/46xW1biZiACAuFK56EJyJxYGp7HU4xqO/6PXeP7EUBFAV11H69Kd7BOrXsH3oZRCwNgo0ZuMxTkHAzPk02RXdkf1oc"
          + "RvWiiC/T7OQFeAhaeDGj+b18Pkxl+qPvLx4qEsaxto3/VEeQ+0xD2Ipwv9RBtwJD6RbJDy+Eh5w/1qvqJ3G6P1pb"
          + "VEK075tKAs4CA9rVfaUKiee0PsUrhh5INK+NTC4Qq4xsB833u6OQMtTHxPple5K/Ih3tI7laIxPiOUfsaozUQrM2"
          + "cUJwNdjjUffNItAsbxdtRTpAdGwC1wrf3ExQpb1TJM10RvPz8rGL21F9lw3IGuyh/4VgkDawtA==";

  // 2026-11-26 16:30:05 UTC is 2026-11-27 00:30:05 in Beijing
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-26T16:30:05Z"), ZoneOffset.UTC);

  private final AlipayRequests requests =
      new AlipayRequests(
          new AlipayGatewayProperties(
              "https://openapi.alipay.com/gateway.do",
              "https://hub.example/notify/alipay",
              Duration.ofSeconds(2),
              Duration.ofSeconds(10),
              "alipay-app",
              "alipay-platform",
              "RSA2",
              Duration.ofHours(26)),
          new MerchantRegistry(
              new PayHubProperties(
                  null,
                  Map.of(),
                  List.of(
                      new PayHubProperties.Merchant(
                          "M1", "shop", Set.of(Channel.ALIPAY), Map.of(Channel.ALIPAY, "2021001"))),
                  null)),
          JSON,
          CLOCK);

  private static PaymentOrder query(String refundNo) {
    return new PaymentOrder(
        "Q1",
        "M1",
        "ORDER_1",
        Channel.ALIPAY,
        Operation.QUERY,
        null,
        null,
        refundNo,
        TRADE_NO,
        null,
        null,
        Dialect.CANONICAL,
        Instant.EPOCH);
  }

  @Test
  void aQueryWithARefundNumberIsTheRefundQueryWithExactlyTheseSignedParameters() throws Exception {
    Map<String, String> params = requests.params(query("REFUND_1"));

    assertThat(params)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "app_id", "2021001",
                "method", "alipay.trade.fastpay.refund.query",
                "format", "JSON",
                "charset", "utf-8",
                "sign_type", "RSA2",
                "timestamp", "2026-11-27 00:30:05",
                "version", "1.0",
                "biz_content",
                    "{\"out_trade_no\":\"ORDER_1\",\"trade_no\":\""
                        + TRADE_NO
                        + "\",\"out_request_no\":\"REFUND_1\"}"));
    assertThat(AlipaySignContent.forRequest(params)).isEqualTo(CONTENT);

    Map<String, String> signed =
        new AlipaySigner(AlipaySignType.RSA2, AlipayTestKeys.FIXTURE.getPrivate())
            .signedParams(params);
    assertThat(signed).containsEntry("sign", SIGN);
    assertThat(
            AlipaySignature.rsaCheckV2(
                new HashMap<>(signed),
                AlipayTestKeys.base64(AlipayTestKeys.FIXTURE.getPublic()),
                "utf-8",
                "RSA2"))
        .as("the official SDK's gateway check")
        .isTrue();
  }

  @Test
  void theMethodAndBizMembersAreTheOfficialSdksOwn() throws Exception {
    assertThat(new AlipayTradeFastpayRefundQueryRequest().getApiMethodName())
        .isEqualTo(AlipayRequests.REFUND_QUERY);
    Set<String> sdkMembers =
        Arrays.stream(AlipayTradeFastpayRefundQueryModel.class.getDeclaredFields())
            .map(f -> f.getAnnotation(ApiField.class))
            .filter(java.util.Objects::nonNull)
            .map(ApiField::value)
            .collect(java.util.stream.Collectors.toSet());
    JsonNode biz = JSON.readTree(requests.params(query("REFUND_1")).get("biz_content"));
    assertThat(biz.fieldNames()).toIterable().isSubsetOf(sdkMembers);
    assertThat(sdkMembers).contains("out_request_no");
  }

  @Test
  void aQueryWithoutARefundNumberStaysTheTradeQuery() throws Exception {
    Map<String, String> params = requests.params(query(null));
    assertThat(params).containsEntry("method", "alipay.trade.query");
    assertThat(params.get("biz_content"))
        .isEqualTo("{\"out_trade_no\":\"ORDER_1\",\"trade_no\":\"" + TRADE_NO + "\"}");
  }

  @ParameterizedTest(name = "{0} → {1} {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        // the refund was made: the only answer that is a success
        "{\"code\":\"10000\",\"msg\":\"Success\",\"trade_no\":\"T9\",\"out_trade_no\":\"ORDER_1\","
            + "\"out_request_no\":\"REFUND_1\",\"refund_amount\":\"1.00\","
            + "\"refund_status\":\"REFUND_SUCCESS\"} | SUCCEEDED | REFUND_SUCCESS",
        // Alipay has not received the refund, or has not made it yet
        "{\"code\":\"10000\",\"msg\":\"Success\",\"trade_no\":\"T9\",\"out_trade_no\":\"ORDER_1\"}"
            + " | | NO_REFUND_STATUS",
        "{\"code\":\"10000\",\"msg\":\"Success\",\"out_request_no\":\"REFUND_1\","
            + "\"refund_amount\":\"1.00\"} | | NO_REFUND_STATUS",
        // a status Alipay does not document for this API
        "{\"code\":\"10000\",\"msg\":\"Success\",\"out_request_no\":\"REFUND_1\","
            + "\"refund_status\":\"REFUND_PROCESSING\"} | | REFUND_PROCESSING",
        // REFUND_SUCCESS that does not name the refund
        "{\"code\":\"10000\",\"msg\":\"Success\",\"refund_status\":\"REFUND_SUCCESS\"}"
            + " | | REFUND_SUCCESS",
        // the query itself failed: nothing learnt
        "{\"code\":\"40004\",\"msg\":\"Business Failed\",\"sub_code\":\"ACQ.TRADE_NOT_EXIST\","
            + "\"sub_msg\":\"交易不存在\"} | | ACQ.TRADE_NOT_EXIST",
        "{\"code\":\"20000\",\"msg\":\"Service Currently Unavailable\"} | | 20000",
        "{\"msg\":\"?\"} | | NO_CODE"
      })
  void eachAnswerMapsPessimistically(String member, PaymentStatus status, String code)
      throws Exception {
    ChannelOutcome o = AlipayRefundQueryMapping.map(JSON.readTree(member), "REFUND_1");
    assertThat(o.status()).isEqualTo(status);
    assertThat(o.code()).isEqualTo(code);
    if (status == PaymentStatus.SUCCEEDED) {
      assertThat(o.transactionId()).isEqualTo("T9");
    }
  }

  @Test
  void anAnswerAboutAnotherRefundIsNoAnswer() {
    assertThatThrownBy(
            () ->
                AlipayRefundQueryMapping.map(
                    JSON.readTree(
                        "{\"code\":\"10000\",\"out_request_no\":\"REFUND_2\","
                            + "\"refund_status\":\"REFUND_SUCCESS\"}"),
                    "REFUND_1"))
        .isInstanceOf(ChannelCallException.class)
        .extracting(e -> ((ChannelCallException) e).code())
        .isEqualTo("RESPONSE_MISMATCH");
  }
}
