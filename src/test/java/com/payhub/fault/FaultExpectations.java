package com.payhub.fault;

import org.assertj.core.api.SoftAssertions;

/**
 * The acceptance of issue 6, as assertions on a scenario's counts. Soft: a failing run reports
 * every count that is off, not only the first.
 */
final class FaultExpectations {

  private FaultExpectations() {}

  /**
   * Scenarios 1, 2 and 4: every payment taken, once, to a final state, with one event per
   * transition; the channel asked to pay exactly once per order.
   */
  static void everyPaymentOnceAndFinal(FaultCounts c) {
    SoftAssertions.assertSoftly(s -> onceAndFinal(s, c));
  }

  /** Scenario 4: as {@link #everyPaymentOnceAndFinal}, and nothing dead-lettered meanwhile. */
  static void waitedOutTheOutage(FaultCounts c) {
    SoftAssertions.assertSoftly(
        s -> {
          onceAndFinal(s, c);
          s.assertThat(c.deadLetters()).as("messages on dead-letter queues").isZero();
        });
  }

  private static void onceAndFinal(SoftAssertions s, FaultCounts c) {
    s.assertThat(c.accepted()).as("orders the hub took").isEqualTo(c.payments());
    s.assertThat(c.ledgerRows()).as("ledger rows").isEqualTo(c.payments());
    s.assertThat(c.finals())
        .as("payments in a final state (statuses %s)", c.byStatus())
        .isEqualTo(c.payments());
    s.assertThat(c.payCalls()).as("PAY calls at the sandbox channels").isEqualTo(c.payments());
    s.assertThat(c.maxPayCallsPerOrder()).as("PAY calls for one order").isLessThanOrEqualTo(1);
    s.assertThat(c.neverPaid()).as("orders whose PAY never reached the channel").isZero();
    s.assertThat(c.duplicateEvents()).as("events repeated for one (payment, status)").isZero();
    s.assertThat(c.missingEvents()).as("applied transitions without their event").isZero();
    s.assertThat(c.unexpectedEvents()).as("events for transitions never applied").isZero();
    s.assertThat(c.succeededWithoutEvent())
        .as("SUCCEEDED payments without a SUCCEEDED event")
        .isZero();
  }

  /**
   * Scenario 3: none vanished, none charged twice, each final or handed to a person; and still one
   * event per transition.
   */
  static void noneLostNoneTwiceFinalOrInReview(FaultCounts c) {
    SoftAssertions.assertSoftly(
        s -> {
          s.assertThat(c.accepted()).as("orders the hub took").isEqualTo(c.payments());
          s.assertThat(c.ledgerRows()).as("ledger rows: none vanished").isEqualTo(c.payments());
          s.assertThat(c.finals() + c.status("NEEDS_REVIEW"))
              .as("payments final or NEEDS_REVIEW (statuses %s)", c.byStatus())
              .isEqualTo(c.payments());
          s.assertThat(c.maxPayCallsPerOrder())
              .as("PAY calls for one order")
              .isLessThanOrEqualTo(1);
          s.assertThat(c.paidTwice()).as("orders paid twice").isZero();
          s.assertThat(c.duplicateEvents())
              .as("events repeated for one (payment, status)")
              .isZero();
          s.assertThat(c.missingEvents()).as("applied transitions without their event").isZero();
        });
  }
}
