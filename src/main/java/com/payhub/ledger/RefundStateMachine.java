package com.payhub.ledger;

import static com.payhub.model.PaymentStatus.DISPATCHED;
import static com.payhub.model.PaymentStatus.FAILED;
import static com.payhub.model.PaymentStatus.NEEDS_REVIEW;
import static com.payhub.model.PaymentStatus.PENDING;
import static com.payhub.model.PaymentStatus.RECEIVED;
import static com.payhub.model.PaymentStatus.SUCCEEDED;

import com.payhub.model.PaymentStatus;
import java.util.EnumSet;
import java.util.Map;

/**
 * Allowed status changes of a refund: a subset of the payment statuses (a refund is never CLOSED or
 * REFUNDED).
 *
 * <pre>
 * RECEIVED → DISPATCHED → PENDING → SUCCEEDED | FAILED
 *            DISPATCHED → SUCCEEDED | FAILED
 * RECEIVED | DISPATCHED | PENDING → NEEDS_REVIEW → SUCCEEDED | FAILED
 * </pre>
 */
public final class RefundStateMachine extends StateMachine {

  public static final RefundStateMachine INSTANCE = new RefundStateMachine();

  private RefundStateMachine() {
    super(
        Map.of(
            RECEIVED, to(DISPATCHED, NEEDS_REVIEW),
            DISPATCHED, to(PENDING, SUCCEEDED, FAILED, NEEDS_REVIEW),
            PENDING, to(SUCCEEDED, FAILED, NEEDS_REVIEW),
            NEEDS_REVIEW, to(SUCCEEDED, FAILED),
            SUCCEEDED, to(),
            FAILED, to()),
        EnumSet.of(SUCCEEDED, FAILED));
  }

  /** Convenience for {@code INSTANCE.decide(from, to)}. */
  public static TransitionDecision check(PaymentStatus from, PaymentStatus to) {
    return INSTANCE.decide(from, to);
  }
}
