package com.payhub.ledger;

import com.payhub.model.Channel;
import com.payhub.model.Dialect;
import com.payhub.model.Money;
import com.payhub.model.Operation;
import com.payhub.model.PaymentStatus;
import java.time.Instant;

/** A payment as the ledger holds it (one row of {@code payment}). */
public record Payment(
    String paymentId,
    String merchantId,
    String merchantOrderNo,
    Channel channel,
    Operation operation,
    Money amount,
    PaymentStatus status,
    String channelTransactionId,
    String channelCode,
    String channelMessage,
    Dialect sourceDialect,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  /** This payment after an applied transition: the channel's first transaction id is kept. */
  Payment changedTo(PaymentStatus to, ChannelRef ref, Instant at) {
    return new Payment(
        paymentId,
        merchantId,
        merchantOrderNo,
        channel,
        operation,
        amount,
        to,
        channelTransactionId != null ? channelTransactionId : ref.transactionId(),
        ref.code() != null ? Text.clip(ref.code(), 64) : channelCode,
        ref.message() != null ? Text.clip(ref.message(), 256) : channelMessage,
        sourceDialect,
        createdAt,
        at,
        version + 1);
  }
}
