package com.payhub.ledger;

/** What a state machine says about a requested status change. */
public enum TransitionDecision {
  /** A real change the machine allows: apply it and record it in the history. */
  APPLY,
  /** The subject is already in that status: nothing to do, nothing to record. */
  NO_OP,
  /** A change the machine forbids: record the refusal, never apply it. */
  REFUSE
}
