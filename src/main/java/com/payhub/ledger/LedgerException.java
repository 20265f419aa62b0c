package com.payhub.ledger;

/** A request the ledger refuses on its rules; never retried, the route answers or rejects it. */
public abstract class LedgerException extends RuntimeException {

  protected LedgerException(String message) {
    super(message, null, false, false);
  }
}
