package com.payhub.channel;

import com.payhub.model.Channel;
import com.payhub.model.Money;
import java.time.Instant;
import java.util.Objects;

/**
 * A channel notification after its signature was verified and its payload decrypted, in the
 * channel's own terms: which account, which order, how much, what happened. {@link ChannelNotices}
 * checks it against the ledger before anything changes.
 *
 * @param channel the channel that sent it
 * @param notificationId the channel's id for this notification (Alipay {@code notify_id}, WeChat
 *     {@code id}, UnionPay {@code queryId} + {@code txnTime}); the same id is the same notification
 * @param channelMerchantId the merchant account it names (Alipay {@code app_id}, WeChat {@code
 *     mchid}, UnionPay {@code merId})
 * @param merchantOrderNo the order it is about ({@code out_trade_no} / {@code orderId})
 * @param refundNo the merchant's refund number for a refund notification; null for a payment
 * @param amount the amount it states (the payment's total, or the refund's amount)
 * @param outcome what happened, mapped pessimistically
 * @param sentAt when the channel says it sent it; null when the channel does not say (no freshness
 *     check then)
 */
public record ChannelNotice(
    Channel channel,
    String notificationId,
    String channelMerchantId,
    String merchantOrderNo,
    String refundNo,
    Money amount,
    ChannelOutcome outcome,
    Instant sentAt) {

  public ChannelNotice {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(notificationId, "notificationId");
    Objects.requireNonNull(outcome, "outcome");
  }
}
