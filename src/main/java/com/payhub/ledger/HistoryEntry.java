package com.payhub.ledger;

import com.payhub.model.PaymentStatus;
import java.time.Instant;

/**
 * One applied status change (one row of {@code payment_history}); {@code from} is null for the row
 * that records admission. {@code subjectVersion} is the subject's version after the change.
 */
public record HistoryEntry(
    String historyId,
    String paymentId,
    SubjectKind subjectKind,
    String subjectId,
    long subjectVersion,
    PaymentStatus from,
    PaymentStatus to,
    String cause,
    String detail,
    Instant at) {}
