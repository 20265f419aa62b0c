package com.payhub.ledger;

import static com.payhub.model.PaymentStatus.DISPATCHED;
import static com.payhub.model.PaymentStatus.PENDING;
import static com.payhub.model.PaymentStatus.SUCCEEDED;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The janitor's view: open payments due for a check, each check claimed exactly once. */
abstract class CheckContract extends LedgerTestBase {

  CheckContract(Supplier<TestDatabase> databases) {
    super(databases);
  }

  @Test
  void openPaymentsOlderThanTheCutOffAreDueOldestFirstAndFinalOnesNever() {
    Payment received = paymentIn("C-1", 100);
    Payment dispatched = paymentIn("C-2", 100, DISPATCHED);
    Payment pending = paymentIn("C-3", 100, DISPATCHED, PENDING);
    paymentIn("C-4", 100, DISPATCHED, SUCCEEDED);
    Instant later = Instant.now().plus(Duration.ofSeconds(5));

    assertThat(ledger.dueForCheck(later, 10))
        .extracting(d -> d.payment().paymentId(), DueCheck::checks)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(received.paymentId(), 0),
            org.assertj.core.groups.Tuple.tuple(dispatched.paymentId(), 0),
            org.assertj.core.groups.Tuple.tuple(pending.paymentId(), 0));
    assertThat(ledger.dueForCheck(Instant.now().minus(Duration.ofMinutes(1)), 10))
        .as("nothing is stale a minute ago")
        .isEmpty();
    assertThat(ledger.dueForCheck(later, 2)).hasSize(2);
  }

  @Test
  void aClaimedCheckIsNotDueUntilItsNextTime() {
    Payment p = paymentIn("C-5", 100, DISPATCHED, PENDING);
    Instant later = Instant.now().plus(Duration.ofSeconds(5));

    assertThat(ledger.claimCheck(p.paymentId(), 0, Instant.now().plus(Duration.ofHours(1))))
        .isTrue();
    assertThat(ledger.dueForCheck(later, 10)).as("scheduled an hour ahead").isEmpty();

    assertThat(ledger.claimCheck(p.paymentId(), 1, Instant.now().minus(Duration.ofSeconds(1))))
        .isTrue();
    assertThat(ledger.dueForCheck(later, 10))
        .singleElement()
        .extracting(DueCheck::checks)
        .isEqualTo(2);
  }

  @Test
  void ofReplicasClaimingTheSameCheckExactlyOneWins() throws Exception {
    Payment p = paymentIn("C-6", 100, DISPATCHED);
    for (int checks = 0; checks < 3; checks++) {
      int soFar = checks;
      List<Callable<Boolean>> claims = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        claims.add(() -> ledger.claimCheck(p.paymentId(), soFar, Instant.now()));
      }
      int won = 0;
      for (Future<Boolean> f : race(claims)) {
        won += f.get() ? 1 : 0;
      }
      assertThat(won).as("check %d", soFar + 1).isOne();
    }
  }
}
