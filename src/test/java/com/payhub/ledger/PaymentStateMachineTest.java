package com.payhub.ledger;

import static com.payhub.model.PaymentStatus.CLOSED;
import static com.payhub.model.PaymentStatus.DISPATCHED;
import static com.payhub.model.PaymentStatus.FAILED;
import static com.payhub.model.PaymentStatus.PENDING;
import static com.payhub.model.PaymentStatus.RECEIVED;
import static com.payhub.model.PaymentStatus.REFUNDED;
import static com.payhub.model.PaymentStatus.SUCCEEDED;
import static org.assertj.core.api.Assertions.assertThat;

import com.payhub.model.PaymentStatus;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

class PaymentStateMachineTest {

  /** The agreed table, written out independently of the production code. */
  static final Set<String> ALLOWED =
      Set.of(
          "RECEIVED->DISPATCHED",
          "RECEIVED->NEEDS_REVIEW",
          "DISPATCHED->PENDING",
          "DISPATCHED->SUCCEEDED",
          "DISPATCHED->FAILED",
          "DISPATCHED->CLOSED",
          "DISPATCHED->NEEDS_REVIEW",
          "PENDING->SUCCEEDED",
          "PENDING->FAILED",
          "PENDING->CLOSED",
          "PENDING->NEEDS_REVIEW",
          "NEEDS_REVIEW->SUCCEEDED",
          "NEEDS_REVIEW->FAILED",
          "NEEDS_REVIEW->CLOSED",
          "SUCCEEDED->REFUNDED");

  static final Set<PaymentStatus> OUTCOMES = EnumSet.of(SUCCEEDED, FAILED, CLOSED, REFUNDED);

  private final StateMachine machine = PaymentStateMachine.INSTANCE;

  @Property
  void agreesWithTheTable(@ForAll PaymentStatus from, @ForAll PaymentStatus to) {
    TransitionDecision expected =
        from == to
            ? TransitionDecision.NO_OP
            : ALLOWED.contains(from + "->" + to)
                ? TransitionDecision.APPLY
                : TransitionDecision.REFUSE;
    assertThat(machine.decide(from, to)).isEqualTo(expected);
    assertThat(PaymentStateMachine.check(from, to)).isEqualTo(expected);
  }

  @Property(tries = 2000)
  void randomEventsNeverProduceAForbiddenTransitionNorLoseAnOutcome(
      @ForAll @Size(max = 40) List<PaymentStatus> events) {
    PaymentStatus state = RECEIVED;
    PaymentStatus outcome = null;
    for (PaymentStatus event : events) {
      PaymentStatus before = state;
      switch (machine.decide(state, event)) {
        case APPLY -> state = event;
        case NO_OP -> assertThat(event).isEqualTo(state);
        case REFUSE -> assertThat(ALLOWED).doesNotContain(state + "->" + event);
      }
      if (state != before) {
        assertThat(ALLOWED).contains(before + "->" + state);
      }
      if (outcome != null) {
        // once an outcome is reached it stays: only SUCCEEDED may still become REFUNDED
        assertThat(state).isIn(outcome, outcome == SUCCEEDED ? REFUNDED : outcome);
        assertThat(machine.isFinal(state)).isTrue();
      }
      if (OUTCOMES.contains(state)) {
        outcome = state;
      }
    }
  }

  @Property
  void noEventMovesAnOutcomeBackToAnOpenStatus(
      @ForAll("outcomes") PaymentStatus outcome, @ForAll PaymentStatus event) {
    if (machine.decide(outcome, event) == TransitionDecision.APPLY) {
      assertThat(outcome).isEqualTo(SUCCEEDED);
      assertThat(event).isEqualTo(REFUNDED);
    }
  }

  @Provide
  Arbitrary<PaymentStatus> outcomes() {
    return Arbitraries.of(OUTCOMES);
  }

  @Example
  void needsReviewIsReachableFromEveryOpenStatusOnly() {
    for (PaymentStatus s : PaymentStatus.values()) {
      boolean reachable = machine.allows(s, PaymentStatus.NEEDS_REVIEW);
      assertThat(reachable)
          .as(s.name())
          .isEqualTo(EnumSet.of(RECEIVED, DISPATCHED, PENDING).contains(s));
      assertThat(machine.isOpen(s)).as(s.name()).isEqualTo(!OUTCOMES.contains(s));
    }
    assertThat(machine.states()).containsExactlyInAnyOrder(PaymentStatus.values());
  }

  @Example
  void outcomesAreFinal() {
    assertThat(EnumSet.allOf(PaymentStatus.class).stream().filter(machine::isFinal))
        .containsExactlyInAnyOrderElementsOf(OUTCOMES);
    assertThat(machine.next(FAILED)).isEmpty();
    assertThat(machine.next(CLOSED)).isEmpty();
    assertThat(machine.next(REFUNDED)).isEmpty();
    assertThat(machine.next(SUCCEEDED)).containsExactly(REFUNDED);
  }
}
