package com.payhub.ledger;

import static com.payhub.model.PaymentStatus.FAILED;
import static com.payhub.model.PaymentStatus.RECEIVED;
import static com.payhub.model.PaymentStatus.SUCCEEDED;
import static org.assertj.core.api.Assertions.assertThat;

import com.payhub.model.PaymentStatus;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

class RefundStateMachineTest {

  static final Set<String> ALLOWED =
      Set.of(
          "RECEIVED->DISPATCHED",
          "RECEIVED->NEEDS_REVIEW",
          "DISPATCHED->PENDING",
          "DISPATCHED->SUCCEEDED",
          "DISPATCHED->FAILED",
          "DISPATCHED->NEEDS_REVIEW",
          "PENDING->SUCCEEDED",
          "PENDING->FAILED",
          "PENDING->NEEDS_REVIEW",
          "NEEDS_REVIEW->SUCCEEDED",
          "NEEDS_REVIEW->FAILED");

  /** A refund is never CLOSED or REFUNDED. */
  static final Set<PaymentStatus> NOT_REFUND_STATES =
      EnumSet.of(PaymentStatus.CLOSED, PaymentStatus.REFUNDED);

  private final StateMachine machine = RefundStateMachine.INSTANCE;

  @Property
  void agreesWithTheTable(@ForAll PaymentStatus from, @ForAll PaymentStatus to) {
    TransitionDecision expected;
    if (NOT_REFUND_STATES.contains(from) || NOT_REFUND_STATES.contains(to)) {
      expected = TransitionDecision.REFUSE;
    } else if (from == to) {
      expected = TransitionDecision.NO_OP;
    } else {
      expected =
          ALLOWED.contains(from + "->" + to) ? TransitionDecision.APPLY : TransitionDecision.REFUSE;
    }
    assertThat(machine.decide(from, to)).isEqualTo(expected);
    assertThat(RefundStateMachine.check(from, to)).isEqualTo(expected);
  }

  @Property(tries = 2000)
  void randomEventsNeverProduceAForbiddenTransitionNorLoseAnOutcome(
      @ForAll @Size(max = 30) List<PaymentStatus> events) {
    PaymentStatus state = RECEIVED;
    PaymentStatus outcome = null;
    for (PaymentStatus event : events) {
      PaymentStatus before = state;
      if (machine.decide(state, event) == TransitionDecision.APPLY) {
        state = event;
        assertThat(ALLOWED).contains(before + "->" + state);
      }
      if (outcome != null) {
        assertThat(state).isEqualTo(outcome);
      }
      if (state == SUCCEEDED || state == FAILED) {
        outcome = state;
      }
    }
  }

  @Example
  void outcomesAreSucceededAndFailed() {
    assertThat(machine.states()).doesNotContainAnyElementsOf(NOT_REFUND_STATES);
    assertThat(EnumSet.allOf(PaymentStatus.class).stream().filter(machine::isFinal))
        .containsExactlyInAnyOrder(SUCCEEDED, FAILED);
  }
}
