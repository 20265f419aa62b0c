package com.payhub.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/** A status change as the back office reads it on {@code payments.events}. */
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
    String reasonMessage) {}
