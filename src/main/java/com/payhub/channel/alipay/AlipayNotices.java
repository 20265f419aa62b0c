package com.payhub.channel.alipay;

import com.payhub.api.RawFormBodyFilter;
import com.payhub.channel.ChannelNotice;
import com.payhub.channel.ChannelNotices;
import com.payhub.channel.ChannelOutcome;
import com.payhub.channel.NotificationRefusedException;
import com.payhub.channel.NotificationRefusedException.Reason;
import com.payhub.model.Channel;
import com.payhub.model.Money;
import com.payhub.model.PaymentStatus;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * The Alipay half of {@code POST /notify/alipay} ({@code bean: alipayNotices}): the raw form for
 * {@link AlipayNotifyVerifyProcessor}, then the verified fields as a {@link ChannelNotice} for
 * {@code direct:channel-notice}.
 *
 * <p>A notification with {@code out_biz_no} and {@code refund_fee} is about a refund (Alipay sends
 * refund results to the trade's notify_url: {@code TRADE_SUCCESS} after a partial refund, {@code
 * TRADE_CLOSED} after a full one); {@code out_biz_no} is the refund's {@code out_request_no}. Every
 * other one is about the payment, by {@code trade_status}.
 */
@Component("alipayNotices")
public class AlipayNotices {

  private static final DateTimeFormatter NOTIFY_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  private static final Duration FUTURE_SKEW = Duration.ofMinutes(5);

  private final AlipayGatewayProperties gateway;
  private final AlipayRefundAmounts refundAmounts;
  private final Clock clock;

  public AlipayNotices(
      AlipayGatewayProperties gateway, AlipayRefundAmounts refundAmounts, Clock clock) {
    this.gateway = gateway;
    this.refundAmounts = refundAmounts;
    this.clock = clock;
  }

  /**
   * Body = the form exactly as it arrived ({@link RawFormBodyFilter} kept the bytes), as text in
   * which each byte is one char: the %-escapes are decoded later, once, in the form's own charset.
   */
  public void rawForm(Exchange exchange) {
    Object request = exchange.getMessage().getHeader("CamelHttpServletRequest");
    if (request instanceof HttpServletRequest r
        && r.getAttribute(RawFormBodyFilter.RAW_BODY) instanceof byte[] raw) {
      exchange.getMessage().setBody(new String(raw, StandardCharsets.ISO_8859_1));
    } else {
      byte[] body = exchange.getMessage().getBody(byte[].class);
      exchange
          .getMessage()
          .setBody(body == null ? "" : new String(body, StandardCharsets.ISO_8859_1));
    }
  }

  /** Body in: the verified fields; property {@value ChannelNotices#NOTICE} out. */
  @SuppressWarnings("unchecked")
  public void notice(Exchange exchange) {
    Map<String, String> fields = exchange.getMessage().getBody(Map.class);
    exchange.setProperty(ChannelNotices.NOTICE, notice(fields));
  }

  ChannelNotice notice(Map<String, String> fields) {
    String notifyId = require(fields, "notify_id");
    checkFresh(require(fields, "notify_time"));
    String appId = require(fields, "app_id");
    String outTradeNo = require(fields, "out_trade_no");
    String tradeNo = fields.get("trade_no");
    String status = require(fields, "trade_status");
    String currency = blank(fields.get("trans_currency")) ? "CNY" : fields.get("trans_currency");
    String refundNo = fields.get("out_biz_no");
    String refundFee = fields.get("refund_fee");
    if (!blank(refundNo) && !blank(refundFee)) {
      // refund_fee is the trade's refunded total, not this refund's amount
      Money total = amount("refund_fee", refundFee, currency);
      Money own = refundAmounts.ofRefund(appId, outTradeNo, refundNo, total);
      ChannelOutcome outcome = ChannelOutcome.of(PaymentStatus.SUCCEEDED, tradeNo, status, null);
      return new ChannelNotice(
          Channel.ALIPAY, notifyId, appId, outTradeNo, refundNo, own, outcome, null);
    }
    Money amount = amount("total_amount", require(fields, "total_amount"), currency);
    PaymentStatus mapped = AlipayOutcomeMapping.tradeStatus(status);
    ChannelOutcome outcome =
        mapped == null
            ? ChannelOutcome.pending(status, "trade_status not documented by Alipay")
            : ChannelOutcome.of(mapped, tradeNo, status, null);
    // sentAt null: the window is Alipay's own (notifyMaxAge), checked above
    return new ChannelNotice(
        Channel.ALIPAY, notifyId, appId, outTradeNo, null, amount, outcome, null);
  }

  /**
   * Alipay resends a notification for about 25 hours: a genuine old one (signature checked first)
   * is harmless, because the ledger applies each change once. So the window is {@code
   * notify-max-age} (26 h), not the hub's 5 minutes; only older or future-dated ones are refused.
   */
  private void checkFresh(String notifyTime) {
    Instant sent;
    try {
      sent =
          LocalDateTime.parse(notifyTime, NOTIFY_TIME).atZone(AlipayRequests.BEIJING).toInstant();
    } catch (DateTimeParseException e) {
      throw new NotificationRefusedException(Reason.MALFORMED, "notify_time is not a time");
    }
    Instant now = clock.instant();
    if (sent.isBefore(now.minus(gateway.notifyMaxAge())) || sent.isAfter(now.plus(FUTURE_SKEW))) {
      throw new NotificationRefusedException(
          Reason.STALE,
          "notify_time " + notifyTime + " is outside " + gateway.notifyMaxAge() + " of now");
    }
  }

  private static Money amount(String field, String text, String currency) {
    try {
      return Money.parseMajor(text, currency);
    } catch (IllegalArgumentException e) {
      throw new NotificationRefusedException(Reason.MALFORMED, field + " is not an amount");
    }
  }

  private static String require(Map<String, String> fields, String name) {
    String v = fields.get(name);
    if (blank(v)) {
      throw new NotificationRefusedException(Reason.MALFORMED, "the notification has no " + name);
    }
    return v;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
