package com.payhub.channel.alipay;

import static com.payhub.channel.alipay.AlipayOutcomeMapping.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.payhub.channel.ChannelCallException;
import com.payhub.channel.ChannelOutcome;
import com.payhub.model.PaymentStatus;

/**
 * What a verified {@code alipay.trade.fastpay.refund.query} answer means for the refund,
 * pessimistically. {@code code=10000} only says the query worked. Alipay's documentation: the
 * refund succeeded when the answer names it and {@code refund_status} is {@code REFUND_SUCCESS};
 * without {@code refund_status} Alipay has not received the refund or not done it (yet), so the
 * refund stays as it is and a later query (or the notification) decides. An answer about another
 * {@code out_request_no} is no answer to this query.
 */
final class AlipayRefundQueryMapping {

  static final String REFUND_SUCCESS = "REFUND_SUCCESS";

  private AlipayRefundQueryMapping() {}

  static ChannelOutcome map(JsonNode member, String refundNo) {
    String code = text(member, "code");
    String msg = text(member, "msg");
    if (!AlipayOutcomeMapping.SUCCESS.equals(code)) {
      // ACQ.TRADE_NOT_EXIST, ACQ.SYSTEM_ERROR, a gateway refusal, ...: the query told nothing
      String subCode = text(member, "sub_code");
      return ChannelOutcome.unchanged(
          subCode != null ? subCode : code != null ? code : "NO_CODE",
          subCode != null ? text(member, "sub_msg") : msg);
    }
    String requestNo = text(member, "out_request_no");
    if (requestNo != null && !requestNo.equals(refundNo)) {
      throw new ChannelCallException(
          "RESPONSE_MISMATCH", "the answer names another out_request_no than the query");
    }
    String status = text(member, "refund_status");
    if (REFUND_SUCCESS.equals(status) && requestNo != null) {
      return ChannelOutcome.of(
          PaymentStatus.SUCCEEDED, text(member, "trade_no"), REFUND_SUCCESS, msg);
    }
    return ChannelOutcome.unchanged(
        status == null ? "NO_REFUND_STATUS" : status,
        status == null ? "Alipay has not received or not yet made this refund" : msg);
  }
}
