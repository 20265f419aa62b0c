package com.payhub.ledger;

import com.payhub.model.PaymentStatus;
import java.time.Instant;

/** A status change the state machine refused (one row of {@code refused_transition}). */
public record RefusedTransition(
    String refusedId,
    String paymentId,
    SubjectKind subjectKind,
    String subjectId,
    PaymentStatus from,
    PaymentStatus to,
    String cause,
    String detail,
    Instant at) {}
