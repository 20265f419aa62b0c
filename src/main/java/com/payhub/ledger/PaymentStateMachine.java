package com.payhub.ledger;

import static com.payhub.model.PaymentStatus.CLOSED;
import static com.payhub.model.PaymentStatus.DISPATCHED;
import static com.payhub.model.PaymentStatus.FAILED;
import static com.payhub.model.PaymentStatus.NEEDS_REVIEW;
import static com.payhub.model.PaymentStatus.PENDING;
import static com.payhub.model.PaymentStatus.RECEIVED;
import static com.payhub.model.PaymentStatus.REFUNDED;
import static com.payhub.model.PaymentStatus.SUCCEEDED;

import com.payhub.model.PaymentStatus;
import java.util.EnumSet;
import java.util.Map;

/**
 * Allowed status changes of a payment:
 *
 * <pre>
 * RECEIVED → DISPATCHED → PENDING → SUCCEEDED | FAILED | CLOSED
 *            DISPATCHED → SUCCEEDED | FAILED | CLOSED      (the channel answered final at once)
 * SUCCEEDED → REFUNDED                                      (once fully refunded)
 * RECEIVED | DISPATCHED | PENDING → NEEDS_REVIEW
 * NEEDS_REVIEW → SUCCEEDED | FAILED | CLOSED                (a review or reconciliation settles it)
 * </pre>
 *
 * SUCCEEDED, FAILED, CLOSED and REFUNDED are outcomes: none goes back to an open status, and only
 * SUCCEEDED moves on (to REFUNDED).
 */
public final class PaymentStateMachine extends StateMachine {

  public static final PaymentStateMachine INSTANCE = new PaymentStateMachine();

  private PaymentStateMachine() {
    super(
        Map.of(
            RECEIVED, to(DISPATCHED, NEEDS_REVIEW),
            DISPATCHED, to(PENDING, SUCCEEDED, FAILED, CLOSED, NEEDS_REVIEW),
            PENDING, to(SUCCEEDED, FAILED, CLOSED, NEEDS_REVIEW),
            NEEDS_REVIEW, to(SUCCEEDED, FAILED, CLOSED),
            SUCCEEDED, to(REFUNDED),
            FAILED, to(),
            CLOSED, to(),
            REFUNDED, to()),
        EnumSet.of(SUCCEEDED, FAILED, CLOSED, REFUNDED));
  }

  /** Convenience for {@code INSTANCE.decide(from, to)}. */
  public static TransitionDecision check(PaymentStatus from, PaymentStatus to) {
    return INSTANCE.decide(from, to);
  }
}
