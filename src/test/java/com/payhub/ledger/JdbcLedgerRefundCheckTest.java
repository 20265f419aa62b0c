package com.payhub.ledger;

import org.junit.jupiter.api.Nested;

/**
 * The refund checks (V7) on embedded H2, and on PostgreSQL when {@code PAYHUB_TEST_JDBC_URL} names
 * a server (skipped otherwise), each test on a fresh migrated database or schema.
 */
class JdbcLedgerRefundCheckTest {

  @Nested
  class OnH2 extends RefundCheckContract {
    OnH2() {
      super(TestDatabase::h2);
    }
  }

  @Nested
  class OnPostgres extends RefundCheckContract {
    OnPostgres() {
      super(TestDatabase::postgres);
    }
  }
}
