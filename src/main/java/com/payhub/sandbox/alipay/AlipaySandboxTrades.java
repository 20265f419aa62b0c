package com.payhub.sandbox.alipay;

import static com.payhub.sandbox.alipay.AlipaySandboxNotifications.TIME;
import static com.payhub.sandbox.alipay.AlipaySandboxNotifications.yuan;

import com.fasterxml.jackson.databind.JsonNode;
import com.payhub.model.Money;
import com.payhub.sandbox.SandboxBehaviour;
import com.payhub.sandbox.SandboxConfig;
import com.payhub.sandbox.SandboxProperties;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The sandbox Alipay's trades, in memory, and what precreate, query and close do to them, steered
 * by the amount ({@link SandboxBehaviour}: the trade's {@code total_amount}); refunds are {@link
 * AlipaySandboxRefunds}. The buyer "pays" a precreated QR code on their own, {@code notify-delay}
 * later; a PENDING_THEN_SUCCEED buyer pays once {@code pending-queries} queries were told to wait
 * (or, if nobody asks, three {@code timeout-delay}s later).
 */
@Component
@ConditionalOnProperty(name = SandboxConfig.ENABLED, havingValue = "true", matchIfMissing = true)
public class AlipaySandboxTrades implements DisposableBean {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyyMMdd").withZone(AlipaySandboxNotifications.BEIJING);

  private final Map<String, AlipaySandboxTrade> trades = new ConcurrentHashMap<>();
  private final SandboxProperties properties;
  private final AlipaySandboxNotifications notifications;
  private final ScheduledExecutorService buyers =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "sandbox-alipay-buyer");
            t.setDaemon(true);
            return t;
          });

  public AlipaySandboxTrades(
      SandboxProperties properties, AlipaySandboxNotifications notifications) {
    this.properties = properties;
    this.notifications = notifications;
  }

  /** What a person or a test may see of a trade. */
  public record View(String tradeNo, String status, long totalMinor, long refundedMinor) {}

  /** The trade, if the sandbox has one for this app and order number. */
  public java.util.Optional<View> view(String appId, String outTradeNo) {
    AlipaySandboxTrade t = find(appId, outTradeNo);
    if (t == null) {
      return java.util.Optional.empty();
    }
    synchronized (t) {
      return java.util.Optional.of(new View(t.tradeNo, t.status, t.totalMinor, t.refundedMinor()));
    }
  }

  AlipaySandboxTrade find(String appId, String outTradeNo) {
    return trades.get(appId + "/" + outTradeNo);
  }

  AlipaySandboxAnswer precreate(Map<String, String> params, JsonNode biz) {
    String method = params.get("method");
    String outTradeNo = text(biz, "out_trade_no");
    Long total = minor(text(biz, "total_amount"));
    if (outTradeNo == null || total == null || text(biz, "subject") == null) {
      return AlipaySandboxAnswer.error(
          method,
          "40002",
          "Invalid Arguments",
          "ACQ.INVALID_PARAMETER",
          "参数无效: out_trade_no, total_amount and subject are required");
    }
    SandboxBehaviour behaviour = SandboxBehaviour.of(total);
    AlipaySandboxAnswer early = early(method, behaviour);
    if (early != null) {
      return early;
    }
    if (behaviour == SandboxBehaviour.DECLINE) {
      return AlipaySandboxAnswer.failed(method, "ACQ.TOTAL_FEE_EXCEED", "订单金额超过限额");
    }
    String appId = params.get("app_id");
    AlipaySandboxTrade existing = find(appId, outTradeNo);
    if (existing != null) {
      return again(method, existing, total);
    }
    AlipaySandboxTrade trade =
        new AlipaySandboxTrade(
            appId,
            outTradeNo,
            tradeNo(),
            total,
            text(biz, "subject"),
            params.get("notify_url"),
            params.getOrDefault("charset", "utf-8"),
            behaviour,
            notifications.now());
    if (behaviour == SandboxBehaviour.BAD_SIGNATURE) {
      // the answer will not be trusted, and nothing is charged
      return qr(method, trade).signedByRogue();
    }
    trades.put(appId + "/" + outTradeNo, trade);
    Duration answerIn = behaviour == SandboxBehaviour.SLOW ? properties.slowDelay() : Duration.ZERO;
    // the buyer can scan the QR code only once the merchant has it
    buyerActs(trade, answerIn);
    return qr(method, trade).after(answerIn);
  }

  AlipaySandboxAnswer query(Map<String, String> params, JsonNode biz) {
    String method = params.get("method");
    AlipaySandboxTrade trade = find(params.get("app_id"), text(biz, "out_trade_no"));
    if (trade == null) {
      return AlipaySandboxAnswer.failed(method, "ACQ.TRADE_NOT_EXIST", "交易不存在");
    }
    boolean paidNow = false;
    synchronized (trade) {
      trade.queries++;
      if (trade.behaviour == SandboxBehaviour.PENDING_THEN_SUCCEED
          && trade.queries > properties.pendingQueries()) {
        paidNow = trade.pay(notifications.now());
      }
    }
    if (paidNow) {
      notifications.trade(trade, 1);
    }
    Map<String, Object> f = new LinkedHashMap<>();
    synchronized (trade) {
      f.put("trade_no", trade.tradeNo);
      f.put("out_trade_no", trade.outTradeNo);
      f.put("trade_status", trade.status);
      f.put("total_amount", yuan(trade.totalMinor));
      if (trade.paidAt != null) {
        f.put("buyer_logon_id", "sandbox***@example.com");
        f.put("send_pay_date", TIME.format(trade.paidAt));
      }
    }
    return AlipaySandboxAnswer.ok(method, f);
  }

  AlipaySandboxAnswer close(Map<String, String> params, JsonNode biz) {
    String method = params.get("method");
    AlipaySandboxTrade trade = find(params.get("app_id"), text(biz, "out_trade_no"));
    if (trade == null) {
      return AlipaySandboxAnswer.failed(method, "ACQ.TRADE_NOT_EXIST", "交易不存在");
    }
    if (!trade.close(notifications.now())) {
      return AlipaySandboxAnswer.failed(method, "ACQ.TRADE_STATUS_ERROR", "交易状态不合法");
    }
    notifications.trade(trade, 1);
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("trade_no", trade.tradeNo);
    f.put("out_trade_no", trade.outTradeNo);
    return AlipaySandboxAnswer.ok(method, f);
  }

  /** The behaviours that answer before any business logic: nothing happens at "Alipay". */
  AlipaySandboxAnswer early(String method, SandboxBehaviour behaviour) {
    return switch (behaviour) {
      case SERVER_ERROR -> AlipaySandboxAnswer.serverError();
      case TIMEOUT ->
          // the hub has given up long before this arrives
          AlipaySandboxAnswer.error(
                  method, "20000", "Service Currently Unavailable", "isp.unknow-error", "系统繁忙")
              .after(properties.timeoutDelay());
      default -> null;
    };
  }

  /** The same out_trade_no again: the same QR code while unpaid and unchanged. */
  private AlipaySandboxAnswer again(String method, AlipaySandboxTrade trade, long total) {
    synchronized (trade) {
      if (trade.totalMinor != total) {
        return AlipaySandboxAnswer.failed(method, "ACQ.CONTEXT_INCONSISTENT", "交易信息被篡改");
      }
      if (trade.paidAt != null) {
        return AlipaySandboxAnswer.failed(method, "ACQ.TRADE_HAS_SUCCESS", "交易已被支付");
      }
      if (trade.status.equals("TRADE_CLOSED")) {
        return AlipaySandboxAnswer.failed(method, "ACQ.TRADE_HAS_CLOSE", "交易已经关闭");
      }
    }
    return qr(method, trade);
  }

  private void buyerActs(AlipaySandboxTrade trade, Duration answerIn) {
    long later = answerIn.plus(properties.notifyDelay()).toMillis();
    switch (trade.behaviour) {
      case PAY_FAILS -> schedule(later, () -> closed(trade));
      case PENDING_THEN_SUCCEED ->
          schedule(properties.timeoutDelay().multipliedBy(3).toMillis(), () -> paid(trade, 1));
      case DUPLICATE_NOTIFY -> schedule(later, () -> paid(trade, 2));
      default -> schedule(later, () -> paid(trade, 1));
    }
  }

  private void paid(AlipaySandboxTrade trade, int copies) {
    if (trade.pay(notifications.now())) {
      notifications.trade(trade, copies);
    }
  }

  private void closed(AlipaySandboxTrade trade) {
    if (trade.close(notifications.now())) {
      notifications.trade(trade, 1);
    }
  }

  void schedule(long millis, Runnable action) {
    buyers.schedule(action, millis, TimeUnit.MILLISECONDS);
  }

  private static AlipaySandboxAnswer qr(String method, AlipaySandboxTrade trade) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("out_trade_no", trade.outTradeNo);
    f.put("qr_code", "https://qr.alipay.com/sandbox" + trade.tradeNo);
    return AlipaySandboxAnswer.ok(method, f);
  }

  /** Like Alipay's: the day, then digits (28 in all). */
  private String tradeNo() {
    StringBuilder b = new StringBuilder(DAY.format(notifications.now())).append("2200");
    for (int i = 0; i < 16; i++) {
      b.append(RANDOM.nextInt(10));
    }
    return b.toString();
  }

  static Long minor(String yuan) {
    try {
      return yuan == null ? null : Money.parseMajor(yuan, "CNY").minor();
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  static String text(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText();
  }

  @Override
  public void destroy() {
    buyers.shutdownNow();
  }
}
