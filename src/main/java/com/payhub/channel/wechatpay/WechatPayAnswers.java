package com.payhub.channel.wechatpay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.payhub.channel.ChannelCallException;
import com.payhub.channel.ChannelOutcome;
import com.payhub.model.Money;
import com.payhub.model.PaymentStatus;
import java.io.IOException;

/**
 * A verified WeChat Pay v3 answer, mapped to a {@link ChannelOutcome} for the call it answers. The
 * caller has checked the signature over these bytes; an answer about another order, refund or
 * amount is refused ({@link ChannelCallException}) or sent to review, never taken as a success.
 */
public final class WechatPayAnswers {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A refund's documented {@code status} values. */
  private static final java.util.Set<String> REFUND_STATES =
      java.util.Set.of("SUCCESS", "CLOSED", "PROCESSING", "ABNORMAL");

  private WechatPayAnswers() {}

  /**
   * @param status the HTTP status (2xx, or a signed 4xx error)
   * @param body the raw body, possibly empty (204)
   */
  public static ChannelOutcome map(WechatPayCall call, int status, byte[] body) {
    JsonNode json = parse(body);
    if (status < 200 || status >= 300) {
      return error(call, json);
    }
    return switch (call.operation()) {
      case PAY -> pay(json);
      case QUERY -> call.refundNo() != null ? refundQuery(call, json) : query(call, json);
      case CLOSE -> ChannelOutcome.of(PaymentStatus.CLOSED, null, null, null);
      case REFUND -> refund(call, json);
    };
  }

  /** {@code {"code_url":...}}: the payer can scan now; the notification or a query decides. */
  private static ChannelOutcome pay(JsonNode json) {
    String codeUrl = text(json, "code_url");
    if (codeUrl == null) {
      // a 200 without the QR code is no order anyone can pay, but not a refusal either
      String code = text(json, "code");
      return ChannelOutcome.pending(
          code == null ? "NO_CODE_URL" : code,
          code == null ? "the answer carries no code_url" : text(json, "message"));
    }
    return ChannelOutcome.pending(null, null).withDetail("codeUrl", codeUrl);
  }

  private static ChannelOutcome query(WechatPayCall call, JsonNode json) {
    same("out_trade_no", call.outTradeNo(), text(json, "out_trade_no"));
    same("mchid", call.mchId(), text(json, "mchid"));
    String state = text(json, "trade_state");
    String description = text(json, "trade_state_desc");
    String transactionId = text(json, "transaction_id");
    PaymentStatus status = WechatPayStates.trade(state);
    if (status == PaymentStatus.SUCCEEDED && !amountMatches(call.expected(), json, "total")) {
      return ChannelOutcome.of(
          PaymentStatus.NEEDS_REVIEW,
          transactionId,
          "AMOUNT_MISMATCH",
          "WeChat Pay reports SUCCESS for amount.total "
              + json.path("amount").path("total").asText()
              + ", the order is "
              + call.expected().minor());
    }
    String code = state == null ? "NO_TRADE_STATE" : state;
    return ChannelOutcome.of(
        status, status == PaymentStatus.SUCCEEDED ? transactionId : null, code, description);
  }

  private static ChannelOutcome refund(WechatPayCall call, JsonNode json) {
    same("out_refund_no", call.refundNo(), text(json, "out_refund_no"));
    same("out_trade_no", call.outTradeNo(), text(json, "out_trade_no"));
    String state = text(json, "status");
    String refundId = text(json, "refund_id");
    PaymentStatus status = WechatPayStates.refund(state);
    if (status != PaymentStatus.FAILED && !amountMatches(call.expected(), json, "refund")) {
      return ChannelOutcome.of(
          PaymentStatus.NEEDS_REVIEW,
          refundId,
          "AMOUNT_MISMATCH",
          "WeChat Pay reports amount.refund "
              + json.path("amount").path("refund").asText()
              + ", the refund is "
              + call.expected().minor());
    }
    return ChannelOutcome.of(status, refundId, state == null ? "NO_REFUND_STATUS" : state, null);
  }

  /**
   * {@code GET /v3/refund/domestic/refunds/{out_refund_no}}: the refund as it stands, mapped like
   * the answer to the REFUND itself (SUCCESS, CLOSED / ABNORMAL, PROCESSING), with the same checks
   * of the refund number, order and amount; a status WeChat does not document changes nothing.
   */
  private static ChannelOutcome refundQuery(WechatPayCall call, JsonNode json) {
    String state = text(json, "status");
    if (state == null || !REFUND_STATES.contains(state)) {
      same("out_refund_no", call.refundNo(), text(json, "out_refund_no"));
      return ChannelOutcome.unchanged(state == null ? "NO_REFUND_STATUS" : state, null);
    }
    return refund(call, json);
  }

  /**
   * {@code {"code":...,"message":...}}: PAY and REFUND fail unless the code leaves it undecided;
   * QUERY and CLOSE change nothing (ORDER_NOT_EXIST, ORDERPAID, ORDER_CLOSED, ...).
   */
  private static ChannelOutcome error(WechatPayCall call, JsonNode json) {
    String code = text(json, "code");
    String message = text(json, "message");
    return switch (call.operation()) {
      case PAY, REFUND ->
          ChannelOutcome.of(
              WechatPayStates.rejected(code), null, code == null ? "NO_ERROR_CODE" : code, message);
      case QUERY, CLOSE -> ChannelOutcome.unchanged(code, message);
    };
  }

  private static boolean amountMatches(Money expected, JsonNode json, String member) {
    if (expected == null) {
      return true; // nothing to compare with; the notification path checks amounts itself
    }
    JsonNode amount = json.path("amount");
    JsonNode value = amount.path(member);
    String currency = text(amount, "currency");
    return value.isIntegralNumber()
        && value.longValue() == expected.minor()
        && (currency == null || currency.equals(expected.currency()));
  }

  private static void same(String member, String asked, String answered) {
    if (asked != null && answered != null && !asked.equals(answered)) {
      throw new ChannelCallException(
          "RESPONSE_MISMATCH",
          "the answer names " + member + " " + answered + ", the request " + asked);
    }
  }

  private static JsonNode parse(byte[] body) {
    if (body == null || body.length == 0) {
      return JSON.createObjectNode();
    }
    try {
      JsonNode node = JSON.readTree(body);
      if (node == null || !node.isObject()) {
        throw new WechatPayMalformedMessageException("the answer is not a JSON object");
      }
      return node;
    } catch (IOException e) {
      throw new WechatPayMalformedMessageException(
          "the answer is not JSON: " + e.getClass().getSimpleName(), e);
    }
  }

  static String text(JsonNode node, String member) {
    JsonNode v = node == null ? null : node.get(member);
    return v == null || v.isNull() || !v.isValueNode() || v.asText().isBlank() ? null : v.asText();
  }
}
