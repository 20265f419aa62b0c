package com.payhub.sandbox.alipay;

import com.payhub.channel.alipay.AlipaySignContent;
import com.payhub.channel.alipay.AlipaySignType;
import com.payhub.model.Money;
import com.payhub.sandbox.SandboxConfig;
import com.payhub.sandbox.SandboxNotifier;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.Charset;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Alipay's async notifications from the sandbox: a form POSTed to the trade's {@code notify_url} in
 * the trade's charset, signed over every field but {@code sign} and {@code sign_type} with
 * "Alipay's" key, resent (re-signed, with a fresh {@code notify_time}, the same {@code notify_id})
 * until the body answered is exactly {@code success}.
 */
@Component
@ConditionalOnProperty(name = SandboxConfig.ENABLED, havingValue = "true", matchIfMissing = true)
public class AlipaySandboxNotifications {

  static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
  static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(BEIJING);

  private final SandboxNotifier notifier;
  private final AlipaySandboxKeys keys;
  private final Clock clock;

  @Autowired
  public AlipaySandboxNotifications(
      SandboxNotifier sandboxNotifier, AlipaySandboxKeys keys, ObjectProvider<Clock> clock) {
    this(sandboxNotifier, keys, clock.getIfAvailable(Clock::systemUTC));
  }

  // the standalone sandbox process has no Clock bean; tests pass their own
  AlipaySandboxNotifications(SandboxNotifier sandboxNotifier, AlipaySandboxKeys keys, Clock clock) {
    this.notifier = sandboxNotifier;
    this.keys = keys;
    this.clock = clock;
  }

  /** The trade's status changed (paid or closed): tell the merchant, {@code copies} times. */
  void trade(AlipaySandboxTrade trade, int copies) {
    Map<String, String> fields;
    synchronized (trade) {
      fields = base(trade);
      if (trade.paidAt != null) {
        fields.put("gmt_payment", TIME.format(trade.paidAt));
      }
      if (trade.status.equals("TRADE_CLOSED") && trade.closedAt != null) {
        fields.put("gmt_close", TIME.format(trade.closedAt));
      }
    }
    send("alipay:" + trade.outTradeNo + ":" + fields.get("trade_status"), trade, fields, copies);
  }

  /** A refund's money moved: Alipay notifies the trade's notify_url with the refunded total. */
  void refund(AlipaySandboxTrade trade, AlipaySandboxTrade.Refund refund, int copies) {
    Map<String, String> fields;
    synchronized (trade) {
      fields = base(trade);
      fields.put("gmt_payment", TIME.format(trade.paidAt));
      fields.put("out_biz_no", refund.requestNo);
      fields.put("refund_fee", yuan(trade.refundedMinor()));
      fields.put("gmt_refund", TIME.format(clock.instant()));
      if (trade.status.equals("TRADE_CLOSED")) {
        fields.put("gmt_close", TIME.format(trade.closedAt));
      }
    }
    send("alipay:" + trade.outTradeNo + ":refund:" + refund.requestNo, trade, fields, copies);
  }

  private Map<String, String> base(AlipaySandboxTrade trade) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("notify_type", "trade_status_sync");
    f.put("notify_id", UUID.randomUUID().toString().replace("-", ""));
    f.put("app_id", trade.appId);
    f.put("charset", trade.charset);
    f.put("version", "1.0");
    f.put("sign_type", AlipaySignType.RSA2.wireName());
    f.put("trade_no", trade.tradeNo);
    f.put("out_trade_no", trade.outTradeNo);
    f.put("trade_status", trade.status);
    f.put("total_amount", yuan(trade.totalMinor));
    if (trade.status.equals("TRADE_SUCCESS") || trade.paidAt != null) {
      f.put("receipt_amount", yuan(trade.totalMinor));
      f.put("buyer_pay_amount", yuan(trade.totalMinor));
      f.put("buyer_logon_id", "sandbox***@example.com");
    }
    f.put("subject", trade.subject);
    f.put("gmt_create", TIME.format(trade.createdAt));
    return f;
  }

  private void send(String key, AlipaySandboxTrade trade, Map<String, String> fields, int copies) {
    Charset charset = Charset.forName(trade.charset);
    for (int i = 0; i < copies; i++) {
      notifier.send(
          key,
          "alipay",
          () -> request(trade.notifyUrl, signed(fields, charset), charset),
          response -> "success".equals(response.body()));
    }
  }

  /** Signed anew for every attempt, as Alipay does: a fresh notify_time, the same notify_id. */
  private Map<String, String> signed(Map<String, String> fields, Charset charset) {
    Map<String, String> f = new LinkedHashMap<>(fields);
    f.put("notify_time", TIME.format(clock.instant()));
    byte[] content = AlipaySignContent.forNotification(f).getBytes(charset);
    f.put(
        "sign",
        Base64.getEncoder()
            .encodeToString(AlipaySignType.RSA2.signer(keys.platformPrivateKey()).sign(content)));
    return f;
  }

  private static HttpRequest request(String url, Map<String, String> fields, Charset charset) {
    String form =
        fields.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), charset)
                        + "="
                        + URLEncoder.encode(e.getValue(), charset))
            .collect(Collectors.joining("&"));
    return HttpRequest.newBuilder(URI.create(url))
        .header("Content-Type", "application/x-www-form-urlencoded; charset=" + charset.name())
        .POST(HttpRequest.BodyPublishers.ofString(form, charset))
        .build();
  }

  static String yuan(long minor) {
    return Money.ofMinor(minor, "CNY").toMajorString();
  }

  Instant now() {
    return clock.instant();
  }
}
