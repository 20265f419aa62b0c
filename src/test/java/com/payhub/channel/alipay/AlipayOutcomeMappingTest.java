package com.payhub.channel.alipay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.payhub.channel.ChannelOutcome;
import com.payhub.model.Operation;
import com.payhub.model.PaymentStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Alipay's answers, as the gateway sends them, mapped pessimistically. */
class AlipayOutcomeMappingTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static ChannelOutcome map(Operation op, String member) throws Exception {
    JsonNode node = JSON.readTree(member);
    return AlipayOutcomeMapping.map(op, node);
  }

  @Test
  void aPrecreateWithAQrCodeIsPendingWithTheCodeForTheMerchant() throws Exception {
    ChannelOutcome o =
        map(
            Operation.PAY,
            "{\"code\":\"10000\",\"msg\":\"Success\",\"out_trade_no\":\"A1\","
                + "\"qr_code\":\"https://qr.alipay.com/bax03431ljhokirwl38f00a7\"}");
    assertThat(o.status()).isEqualTo(PaymentStatus.PENDING);
    assertThat(o.details())
        .containsEntry("qrCode", "https://qr.alipay.com/bax03431ljhokirwl38f00a7");
    assertThat(o.code()).isEqualTo("10000");
  }

  @Test
  void aSuccessWithoutQrCodeIsOnlyPending() throws Exception {
    ChannelOutcome o = map(Operation.PAY, "{\"code\":\"10000\",\"msg\":\"Success\"}");
    assertThat(o.status()).isEqualTo(PaymentStatus.PENDING);
    assertThat(o.details()).isEmpty();
  }

  @ParameterizedTest(name = "{0} {1} {2} -> {3}")
  @CsvSource({
    // PAY: only a refusal is a failure; "busy", "already paid" and the unknown stay open
    "PAY,    40004, ACQ.TOTAL_FEE_EXCEED,  FAILED",
    "PAY,    40004, ACQ.TRADE_HAS_CLOSE,   FAILED",
    "PAY,    40004, ACQ.SYSTEM_ERROR,      PENDING",
    "PAY,    40004, ACQ.TRADE_HAS_SUCCESS, PENDING",
    "PAY,    20000, isp.unknow-error,      PENDING",
    "PAY,    40002, isv.invalid-signature, FAILED",
    "PAY,    40006, isv.insufficient-isv-permissions, FAILED",
    "PAY,    99999, something.new,         PENDING",
    "REFUND, 40004, ACQ.SELLER_BALANCE_NOT_ENOUGH, FAILED",
    "REFUND, 40004, ACQ.SYSTEM_ERROR,      PENDING",
    "REFUND, 20000, isp.unknow-error,      PENDING",
    // QUERY and CLOSE failing tell nothing about the payment
    "QUERY,  40004, ACQ.TRADE_NOT_EXIST,   UNCHANGED",
    "QUERY,  20000, isp.unknow-error,      UNCHANGED",
    "CLOSE,  40004, ACQ.TRADE_STATUS_ERROR, UNCHANGED",
    "CLOSE,  40004, ACQ.TRADE_NOT_EXIST,   UNCHANGED",
  })
  void errorsKeepSubCodeAndSubMessageVerbatim(
      Operation op, String code, String subCode, String expected) throws Exception {
    ChannelOutcome o =
        map(
            op,
            "{\"code\":\""
                + code
                + "\",\"msg\":\"Business Failed\",\"sub_code\":\""
                + subCode
                + "\",\"sub_msg\":\"交易状态不合法\"}");
    assertThat(o.status() == null ? "UNCHANGED" : o.status().name()).isEqualTo(expected);
    assertThat(o.code()).isEqualTo(subCode);
    assertThat(o.message()).isEqualTo("交易状态不合法");
  }

  @Test
  void anErrorWithoutSubCodeKeepsCodeAndMsg() throws Exception {
    ChannelOutcome o =
        map(Operation.PAY, "{\"code\":\"40001\",\"msg\":\"Missing Required Arguments\"}");
    assertThat(o.status()).isEqualTo(PaymentStatus.FAILED);
    assertThat(o.code()).isEqualTo("40001");
    assertThat(o.message()).isEqualTo("Missing Required Arguments");
    assertThat(map(Operation.PAY, "{}").status()).isEqualTo(PaymentStatus.PENDING);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "WAIT_BUYER_PAY, PENDING",
    "TRADE_SUCCESS,  SUCCEEDED",
    "TRADE_FINISHED, SUCCEEDED",
    "TRADE_CLOSED,   CLOSED",
    "TRADE_PAID_OUT, UNCHANGED",
  })
  void queryMapsTradeStatus(String tradeStatus, String expected) throws Exception {
    ChannelOutcome o =
        map(
            Operation.QUERY,
            "{\"code\":\"10000\",\"msg\":\"Success\",\"trade_no\":\"2026112622001400000000000001\","
                + "\"out_trade_no\":\"A1\",\"trade_status\":\""
                + tradeStatus
                + "\",\"total_amount\":\"1.00\"}");
    assertThat(o.status() == null ? "UNCHANGED" : o.status().name()).isEqualTo(expected);
    assertThat(o.code()).isEqualTo(tradeStatus);
    if (o.status() != null) {
      assertThat(o.transactionId()).isEqualTo("2026112622001400000000000001");
    }
  }

  @Test
  void aRefundSucceedsOnlyWithFundChangeY() throws Exception {
    String base =
        "{\"code\":\"10000\",\"msg\":\"Success\",\"trade_no\":\"T\",\"refund_fee\":\"1.00\"";
    assertThat(map(Operation.REFUND, base + ",\"fund_change\":\"Y\"}").status())
        .isEqualTo(PaymentStatus.SUCCEEDED);
    assertThat(map(Operation.REFUND, base + ",\"fund_change\":\"N\"}").status())
        .isEqualTo(PaymentStatus.PENDING);
    assertThat(map(Operation.REFUND, base + "}").status()).isEqualTo(PaymentStatus.PENDING);
  }

  @Test
  void aCloseThatAlipayConfirmedCloses() throws Exception {
    ChannelOutcome o =
        map(Operation.CLOSE, "{\"code\":\"10000\",\"msg\":\"Success\",\"trade_no\":\"T\"}");
    assertThat(o.status()).isEqualTo(PaymentStatus.CLOSED);
  }
}
