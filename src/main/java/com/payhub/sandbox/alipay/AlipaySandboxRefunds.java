package com.payhub.sandbox.alipay;

import static com.payhub.sandbox.alipay.AlipaySandboxNotifications.yuan;
import static com.payhub.sandbox.alipay.AlipaySandboxTrades.minor;
import static com.payhub.sandbox.alipay.AlipaySandboxTrades.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.payhub.sandbox.SandboxBehaviour;
import com.payhub.sandbox.SandboxConfig;
import com.payhub.sandbox.SandboxProperties;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * {@code alipay.trade.refund} at the sandbox Alipay, steered by the refund's own amount ({@link
 * SandboxBehaviour} of {@code refund_amount}). Money moves at once ({@code fund_change=Y}), later
 * (PENDING_THEN_SUCCEED: {@code fund_change=N}, then the notification) or never (PAY_FAILS); each
 * move notifies the trade's notify_url with {@code out_biz_no} and the refunded total. A TIMEOUT
 * refund moves the money at once, but its answer comes after the hub's read timeout and no
 * notification follows: the lost answer that only {@link #query} (the refund query) settles.
 */
@Component
@ConditionalOnProperty(name = SandboxConfig.ENABLED, havingValue = "true", matchIfMissing = true)
public class AlipaySandboxRefunds {

  private final AlipaySandboxTrades trades;
  private final SandboxProperties properties;
  private final AlipaySandboxNotifications notifications;

  public AlipaySandboxRefunds(
      AlipaySandboxTrades trades,
      SandboxProperties properties,
      AlipaySandboxNotifications notifications) {
    this.trades = trades;
    this.properties = properties;
    this.notifications = notifications;
  }

  AlipaySandboxAnswer refund(Map<String, String> params, JsonNode biz) {
    String method = params.get("method");
    Long amount = minor(text(biz, "refund_amount"));
    String requestNo = text(biz, "out_request_no");
    if (amount == null) {
      return AlipaySandboxAnswer.error(
          method, "40002", "Invalid Arguments", "ACQ.INVALID_PARAMETER", "参数无效: refund_amount");
    }
    SandboxBehaviour behaviour = SandboxBehaviour.of(amount);
    // TIMEOUT refunds: the money moves, only the answer is lost (below)
    boolean lostAnswer = behaviour == SandboxBehaviour.TIMEOUT;
    AlipaySandboxAnswer early = lostAnswer ? null : trades.early(method, behaviour);
    if (early != null) {
      return early;
    }
    if (behaviour == SandboxBehaviour.DECLINE) {
      return AlipaySandboxAnswer.failed(method, "ACQ.SELLER_BALANCE_NOT_ENOUGH", "卖家余额不足");
    }
    AlipaySandboxTrade trade = trades.find(params.get("app_id"), text(biz, "out_trade_no"));
    if (trade == null) {
      return AlipaySandboxAnswer.failed(method, "ACQ.TRADE_NOT_EXIST", "交易不存在");
    }
    String no = requestNo == null ? trade.outTradeNo : requestNo;
    AlipaySandboxTrade.Refund refund;
    boolean moved = false;
    synchronized (trade) {
      refund = trade.refunds.get(no);
      if (refund == null) {
        if (trade.paidAt == null || trade.status.equals("TRADE_FINISHED")) {
          return AlipaySandboxAnswer.failed(method, "ACQ.TRADE_STATUS_ERROR", "交易状态不合法");
        }
        if (trade.refundedMinor() + amount > trade.totalMinor) {
          return AlipaySandboxAnswer.failed(method, "ACQ.REFUND_AMT_NOT_EQUAL_TOTAL", "退款金额超限");
        }
        refund = new AlipaySandboxTrade.Refund(no, amount, behaviour);
        trade.refunds.put(no, refund);
        // PENDING_THEN_SUCCEED moves the money later; PAY_FAILS never does
        if (behaviour != SandboxBehaviour.PENDING_THEN_SUCCEED
            && behaviour != SandboxBehaviour.PAY_FAILS) {
          moved = trade.completeRefund(refund, notifications.now());
        }
      }
    }
    if (behaviour == SandboxBehaviour.PENDING_THEN_SUCCEED && !refund.done) {
      AlipaySandboxTrade.Refund later = refund;
      trades.schedule(
          properties.notifyDelay().toMillis(),
          () -> {
            if (trade.completeRefund(later, notifications.now())) {
              notifications.refund(trade, later, 1);
            }
          });
    }
    if (moved && !lostAnswer) {
      AlipaySandboxTrade.Refund done = refund;
      int copies = behaviour == SandboxBehaviour.DUPLICATE_NOTIFY ? 2 : 1;
      notifications.refund(trade, done, copies);
    }
    Map<String, Object> f = new LinkedHashMap<>();
    synchronized (trade) {
      f.put("trade_no", trade.tradeNo);
      f.put("out_trade_no", trade.outTradeNo);
      f.put("buyer_logon_id", "sandbox***@example.com");
      // Y only for the call that moved the money: a repeated out_request_no answers N, as Alipay
      f.put("fund_change", moved ? "Y" : "N");
      f.put("refund_fee", yuan(trade.refundedMinor()));
    }
    AlipaySandboxAnswer answer = AlipaySandboxAnswer.ok(method, f);
    if (lostAnswer) {
      // the hub has given up long before this arrives, and no notification follows: only a query
      // (alipay.trade.fastpay.refund.query) finds out that the money moved
      return answer.after(properties.timeoutDelay());
    }
    return behaviour == SandboxBehaviour.SLOW ? answer.after(properties.slowDelay()) : answer;
  }

  /**
   * {@code alipay.trade.fastpay.refund.query}: the refund as it stands. As at Alipay, {@code 10000}
   * only says the query worked: the answer names the refund ({@code out_request_no}, {@code
   * refund_amount}) once the sandbox has it, and says {@code refund_status=REFUND_SUCCESS} once its
   * money moved; an unknown refund gets neither.
   */
  AlipaySandboxAnswer query(Map<String, String> params, JsonNode biz) {
    String method = params.get("method");
    String requestNo = text(biz, "out_request_no");
    if (requestNo == null) {
      return AlipaySandboxAnswer.error(
          method, "40002", "Invalid Arguments", "ACQ.INVALID_PARAMETER", "参数无效: out_request_no");
    }
    AlipaySandboxTrade trade = trades.find(params.get("app_id"), text(biz, "out_trade_no"));
    if (trade == null) {
      return AlipaySandboxAnswer.failed(method, "ACQ.TRADE_NOT_EXIST", "交易不存在");
    }
    Map<String, Object> f = new LinkedHashMap<>();
    synchronized (trade) {
      f.put("trade_no", trade.tradeNo);
      f.put("out_trade_no", trade.outTradeNo);
      AlipaySandboxTrade.Refund refund = trade.refunds.get(requestNo);
      if (refund != null) {
        f.put("out_request_no", refund.requestNo);
        f.put("total_amount", yuan(trade.totalMinor));
        f.put("refund_amount", yuan(refund.amountMinor));
        if (refund.done) {
          f.put("refund_status", "REFUND_SUCCESS");
        }
      }
    }
    return AlipaySandboxAnswer.ok(method, f);
  }
}
