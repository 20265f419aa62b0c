package com.payhub.ledger;

import java.time.Clock;
import java.time.Instant;

/**
 * The ledger's time. A subject's timestamps never go backwards, even when replicas' clocks
 * disagree: a change is dated no earlier than the subject's last one.
 */
final class LedgerClock {

  private final Clock clock;

  LedgerClock(Clock clock) {
    this.clock = clock;
  }

  Instant now() {
    return Sql.micros(clock.instant());
  }

  Instant notBefore(Instant last) {
    Instant now = now();
    return last != null && last.isAfter(now) ? last : now;
  }
}
