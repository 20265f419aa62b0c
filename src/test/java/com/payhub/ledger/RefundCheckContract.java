package com.payhub.ledger;

import static com.payhub.model.PaymentStatus.DISPATCHED;
import static com.payhub.model.PaymentStatus.FAILED;
import static com.payhub.model.PaymentStatus.NEEDS_REVIEW;
import static com.payhub.model.PaymentStatus.PENDING;
import static com.payhub.model.PaymentStatus.SUCCEEDED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.payhub.model.PaymentStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The janitor's view of refunds ({@code refund_check}, V7): open refunds due for a check with their
 * payment, each check claimed exactly once however many replicas ask, independent of the payment's
 * own checks.
 */
abstract class RefundCheckContract extends LedgerTestBase {

  RefundCheckContract(Supplier<TestDatabase> databases) {
    super(databases);
  }

  @Test
  void openRefundsOlderThanTheCutOffAreDueOldestFirstWithTheirPayment() {
    Payment paid = paymentIn("RC-1", 10_000, DISPATCHED, SUCCEEDED);
    Refund received = refundIn(paid, "RC-1a", 100);
    Refund dispatched = refundIn(paid, "RC-1b", 100, DISPATCHED);
    Refund pending = refundIn(paid, "RC-1c", 100, DISPATCHED, PENDING);
    refundIn(paid, "RC-1d", 100, DISPATCHED, SUCCEEDED);
    refundIn(paid, "RC-1e", 100, DISPATCHED, FAILED);
    refundIn(paid, "RC-1f", 100, DISPATCHED, NEEDS_REVIEW);
    Instant later = Instant.now().plus(Duration.ofSeconds(5));

    List<DueRefundCheck> due = ledger.refundsDueForCheck(later, 10);

    assertThat(due)
        .extracting(d -> d.refund().refundId(), d -> d.refund().status(), DueRefundCheck::checks)
        .containsExactly(
            tuple(received.refundId(), PaymentStatus.RECEIVED, 0),
            tuple(dispatched.refundId(), DISPATCHED, 0),
            tuple(pending.refundId(), PENDING, 0));
    assertThat(due)
        .extracting(d -> d.payment().paymentId(), d -> d.payment().merchantOrderNo())
        .containsOnly(tuple(paid.paymentId(), "RC-1"));
    assertThat(ledger.refundsDueForCheck(Instant.now().minus(Duration.ofMinutes(1)), 10))
        .as("nothing is stale a minute ago")
        .isEmpty();
    assertThat(ledger.refundsDueForCheck(later, 2)).hasSize(2);
    assertThat(ledger.dueForCheck(later, 10))
        .as("the payment itself is SUCCEEDED: no payment check")
        .isEmpty();
  }

  @Test
  void aClaimedCheckIsNotDueUntilItsNextTimeAndCountsUp() {
    Refund r = refundIn(paymentIn("RC-2", 1_000, DISPATCHED, SUCCEEDED), "RC-2", 1_000, DISPATCHED);
    Instant later = Instant.now().plus(Duration.ofSeconds(5));

    assertThat(ledger.claimRefundCheck(r.refundId(), 0, Instant.now().plus(Duration.ofHours(1))))
        .isTrue();
    assertThat(ledger.refundsDueForCheck(later, 10)).as("scheduled an hour ahead").isEmpty();

    assertThat(ledger.claimRefundCheck(r.refundId(), 1, Instant.now().minus(Duration.ofSeconds(1))))
        .isTrue();
    assertThat(ledger.refundsDueForCheck(later, 10))
        .singleElement()
        .extracting(DueRefundCheck::checks)
        .isEqualTo(2);
    assertThat(ledger.claimRefundCheck(r.refundId(), 1, Instant.now()))
        .as("check 2 was taken already")
        .isFalse();
    assertThat(count("SELECT COUNT(*) FROM refund_check WHERE refund_id = ?", r.refundId()))
        .isOne();
  }

  @Test
  void ofReplicasClaimingTheSameCheckExactlyOneWins() throws Exception {
    Refund r = refundIn(paymentIn("RC-3", 1_000, DISPATCHED, SUCCEEDED), "RC-3", 500, DISPATCHED);
    for (int checks = 0; checks < 3; checks++) {
      int soFar = checks;
      List<Callable<Boolean>> claims = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        claims.add(() -> ledger.claimRefundCheck(r.refundId(), soFar, Instant.now()));
      }
      int won = 0;
      for (Future<Boolean> f : race(claims)) {
        won += f.get() ? 1 : 0;
      }
      assertThat(won).as("check %d", soFar + 1).isOne();
    }
  }

  @Test
  void aLostClaimInsideACallersTransactionLeavesThatTransactionUsable() {
    // PostgreSQL refuses every later statement of a transaction after a failed insert, unless the
    // insert ran in a savepoint
    Refund r = refundIn(paymentIn("RC-4", 1_000, DISPATCHED, SUCCEEDED), "RC-4", 500, DISPATCHED);

    Boolean second =
        callerTx.execute(
            status -> {
              assertThat(ledger.claimRefundCheck(r.refundId(), 0, Instant.now())).isTrue();
              boolean again = ledger.claimRefundCheck(r.refundId(), 0, Instant.now());
              assertThat(ledger.findRefund(r.refundId())).isPresent();
              return again;
            });

    assertThat(second).isFalse();
    assertThat(count("SELECT checks FROM refund_check WHERE refund_id = ?", r.refundId())).isOne();
  }

  @Test
  void refundChecksAndPaymentChecksKeepTheirOwnSchedules() {
    Payment p = paymentIn("RC-5", 1_000, DISPATCHED, SUCCEEDED);
    Refund r = refundIn(p, "RC-5", 500, DISPATCHED);
    Instant later = Instant.now().plus(Duration.ofSeconds(5));

    assertThat(ledger.claimCheck(p.paymentId(), 0, Instant.now().plus(Duration.ofHours(1))))
        .isTrue();

    assertThat(ledger.refundsDueForCheck(later, 10))
        .as("a payment check does not schedule its refunds")
        .extracting(d -> d.refund().refundId(), DueRefundCheck::checks)
        .containsExactly(tuple(r.refundId(), 0));
    assertThat(ledger.claimRefundCheck(r.refundId(), 0, Instant.now().plus(Duration.ofHours(1))))
        .isTrue();
    assertThat(ledger.refundsDueForCheck(later, 10)).isEmpty();
  }

  /** A refund of {@code payment} admitted and moved along {@code path}. */
  Refund refundIn(Payment payment, String refundNo, long minor, PaymentStatus... path) {
    Refund r = ledger.admit(refund(payment.merchantOrderNo(), refundNo, minor), "ingest").refund();
    for (PaymentStatus s : path) {
      r = ledger.transitionRefund(r.refundId(), s, "test", ChannelRef.NONE);
    }
    return r;
  }
}
