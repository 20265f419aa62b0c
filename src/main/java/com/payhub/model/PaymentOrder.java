package com.payhub.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Map;

/**
 * The canonical payment request every dialect is normalised into and every channel adapter
 * consumes. Optional fields are null when a dialect or an operation does not carry them.
 *
 * @param paymentId hub-issued id, null until ingest assigns it
 * @param merchantId the hub's merchant id (a dialect's own id is resolved through the registry)
 * @param merchantOrderNo the merchant's order number; for REFUND/QUERY/CLOSE the order acted on
 * @param channel the channel that executes the operation
 * @param operation what to do
 * @param amount the amount to pay or refund; null for QUERY and CLOSE
 * @param subject a short description shown to the payer (PAY only)
 * @param refundNo the merchant's refund request number (REFUND only)
 * @param channelTransactionId the channel's id of the original payment, when the input names it
 * @param notifyUrl where the merchant wants notifications, if it gave one
 * @param attributes channel-specific fields kept verbatim (e.g. {@code payer.openid})
 * @param sourceDialect the dialect the request arrived in
 * @param createdAt when ingest accepted it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PaymentOrder(
    String paymentId,
    String merchantId,
    String merchantOrderNo,
    Channel channel,
    Operation operation,
    Money amount,
    String subject,
    String refundNo,
    String channelTransactionId,
    String notifyUrl,
    Map<String, String> attributes,
    Dialect sourceDialect,
    Instant createdAt) {

  public PaymentOrder {
    attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
  }

  public PaymentOrder withMerchantId(String id) {
    return new PaymentOrder(
        paymentId,
        id,
        merchantOrderNo,
        channel,
        operation,
        amount,
        subject,
        refundNo,
        channelTransactionId,
        notifyUrl,
        attributes,
        sourceDialect,
        createdAt);
  }

  /** The same order under the hub id the ledger gave it (a resubmission carries its own). */
  public PaymentOrder withPaymentId(String id) {
    return new PaymentOrder(
        id,
        merchantId,
        merchantOrderNo,
        channel,
        operation,
        amount,
        subject,
        refundNo,
        channelTransactionId,
        notifyUrl,
        attributes,
        sourceDialect,
        createdAt);
  }

  public PaymentOrder withMerchantOrderNo(String orderNo) {
    return new PaymentOrder(
        paymentId,
        merchantId,
        orderNo,
        channel,
        operation,
        amount,
        subject,
        refundNo,
        channelTransactionId,
        notifyUrl,
        attributes,
        sourceDialect,
        createdAt);
  }

  public PaymentOrder withAttributes(Map<String, String> newAttributes) {
    return new PaymentOrder(
        paymentId,
        merchantId,
        merchantOrderNo,
        channel,
        operation,
        amount,
        subject,
        refundNo,
        channelTransactionId,
        notifyUrl,
        newAttributes,
        sourceDialect,
        createdAt);
  }

  public PaymentOrder accepted(String newPaymentId, Instant at) {
    return new PaymentOrder(
        newPaymentId,
        merchantId,
        merchantOrderNo,
        channel,
        operation,
        amount,
        subject,
        refundNo,
        channelTransactionId,
        notifyUrl,
        attributes,
        sourceDialect,
        at);
  }
}
