package com.payhub.ledger;

import com.payhub.model.PaymentStatus;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An explicit table of allowed status changes. Pure: no I/O, no clock, immutable once built.
 *
 * <p>A status outside {@link #states()} is refused in either position.
 */
public abstract class StateMachine {

  private final Map<PaymentStatus, Set<PaymentStatus>> next;
  private final Set<PaymentStatus> outcomes;

  protected StateMachine(
      Map<PaymentStatus, Set<PaymentStatus>> table, Set<PaymentStatus> outcomes) {
    EnumMap<PaymentStatus, Set<PaymentStatus>> copy = new EnumMap<>(PaymentStatus.class);
    table.forEach(
        (from, to) -> {
          if (to.contains(from)) {
            throw new IllegalArgumentException(
                "a same-state change is a no-op, not a rule: " + from);
          }
          copy.put(from, Collections.unmodifiableSet(EnumSet.copyOf(to)));
        });
    this.next = Collections.unmodifiableMap(copy);
    this.outcomes = Collections.unmodifiableSet(EnumSet.copyOf(outcomes));
  }

  /** Builds a table row; an empty target list makes {@code from} a dead end. */
  protected static Set<PaymentStatus> to(PaymentStatus... targets) {
    return targets.length == 0
        ? EnumSet.noneOf(PaymentStatus.class)
        : EnumSet.of(targets[0], targets);
  }

  /** The statuses this machine knows. */
  public Set<PaymentStatus> states() {
    return next.keySet();
  }

  /** The statuses {@code from} may change to (never {@code from} itself). */
  public Set<PaymentStatus> next(PaymentStatus from) {
    return next.getOrDefault(Objects.requireNonNull(from, "from"), Set.of());
  }

  public TransitionDecision decide(PaymentStatus from, PaymentStatus to) {
    Objects.requireNonNull(to, "to");
    if (!states().contains(from) || !states().contains(to)) {
      return TransitionDecision.REFUSE;
    }
    if (from == to) {
      return TransitionDecision.NO_OP;
    }
    return next(from).contains(to) ? TransitionDecision.APPLY : TransitionDecision.REFUSE;
  }

  /** Whether {@code from → to} is a real change this machine allows. */
  public boolean allows(PaymentStatus from, PaymentStatus to) {
    return decide(from, to) == TransitionDecision.APPLY;
  }

  /** An outcome: money moved or definitely did not; only the listed follow-ups remain. */
  public boolean isFinal(PaymentStatus status) {
    return outcomes.contains(status);
  }

  /** Neither an outcome nor unknown to this machine: the channel may still answer. */
  public boolean isOpen(PaymentStatus status) {
    return states().contains(status) && !isFinal(status);
  }
}
