package com.payhub.ledger;

import com.payhub.model.Money;
import com.payhub.model.PaymentStatus;
import java.time.Instant;

/** A refund request as the ledger holds it (one row of {@code refund}). */
public record Refund(
    String refundId,
    String paymentId,
    String merchantId,
    String refundNo,
    Money amount,
    PaymentStatus status,
    String channelRefundId,
    String channelCode,
    String channelMessage,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  /** This refund after an applied transition: the channel's first refund id is kept. */
  Refund changedTo(PaymentStatus to, ChannelRef ref, Instant at) {
    return new Refund(
        refundId,
        paymentId,
        merchantId,
        refundNo,
        amount,
        to,
        channelRefundId != null ? channelRefundId : ref.transactionId(),
        ref.code() != null ? Text.clip(ref.code(), 64) : channelCode,
        ref.message() != null ? Text.clip(ref.message(), 256) : channelMessage,
        createdAt,
        at,
        version + 1);
  }
}
