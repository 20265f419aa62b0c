package com.payhub.channel.wechatpay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.payhub.channel.ChannelCallException;
import com.payhub.channel.ChannelOutcome;
import com.payhub.model.Money;
import com.payhub.model.Operation;
import com.payhub.model.PaymentStatus;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** WeChat Pay v3 answers mapped pessimistically: only an explicit success succeeds. */
class WechatPayAnswersTest {

  static final WechatPayCall PAY =
      new WechatPayCall(Operation.PAY, "1900000001", "T100", null, Money.ofMinor(100, "CNY"));
  static final WechatPayCall QUERY =
      new WechatPayCall(Operation.QUERY, "1900000001", "T100", null, Money.ofMinor(100, "CNY"));
  static final WechatPayCall CLOSE =
      new WechatPayCall(Operation.CLOSE, "1900000001", "T100", null, null);
  static final WechatPayCall REFUND =
      new WechatPayCall(Operation.REFUND, "1900000001", "T100", "R1", Money.ofMinor(40, "CNY"));

  @Test
  void aCodeUrlIsPendingWithTheCodeUrlForTheMerchant() {
    ChannelOutcome o = map(PAY, 200, "{\"code_url\":\"weixin://wxpay/bizpayurl?pr=abc\"}");
    assertThat(o.status()).isEqualTo(PaymentStatus.PENDING);
    assertThat(o.details()).containsEntry("codeUrl", "weixin://wxpay/bizpayurl?pr=abc");
  }

  @Test
  void aTwoHundredWithoutCodeUrlOrWithAnErrorCodeIsStillOnlyPending() {
    assertThat(map(PAY, 200, "{}").status()).isEqualTo(PaymentStatus.PENDING);
    assertThat(map(PAY, 200, "{}").code()).isEqualTo("NO_CODE_URL");
    ChannelOutcome o = map(PAY, 200, "{\"code\":\"PARAM_ERROR\",\"message\":\"x\"}");
    assertThat(o.status()).isEqualTo(PaymentStatus.PENDING);
    assertThat(o.code()).isEqualTo("PARAM_ERROR");
  }

  @ParameterizedTest
  @CsvSource({
    "PAY,    400, PARAM_ERROR,       FAILED",
    "PAY,    403, NO_AUTH,           FAILED",
    "PAY,    400, ORDERPAID,         PENDING",
    "PAY,    400, OUT_TRADE_NO_USED, PENDING",
    "PAY,    429, SYSTEM_ERROR,      PENDING",
    "REFUND, 403, NOT_ENOUGH,        FAILED",
    "REFUND, 400, SYSTEM_ERROR,      PENDING",
  })
  void signedErrorsFailOnlyWhenDefinitive(
      Operation op, int status, String code, PaymentStatus expected) {
    WechatPayCall call = op == Operation.PAY ? PAY : REFUND;
    ChannelOutcome o = map(call, status, "{\"code\":\"" + code + "\",\"message\":\"原文\"}");
    assertThat(o.status()).isEqualTo(expected);
    assertThat(o.code()).isEqualTo(code);
    assertThat(o.message()).isEqualTo("原文");
  }

  @ParameterizedTest
  @CsvSource({
    "SUCCESS,    SUCCEEDED",
    "NOTPAY,     PENDING",
    "USERPAYING, PENDING",
    "ACCEPT,     PENDING",
    "CLOSED,     CLOSED",
    "REVOKED,    CLOSED",
    "PAYERROR,   FAILED",
    "SOMETHING,  PENDING",
  })
  void tradeStatesMapPessimistically(String state, PaymentStatus expected) {
    ChannelOutcome o = map(QUERY, 200, trade(state, 100));
    assertThat(o.status()).isEqualTo(expected);
    assertThat(o.code()).isEqualTo(state);
    assertThat(o.transactionId())
        .isEqualTo(expected == PaymentStatus.SUCCEEDED ? "4200000000000000000000000001" : null);
  }

  @Test
  void aRefundedTradeAndAnUnknownOrderChangeNothing() {
    assertThat(map(QUERY, 200, trade("REFUND", 100)).status()).isNull();
    ChannelOutcome missing =
        map(QUERY, 404, "{\"code\":\"ORDER_NOT_EXIST\",\"message\":\"订单不存在\"}");
    assertThat(missing.status()).isNull();
    assertThat(missing.code()).isEqualTo("ORDER_NOT_EXIST");
  }

  @Test
  void successForAnotherAmountGoesToReviewAndAnotherOrderIsNoAnswer() {
    ChannelOutcome o = map(QUERY, 200, trade("SUCCESS", 99));
    assertThat(o.status()).isEqualTo(PaymentStatus.NEEDS_REVIEW);
    assertThat(o.code()).isEqualTo("AMOUNT_MISMATCH");
    assertThatThrownBy(() -> map(QUERY, 200, trade("SUCCESS", 100).replace("T100", "T999")))
        .isInstanceOf(ChannelCallException.class)
        .hasMessageContaining("out_trade_no");
  }

  @Test
  void closeIsClosedOnNoContentAndUnchangedWhenRefused() {
    assertThat(map(CLOSE, 204, "").status()).isEqualTo(PaymentStatus.CLOSED);
    ChannelOutcome paid = map(CLOSE, 400, "{\"code\":\"ORDERPAID\",\"message\":\"订单已支付\"}");
    assertThat(paid.status()).isNull();
    assertThat(paid.code()).isEqualTo("ORDERPAID");
  }

  @ParameterizedTest
  @CsvSource({
    "SUCCESS,    SUCCEEDED",
    "PROCESSING, PENDING",
    "ABNORMAL,   FAILED",
    "CLOSED,     FAILED",
    "NEW_STATE,  PENDING",
  })
  void refundStatusesMap(String state, PaymentStatus expected) {
    ChannelOutcome o =
        map(
            REFUND,
            200,
            "{\"refund_id\":\"503\",\"out_refund_no\":\"R1\",\"out_trade_no\":\"T100\",\"status\":\""
                + state
                + "\",\"amount\":{\"refund\":40,\"total\":100,\"currency\":\"CNY\"}}");
    assertThat(o.status()).isEqualTo(expected);
    assertThat(o.transactionId()).isEqualTo("503");
  }

  @Test
  void aRefundAnswerForAnotherRefundIsNoAnswer() {
    assertThatThrownBy(
            () ->
                map(
                    REFUND,
                    200,
                    "{\"out_refund_no\":\"R2\",\"status\":\"SUCCESS\",\"amount\":{\"refund\":40}}"))
        .isInstanceOf(ChannelCallException.class);
  }

  @Test
  void aBodyThatIsNotJsonIsMalformed() {
    assertThatThrownBy(() -> map(PAY, 200, "<xml/>"))
        .isInstanceOf(WechatPayMalformedMessageException.class);
  }

  static String trade(String state, long total) {
    return "{\"mchid\":\"1900000001\",\"out_trade_no\":\"T100\",\"transaction_id\":"
        + "\"4200000000000000000000000001\",\"trade_state\":\""
        + state
        + "\",\"trade_state_desc\":\"d\",\"amount\":{\"total\":"
        + total
        + ",\"currency\":\"CNY\"}}";
  }

  static ChannelOutcome map(WechatPayCall call, int status, String body) {
    return WechatPayAnswers.map(call, status, body.getBytes(StandardCharsets.UTF_8));
  }
}
