package com.payhub.channel.alipay;

import com.fasterxml.jackson.databind.JsonNode;
import com.payhub.channel.ChannelOutcome;
import com.payhub.model.Operation;
import com.payhub.model.PaymentStatus;
import java.util.Set;

/**
 * What a verified gateway answer means for the payment, pessimistically. Only {@code code=10000} is
 * a success, and even then only what it states: a precreate made a QR code (PENDING until the buyer
 * pays), a refund moved money only with {@code fund_change=Y}. Errors keep Alipay's {@code
 * sub_code}/{@code sub_msg} verbatim (else {@code code}/{@code msg}).
 */
final class AlipayOutcomeMapping {

  static final String SUCCESS = "10000";
  static final String UNAVAILABLE = "20000";
  static final String BUSINESS_FAILED = "40004";
  static final String SYSTEM_ERROR = "ACQ.SYSTEM_ERROR";

  /** Gateway refusals: the request was not taken, nothing happened at Alipay. */
  private static final Set<String> REFUSED = Set.of("20001", "40001", "40002", "40003", "40006");

  private AlipayOutcomeMapping() {}

  static ChannelOutcome map(Operation operation, JsonNode member) {
    String code = text(member, "code");
    if (SUCCESS.equals(code)) {
      return success(operation, member);
    }
    String reason = text(member, "sub_code") != null ? text(member, "sub_code") : code;
    String message =
        text(member, "sub_code") != null ? text(member, "sub_msg") : text(member, "msg");
    if (reason == null) {
      reason = "NO_CODE";
    }
    boolean movesMoney = operation == Operation.PAY || operation == Operation.REFUND;
    if (!movesMoney) {
      // a query or close that failed tells nothing new about the payment
      return ChannelOutcome.unchanged(reason, message);
    }
    boolean retryable =
        UNAVAILABLE.equals(code) || BUSINESS_FAILED.equals(code) && SYSTEM_ERROR.equals(reason);
    boolean alreadyPaid = operation == Operation.PAY && "ACQ.TRADE_HAS_SUCCESS".equals(reason);
    if (BUSINESS_FAILED.equals(code) && !retryable && !alreadyPaid
        || code != null && REFUSED.contains(code)) {
      return ChannelOutcome.failed(reason, message);
    }
    // 20000, ACQ.SYSTEM_ERROR, an unknown code, or "already paid": a query or notification decides
    return ChannelOutcome.pending(reason, message);
  }

  private static ChannelOutcome success(Operation operation, JsonNode member) {
    String msg = text(member, "msg");
    String tradeNo = text(member, "trade_no");
    return switch (operation) {
      case PAY -> {
        String qr = text(member, "qr_code");
        yield qr == null
            ? ChannelOutcome.pending(SUCCESS, "the precreate answer has no qr_code")
            : ChannelOutcome.of(PaymentStatus.PENDING, tradeNo, SUCCESS, msg)
                .withDetail("qrCode", qr);
      }
      case QUERY -> query(member, tradeNo, msg);
      case REFUND ->
          "Y".equals(text(member, "fund_change"))
              ? ChannelOutcome.of(PaymentStatus.SUCCEEDED, tradeNo, SUCCESS, msg)
              : ChannelOutcome.of(
                  PaymentStatus.PENDING, tradeNo, SUCCESS, "fund_change is not Y: " + msg);
      case CLOSE -> ChannelOutcome.of(PaymentStatus.CLOSED, tradeNo, SUCCESS, msg);
    };
  }

  private static ChannelOutcome query(JsonNode member, String tradeNo, String msg) {
    String status = text(member, "trade_status");
    PaymentStatus mapped = tradeStatus(status);
    if (mapped == null) {
      return ChannelOutcome.unchanged(status == null ? "NO_TRADE_STATUS" : status, msg);
    }
    return ChannelOutcome.of(mapped, tradeNo, status, msg);
  }

  /** Alipay's trade_status; null for a value it does not document. */
  static PaymentStatus tradeStatus(String status) {
    if (status == null) {
      return null;
    }
    return switch (status) {
      case "WAIT_BUYER_PAY" -> PaymentStatus.PENDING;
      case "TRADE_SUCCESS", "TRADE_FINISHED" -> PaymentStatus.SUCCEEDED;
      case "TRADE_CLOSED" -> PaymentStatus.CLOSED;
      default -> null;
    };
  }

  static String text(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }
}
