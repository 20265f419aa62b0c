package com.payhub.sandbox.wechatpay;

import static com.payhub.sandbox.wechatpay.WechatPaySandboxAnswer.error;
import static com.payhub.sandbox.wechatpay.WechatPaySandboxAnswer.unsigned;

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
 * The sandbox WeChat Pay's trades, in memory, and how it answers native orders, queries and closes
 * (refunds: {@link WechatPaySandboxRefunds}). The amount's last two digits pick the behaviour
 * ({@link SandboxBehaviour}); the request's signature has been checked before.
 */
@Component
@ConditionalOnProperty(name = SandboxConfig.ENABLED, havingValue = "true", matchIfMissing = true)
public class WechatPaySandboxGateway {

  private final Map<String, WechatPaySandboxTrade> trades = new ConcurrentHashMap<>();
  private final SandboxProperties properties;
  private final WechatPaySandboxNotifications notifications;

  public WechatPaySandboxGateway(
      SandboxProperties properties, WechatPaySandboxNotifications notifications) {
    this.properties = properties;
    this.notifications = notifications;
  }

  /** {@code POST /v3/pay/transactions/native}. */
  WechatPaySandboxAnswer pay(String signedMchId, JsonNode body) throws JsonProcessingException {
    String appId = text(body, "appid");
    String mchId = text(body, "mchid");
    String outTradeNo = text(body, "out_trade_no");
    String description = text(body, "description");
    String notifyUrl = text(body, "notify_url");
    JsonNode total = body.path("amount").path("total");
    String currency = body.path("amount").path("currency").asText("CNY");
    if (appId == null
        || mchId == null
        || outTradeNo == null
        || description == null
        || notifyUrl == null
        || !total.isIntegralNumber()
        || total.longValue() <= 0) {
      return error(
          400,
          "PARAM_ERROR",
          "缺少参数或参数格式错误 (appid, mchid, description, out_trade_no, notify_url, amount.total)");
    }
    if (!mchId.equals(signedMchId)) {
      return error(400, "PARAM_ERROR", "请求头中的商户号与请求体中的mchid不一致");
    }
    SandboxBehaviour behaviour = SandboxBehaviour.of(total.longValue());
    switch (behaviour) {
      case SERVER_ERROR -> {
        return unsigned(503, "SYSTEM_ERROR", "系统繁忙，请稍后重试");
      }
      case TIMEOUT -> {
        return unsigned(500, "SYSTEM_ERROR", "系统超时").after(properties.timeoutDelay());
      }
      case DECLINE -> {
        return error(403, "NO_AUTH", "商户无权限 (sandbox DECLINE)");
      }
      default -> {
        // the behaviours below accept the order
      }
    }
    WechatPaySandboxTrade fresh =
        new WechatPaySandboxTrade(
            appId,
            mchId,
            outTradeNo,
            description,
            total.longValue(),
            currency,
            notifyUrl,
            behaviour);
    if (behaviour == SandboxBehaviour.BAD_SIGNATURE) {
      // answered with a key the hub does not trust, and nothing kept: nobody can pay it
      return WechatPaySandboxAnswer.ok(codeUrl(fresh)).signedBy(Signing.STRANGER);
    }
    WechatPaySandboxTrade trade = trades.putIfAbsent(outTradeNo, fresh);
    if (trade != null) {
      // the same order again: its own code_url, unless it is another order under the same number
      return trade.total == fresh.total && trade.mchId.equals(mchId)
          ? WechatPaySandboxAnswer.ok(codeUrl(trade))
          : error(400, "OUT_TRADE_NO_USED", "商户订单号重复");
    }
    switch (behaviour) {
      case PAY_FAILS -> trade = failed(fresh);
      case PENDING_THEN_SUCCEED -> trade = fresh; // paid after pending-queries queries
      default -> trade = paid(fresh);
    }
    WechatPaySandboxAnswer answer = WechatPaySandboxAnswer.ok(codeUrl(trade));
    return behaviour == SandboxBehaviour.SLOW ? answer.after(properties.slowDelay()) : answer;
  }

  /** {@code GET /v3/pay/transactions/out-trade-no/{no}?mchid=}. */
  WechatPaySandboxAnswer query(String signedMchId, String outTradeNo, String mchId)
      throws JsonProcessingException {
    WechatPaySandboxTrade trade = trade(outTradeNo, signedMchId, mchId);
    if (trade == null) {
      return error(404, "ORDER_NOT_EXIST", "订单不存在");
    }
    WechatPaySandboxAnswer answer = WechatPaySandboxAnswer.ok(trade.transaction());
    if (trade.waitedOnce(properties.pendingQueries())) {
      // the last "still paying" answer: the payer finishes now, the notification follows
      pay(trade);
    }
    return answer;
  }

  /** {@code POST /v3/pay/transactions/out-trade-no/{no}/close}. */
  WechatPaySandboxAnswer close(String signedMchId, String outTradeNo, JsonNode body) {
    WechatPaySandboxTrade trade = trade(outTradeNo, signedMchId, text(body, "mchid"));
    if (trade == null) {
      return error(404, "ORDER_NOT_EXIST", "订单不存在");
    }
    return trade.close()
        ? WechatPaySandboxAnswer.noContent()
        : error(400, "ORDERPAID", "订单已支付，不能关闭");
  }

  /** The trade, when it exists and belongs to the merchant that signed and names it. */
  WechatPaySandboxTrade trade(String outTradeNo, String signedMchId, String mchId) {
    WechatPaySandboxTrade trade = outTradeNo == null ? null : trades.get(outTradeNo);
    return trade != null && trade.mchId.equals(signedMchId) && trade.mchId.equals(mchId)
        ? trade
        : null;
  }

  private WechatPaySandboxTrade paid(WechatPaySandboxTrade trade) throws JsonProcessingException {
    pay(trade);
    return trade;
  }

  private WechatPaySandboxTrade failed(WechatPaySandboxTrade trade) {
    // WeChat Pay v3 notifies successes only: the hub learns of the failure by a query
    trade.fail();
    return trade;
  }

  private void pay(WechatPaySandboxTrade trade) throws JsonProcessingException {
    if (trade.pay()) {
      int copies = trade.behaviour == SandboxBehaviour.DUPLICATE_NOTIFY ? 2 : 1;
      notifications.send(
          trade.notifyUrl,
          "TRANSACTION.SUCCESS",
          "支付成功",
          "transaction",
          trade.transaction(),
          trade.outTradeNo + ":TRANSACTION.SUCCESS",
          copies);
    }
  }

  private static ObjectNode codeUrl(WechatPaySandboxTrade trade) {
    return JsonNodeFactory.instance.objectNode().put("code_url", trade.codeUrl);
  }

  static String text(JsonNode node, String member) {
    JsonNode v = node == null ? null : node.get(member);
    return v == null || !v.isTextual() || v.asText().isBlank() ? null : v.asText();
  }
}
