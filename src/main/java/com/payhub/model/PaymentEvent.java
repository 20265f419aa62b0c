package com.payhub.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * A status change as the back office reads it on {@code payments.events}: one event per change the
 * ledger applied, never one for a change it refused or already had.
 *
 * @param paymentId the payment (for a refund: the payment refunded)
 * @param operation PAY for a change of the payment, REFUND for a change of one of its refunds
 * @param status the new status (of the payment, or of the refund)
 * @param channelTransactionId the channel's id of the payment (for a refund: of the refund)
 * @param amount the payment's amount (for a refund: the refund's)
 * @param refundId the hub's refund id (REFUND only)
 * @param refundNo the merchant's refund number (REFUND only)
 * @param previousStatus the status before the change
 * @param cause what caused it, e.g. {@code adapter:alipay:PAY} or {@code notify:alipay:<id>}
 * @param version the ledger version of the payment (for a refund: of the refund) after the change:
 *     events of one subject may arrive out of order (an adapter publishes when its queue
 *     transaction commits, a notification at once), the version orders them
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PaymentEvent(
    String paymentId,
    String merchantId,
    String merchantOrderNo,
    Channel channel,
    Operation operation,
    PaymentStatus status,
    String channelTransactionId,
    Money amount,
    Instant at,
    String reasonCode,
    String reasonMessage,
    String refundId,
    String refundNo,
    PaymentStatus previousStatus,
    String cause,
    long version) {}
