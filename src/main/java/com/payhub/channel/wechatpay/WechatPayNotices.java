package com.payhub.channel.wechatpay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.payhub.channel.ChannelNotice;
import com.payhub.channel.ChannelNotices;
import com.payhub.channel.ChannelOutcome;
import com.payhub.channel.NotificationRefusedException;
import com.payhub.channel.NotificationRefusedException.Reason;
import com.payhub.model.Channel;
import com.payhub.model.Money;
import com.payhub.model.PaymentStatus;
import java.io.IOException;
import java.time.Instant;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.stereotype.Component;

/**
 * {@code POST /notify/wechatpay} after {@code wechatpayDecrypt} verified the signature and
 * decrypted the resource ({@code bean: wechatpayNotices}): {@link #notice} reads it into a {@link
 * ChannelNotice} for {@code direct:channel-notice}. TRANSACTION.* events carry a transaction,
 * REFUND.* events a refund; {@code sentAt} is {@code Wechatpay-Timestamp}, the time WeChat signed.
 */
@Component("wechatpayNotices")
public class WechatPayNotices {

  private static final ObjectMapper JSON = new ObjectMapper();

  public void notice(Exchange exchange) throws Exception {
    Message m = exchange.getMessage();
    if (!Boolean.TRUE.equals(m.getHeader(WechatPayVerifyProcessor.VERIFIED_HEADER))) {
      throw new IllegalStateException("wechatpayNotices.notice runs after wechatpayDecrypt");
    }
    String id = m.getHeader(WechatPayDecryptProcessor.NOTIFICATION_ID_HEADER, String.class);
    String eventType = m.getHeader(WechatPayDecryptProcessor.EVENT_TYPE_HEADER, String.class);
    Instant sentAt =
        Instant.ofEpochSecond(
            Long.parseLong(WechatPayHeaders.get(m.getHeaders(), WechatPayHeaders.TIMESTAMP)));
    exchange.setProperty(
        ChannelNotices.NOTICE, read(id, eventType, sentAt, m.getMandatoryBody(String.class)));
  }

  /** The decrypted resource of one notification as a notice; refuses what it cannot read. */
  static ChannelNotice read(String id, String eventType, Instant sentAt, String resource) {
    JsonNode r = parse(resource);
    JsonNode amount = r.path("amount");
    String mchId = WechatPayAnswers.text(r, "mchid");
    String outTradeNo = WechatPayAnswers.text(r, "out_trade_no");
    if (eventType != null && eventType.startsWith("TRANSACTION.")) {
      String state = WechatPayAnswers.text(r, "trade_state");
      PaymentStatus status = WechatPayStates.trade(state);
      String transactionId = WechatPayAnswers.text(r, "transaction_id");
      ChannelOutcome outcome =
          ChannelOutcome.of(
              status,
              status == PaymentStatus.SUCCEEDED ? transactionId : null,
              state,
              WechatPayAnswers.text(r, "trade_state_desc"));
      return new ChannelNotice(
          Channel.WECHATPAY, id, mchId, outTradeNo, null, money(amount, "total"), outcome, sentAt);
    }
    if (eventType != null && eventType.startsWith("REFUND.")) {
      String refundNo = WechatPayAnswers.text(r, "out_refund_no");
      if (refundNo == null) {
        throw new NotificationRefusedException(
            Reason.MALFORMED, "a refund notification without out_refund_no");
      }
      String state = WechatPayAnswers.text(r, "refund_status");
      ChannelOutcome outcome =
          ChannelOutcome.of(
              WechatPayStates.refund(state), WechatPayAnswers.text(r, "refund_id"), state, null);
      return new ChannelNotice(
          Channel.WECHATPAY,
          id,
          mchId,
          outTradeNo,
          refundNo,
          money(amount, "refund"),
          outcome,
          sentAt);
    }
    throw new NotificationRefusedException(
        Reason.MALFORMED, "event_type " + eventType + " is not a transaction or refund event");
  }

  /** Integer fen; a refund notification states no currency (it is the payment's: CNY). */
  private static Money money(JsonNode amount, String member) {
    JsonNode value = amount.path(member);
    if (!value.isIntegralNumber()) {
      return null;
    }
    String currency = WechatPayAnswers.text(amount, "currency");
    return Money.ofMinor(value.longValue(), currency == null ? "CNY" : currency);
  }

  private static JsonNode parse(String resource) {
    try {
      JsonNode node = JSON.readTree(resource);
      if (node != null && node.isObject()) {
        return node;
      }
    } catch (IOException e) {
      // refused below
    }
    throw new NotificationRefusedException(
        Reason.MALFORMED, "the decrypted resource is not a JSON object");
  }
}
