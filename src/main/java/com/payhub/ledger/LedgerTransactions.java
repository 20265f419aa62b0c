package com.payhub.ledger;

import java.util.function.Supplier;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The three ways the ledger writes. All join the caller's Spring transaction when there is one
 * (e.g. a Camel {@code .transacted()} route on the same DataSource), except {@link #independently}.
 */
final class LedgerTransactions {

  private final TransactionTemplate required;
  private final TransactionTemplate nested;
  private final TransactionTemplate requiresNew;

  LedgerTransactions(PlatformTransactionManager manager) {
    this.required = template(manager, TransactionDefinition.PROPAGATION_REQUIRED);
    this.nested = template(manager, TransactionDefinition.PROPAGATION_NESTED);
    this.requiresNew = template(manager, TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** One unit of work, or part of the caller's. */
  <T> T inTransaction(Supplier<T> work) {
    return required.execute(status -> work.get());
  }

  /**
   * Like {@link #inTransaction}, but inside a caller's transaction a failure (a unique-key
   * violation) rolls back to a savepoint: PostgreSQL would otherwise refuse every later statement
   * of that transaction.
   */
  <T> T inSavepoint(Supplier<T> work) {
    return nested.execute(status -> work.get());
  }

  /** Its own transaction, committed even if the caller's rolls back (refusal records). */
  void independently(Runnable work) {
    requiresNew.executeWithoutResult(status -> work.run());
  }

  private static TransactionTemplate template(PlatformTransactionManager manager, int propagation) {
    TransactionTemplate t = new TransactionTemplate(manager);
    t.setPropagationBehavior(propagation);
    return t;
  }
}
