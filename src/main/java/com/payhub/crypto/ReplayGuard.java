package com.payhub.crypto;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers nonces and notification ids for a freshness window and refuses to see one twice. A
 * message older than the window is refused by its timestamp check, so nothing needs remembering for
 * longer. In memory, per hub replica: the ledger's inbox de-duplicates across replicas.
 */
public final class ReplayGuard {

  private final Duration window;
  private final Clock clock;
  private final Map<String, Instant> seen = new ConcurrentHashMap<>();
  private volatile Instant nextPurge;

  public ReplayGuard(Duration window, Clock clock) {
    this.window = window;
    this.clock = clock;
    this.nextPurge = clock.instant().plus(window);
  }

  /** True the first time {@code id} is seen within the window; false for a replay. */
  public boolean firstSeen(String id) {
    Instant now = clock.instant();
    purgeIfDue(now);
    Instant expires = now.plus(window);
    Instant previous = seen.putIfAbsent(id, expires);
    if (previous == null) {
      return true;
    }
    if (previous.isBefore(now)) { // expired but not yet purged: take it as new
      return seen.replace(id, previous, expires);
    }
    return false;
  }

  public int size() {
    return seen.size();
  }

  private void purgeIfDue(Instant now) {
    if (now.isAfter(nextPurge)) {
      nextPurge = now.plus(window);
      seen.values().removeIf(expiry -> expiry.isBefore(now));
    }
  }
}
