package com.payhub.sandbox.wechatpay;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.payhub.sandbox.SandboxBehaviour;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** One native order in the sandbox WeChat Pay, as its transaction query shows it. */
final class WechatPaySandboxTrade {

  private static final SecureRandom RANDOM = new SecureRandom();

  final String appId;
  final String mchId;
  final String outTradeNo;
  final String description;
  final long total;
  final String currency;
  final String notifyUrl;
  final String codeUrl;
  final String transactionId = digits("42000", 28);
  final SandboxBehaviour behaviour;
  private String state;
  private String successTime;
  private long refunded;
  private int waitingQueries;

  WechatPaySandboxTrade(
      String appId,
      String mchId,
      String outTradeNo,
      String description,
      long total,
      String currency,
      String notifyUrl,
      SandboxBehaviour behaviour) {
    this.appId = appId;
    this.mchId = mchId;
    this.outTradeNo = outTradeNo;
    this.description = description;
    this.total = total;
    this.currency = currency;
    this.notifyUrl = notifyUrl;
    this.behaviour = behaviour;
    this.codeUrl = "weixin://wxpay/bizpayurl?pr=" + digits("", 9);
    this.state = behaviour == SandboxBehaviour.PENDING_THEN_SUCCEED ? "USERPAYING" : "NOTPAY";
  }

  synchronized String state() {
    return state;
  }

  /** The payer paid: true the first time. */
  synchronized boolean pay() {
    if (!state.equals("NOTPAY") && !state.equals("USERPAYING")) {
      return false;
    }
    state = "SUCCESS";
    successTime = now();
    return true;
  }

  synchronized void fail() {
    if (state.equals("NOTPAY") || state.equals("USERPAYING")) {
      state = "PAYERROR";
    }
  }

  /** CLOSE: false when it was paid (and so cannot be closed). */
  synchronized boolean close() {
    if (state.equals("SUCCESS") || state.equals("REFUND")) {
      return false;
    }
    state = "CLOSED";
    return true;
  }

  /** A query while the payer is still busy; true when this was the last "waiting" answer. */
  synchronized boolean waitedOnce(int pendingQueries) {
    return state.equals("USERPAYING") && ++waitingQueries >= pendingQueries;
  }

  synchronized long refundable() {
    return total - refunded;
  }

  synchronized void refunded(long amount) {
    refunded += amount;
    state = "REFUND";
  }

  boolean paid() {
    String s = state();
    return s.equals("SUCCESS") || s.equals("REFUND");
  }

  /** The transaction as {@code GET …/out-trade-no/{no}} and the notification show it. */
  synchronized ObjectNode transaction() {
    ObjectNode t = JsonNodeFactory.instance.objectNode();
    t.put("appid", appId);
    t.put("mchid", mchId);
    t.put("out_trade_no", outTradeNo);
    boolean paid = state.equals("SUCCESS") || state.equals("REFUND");
    if (paid) {
      t.put("transaction_id", transactionId);
    }
    t.put("trade_type", "NATIVE");
    t.put("trade_state", state);
    t.put("trade_state_desc", describe(state));
    t.put("attach", "");
    if (paid) {
      t.put("bank_type", "OTHERS");
      t.put("success_time", successTime);
      t.putObject("payer").put("openid", "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o");
    }
    ObjectNode amount = t.putObject("amount");
    amount.put("total", total);
    if (paid) {
      amount.put("payer_total", total);
    }
    amount.put("currency", currency);
    amount.put("payer_currency", currency);
    return t;
  }

  private static String describe(String state) {
    return switch (state) {
      case "SUCCESS" -> "支付成功";
      case "REFUND" -> "转入退款";
      case "NOTPAY" -> "未支付";
      case "USERPAYING" -> "用户支付中";
      case "CLOSED" -> "已关闭";
      case "PAYERROR" -> "支付失败";
      default -> state;
    };
  }

  /** RFC 3339 in Beijing time, as WeChat Pay writes times. */
  static String now() {
    return OffsetDateTime.now(ZoneOffset.ofHours(8))
        .truncatedTo(ChronoUnit.SECONDS)
        .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }

  static String digits(String prefix, int length) {
    StringBuilder b = new StringBuilder(prefix);
    while (b.length() < length) {
      b.append(RANDOM.nextInt(10));
    }
    return b.toString();
  }
}
