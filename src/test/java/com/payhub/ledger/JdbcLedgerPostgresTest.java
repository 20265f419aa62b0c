package com.payhub.ledger;

import org.junit.jupiter.api.Nested;

/**
 * The ledger contracts on PostgreSQL, each test in a schema of its own; skipped unless {@code
 * PAYHUB_TEST_JDBC_URL} names a server (CI sets it).
 */
class JdbcLedgerPostgresTest {

  @Nested
  class Admit extends AdmitContract {
    Admit() {
      super(TestDatabase::postgres);
    }
  }

  @Nested
  class Transitions extends TransitionContract {
    Transitions() {
      super(TestDatabase::postgres);
    }
  }

  @Nested
  class Refunds extends RefundContract {
    Refunds() {
      super(TestDatabase::postgres);
    }
  }

  @Nested
  class Reads extends ReadContract {
    Reads() {
      super(TestDatabase::postgres);
    }
  }

  @Nested
  class Checks extends CheckContract {
    Checks() {
      super(TestDatabase::postgres);
    }
  }
}
