package com.payhub.sandbox.wechatpay;

import static com.payhub.sandbox.wechatpay.WechatPaySandboxAnswer.error;
import static com.payhub.sandbox.wechatpay.WechatPaySandboxAnswer.unsigned;
import static com.payhub.sandbox.wechatpay.WechatPaySandboxGateway.text;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.payhub.sandbox.SandboxBehaviour;
import com.payhub.sandbox.SandboxConfig;
import com.payhub.sandbox.SandboxProperties;
import com.payhub.sandbox.wechatpay.WechatPaySandboxAnswer.Signing;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * {@code POST /v3/refund/domestic/refunds} and {@code GET /v3/refund/domestic/refunds/{no}} in the
 * sandbox WeChat Pay. A refund is accepted as PROCESSING, and its REFUND.SUCCESS notification
 * follows (REFUND.ABNORMAL for PAY_FAILS); the refund amount's last two digits pick the behaviour
 * ({@link SandboxBehaviour}). A TIMEOUT refund is made, but answered after the hub's read timeout
 * and never notified: only a query tells.
 */
@Component
@ConditionalOnProperty(name = SandboxConfig.ENABLED, havingValue = "true", matchIfMissing = true)
public class WechatPaySandboxRefunds {

  private final Map<String, ObjectNode> refunds = new ConcurrentHashMap<>();
  private final WechatPaySandboxGateway trades;
  private final SandboxProperties properties;
  private final WechatPaySandboxNotifications notifications;

  public WechatPaySandboxRefunds(
      WechatPaySandboxGateway trades,
      SandboxProperties properties,
      WechatPaySandboxNotifications notifications) {
    this.trades = trades;
    this.properties = properties;
    this.notifications = notifications;
  }

  WechatPaySandboxAnswer refund(String signedMchId, JsonNode body) throws JsonProcessingException {
    String outTradeNo = text(body, "out_trade_no");
    String outRefundNo = text(body, "out_refund_no");
    String notifyUrl = text(body, "notify_url");
    JsonNode amount = body.path("amount");
    JsonNode refund = amount.path("refund");
    JsonNode total = amount.path("total");
    if (outTradeNo == null
        || outRefundNo == null
        || !refund.isIntegralNumber()
        || refund.longValue() <= 0
        || !total.isIntegralNumber()) {
      return error(
          400,
          "PARAM_ERROR",
          "缺少参数或参数格式错误 (out_trade_no, out_refund_no, amount.refund, amount.total)");
    }
    WechatPaySandboxTrade trade = trades.trade(outTradeNo, signedMchId, signedMchId);
    if (trade == null) {
      return error(404, "RESOURCE_NOT_EXISTS", "订单不存在");
    }
    ObjectNode existing = refunds.get(outRefundNo);
    if (existing != null) {
      return WechatPaySandboxAnswer.ok(copy(existing)); // the same refund asked again
    }
    if (!trade.paid()) {
      return error(400, "INVALID_REQUEST", "订单未支付，不能退款");
    }
    if (total.longValue() != trade.total) {
      return error(400, "PARAM_ERROR", "订单金额与原订单不一致");
    }
    SandboxBehaviour behaviour = SandboxBehaviour.of(refund.longValue());
    switch (behaviour) {
      case SERVER_ERROR -> {
        return unsigned(503, "SYSTEM_ERROR", "系统繁忙，请稍后重试");
      }
      case DECLINE -> {
        return error(403, "NOT_ENOUGH", "基本账户余额不足 (sandbox DECLINE)");
      }
      default -> {
        // the behaviours below accept the refund
      }
    }
    if (refund.longValue() > trade.refundable()) {
      return error(400, "INVALID_REQUEST", "申请退款金额超过订单可退金额");
    }
    ObjectNode accepted = record(trade, outRefundNo, refund.longValue());
    if (behaviour == SandboxBehaviour.BAD_SIGNATURE) {
      return WechatPaySandboxAnswer.ok(accepted).signedBy(Signing.STRANGER); // nothing refunded
    }
    refunds.put(outRefundNo, accepted);
    boolean fails = behaviour == SandboxBehaviour.PAY_FAILS;
    if (!fails) {
      trade.refunded(refund.longValue());
    }
    WechatPaySandboxAnswer answer = WechatPaySandboxAnswer.ok(copy(accepted));
    settle(accepted, fails ? "ABNORMAL" : "SUCCESS");
    if (behaviour == SandboxBehaviour.TIMEOUT) {
      // the money moved, but the answer comes after the hub's read timeout and no notification
      // follows: only the refund query finds out
      return answer.after(properties.timeoutDelay());
    }
    if (notifyUrl != null) {
      String status = fails ? "ABNORMAL" : "SUCCESS";
      notifications.send(
          notifyUrl,
          "REFUND." + status,
          fails ? "退款异常" : "退款成功",
          "refund",
          notice(trade, accepted, status),
          outTradeNo + ":" + outRefundNo + ":REFUND." + status,
          behaviour == SandboxBehaviour.DUPLICATE_NOTIFY ? 2 : 1);
    }
    return behaviour == SandboxBehaviour.SLOW ? answer.after(properties.slowDelay()) : answer;
  }

  /**
   * {@code GET /v3/refund/domestic/refunds/{out_refund_no}}: the refund as it stands now (its
   * {@code status} SUCCESS once the money moved, ABNORMAL for PAY_FAILS), or 404
   * RESOURCE_NOT_EXISTS for a refund this merchant never made here.
   */
  WechatPaySandboxAnswer query(String signedMchId, String outRefundNo) {
    ObjectNode refund = outRefundNo == null ? null : refunds.get(outRefundNo);
    if (refund == null
        || trades.trade(text(refund, "out_trade_no"), signedMchId, signedMchId) == null) {
      return error(404, "RESOURCE_NOT_EXISTS", "退款单不存在");
    }
    return WechatPaySandboxAnswer.ok(copy(refund));
  }

  /** The refund's final status, as queries see it from now on. */
  private static void settle(ObjectNode refund, String status) {
    synchronized (refund) {
      refund.put("status", status);
      if (status.equals("SUCCESS")) {
        refund.put("success_time", WechatPaySandboxTrade.now());
      }
    }
  }

  private static ObjectNode copy(ObjectNode refund) {
    synchronized (refund) {
      return refund.deepCopy();
    }
  }

  private static ObjectNode record(WechatPaySandboxTrade trade, String outRefundNo, long amount) {
    ObjectNode r = JsonNodeFactory.instance.objectNode();
    r.put("refund_id", WechatPaySandboxTrade.digits("50300", 29));
    r.put("out_refund_no", outRefundNo);
    r.put("transaction_id", trade.transactionId);
    r.put("out_trade_no", trade.outTradeNo);
    r.put("channel", "ORIGINAL");
    r.put("user_received_account", "支付用户零钱");
    r.put("create_time", WechatPaySandboxTrade.now());
    r.put("status", "PROCESSING");
    r.put("funds_account", "AVAILABLE");
    ObjectNode a = r.putObject("amount");
    a.put("total", trade.total);
    a.put("refund", amount);
    a.put("payer_total", trade.total);
    a.put("payer_refund", amount);
    a.put("settlement_refund", amount);
    a.put("settlement_total", trade.total);
    a.put("discount_refund", 0);
    a.put("currency", trade.currency);
    return r;
  }

  /** The resource of a REFUND.* notification. */
  private static ObjectNode notice(WechatPaySandboxTrade trade, ObjectNode refund, String status) {
    ObjectNode n = JsonNodeFactory.instance.objectNode();
    n.put("mchid", trade.mchId);
    n.put("out_trade_no", trade.outTradeNo);
    n.put("transaction_id", trade.transactionId);
    n.put("out_refund_no", refund.path("out_refund_no").asText());
    n.put("refund_id", refund.path("refund_id").asText());
    n.put("refund_status", status);
    if (status.equals("SUCCESS")) {
      n.put("success_time", WechatPaySandboxTrade.now());
    }
    n.put("user_received_account", "支付用户零钱");
    ObjectNode a = n.putObject("amount");
    a.put("total", trade.total);
    a.put("refund", refund.path("amount").path("refund").asLong());
    a.put("payer_total", trade.total);
    a.put("payer_refund", refund.path("amount").path("refund").asLong());
    return n;
  }
}
