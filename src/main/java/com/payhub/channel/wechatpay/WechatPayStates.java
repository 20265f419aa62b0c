package com.payhub.channel.wechatpay;

import com.payhub.model.PaymentStatus;
import java.util.Set;

/**
 * WeChat Pay's states and error codes in PayHub's terms, pessimistically: only an explicit success
 * is SUCCEEDED, and a state PayHub does not know is still open (PENDING).
 */
public final class WechatPayStates {

  /**
   * Error codes after which the request may have taken effect, or will on a retry: the payment (or
   * refund) stays open rather than FAILED. {@code ORDERPAID} and {@code OUT_TRADE_NO_USED} mean an
   * order with this number already exists at WeChat, so a query decides.
   */
  static final Set<String> UNDECIDED_ERRORS =
      Set.of(
          "SYSTEM_ERROR",
          "SYSTEMERROR",
          "BANK_ERROR",
          "BANKERROR",
          "ORDERPAID",
          "OUT_TRADE_NO_USED");

  private WechatPayStates() {}

  /**
   * A transaction's {@code trade_state}: SUCCESS paid; NOTPAY, USERPAYING, ACCEPT still open;
   * CLOSED and REVOKED closed; PAYERROR failed; REFUND null (it was paid: nothing to change); any
   * other PENDING.
   */
  public static PaymentStatus trade(String tradeState) {
    if (tradeState == null) {
      return PaymentStatus.PENDING;
    }
    return switch (tradeState) {
      case "SUCCESS" -> PaymentStatus.SUCCEEDED;
      case "CLOSED", "REVOKED" -> PaymentStatus.CLOSED;
      case "PAYERROR" -> PaymentStatus.FAILED;
      case "REFUND" -> null;
      default -> PaymentStatus.PENDING;
    };
  }

  /**
   * A refund's {@code status} (or a notification's {@code refund_status}): SUCCESS refunded;
   * ABNORMAL and CLOSED failed; PROCESSING and anything else PENDING.
   */
  public static PaymentStatus refund(String status) {
    if (status == null) {
      return PaymentStatus.PENDING;
    }
    return switch (status) {
      case "SUCCESS" -> PaymentStatus.SUCCEEDED;
      case "ABNORMAL", "CLOSED" -> PaymentStatus.FAILED;
      default -> PaymentStatus.PENDING;
    };
  }

  /** An error answer to PAY or REFUND: open when undecided, else FAILED. */
  public static PaymentStatus rejected(String code) {
    return code == null || UNDECIDED_ERRORS.contains(code)
        ? PaymentStatus.PENDING
        : PaymentStatus.FAILED;
  }
}
