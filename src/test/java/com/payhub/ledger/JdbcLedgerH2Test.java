package com.payhub.ledger;

import org.junit.jupiter.api.Nested;

/** The ledger contracts on embedded H2 in its default mode, as the hub runs by default. */
class JdbcLedgerH2Test {

  @Nested
  class Admit extends AdmitContract {
    Admit() {
      super(TestDatabase::h2);
    }
  }

  @Nested
  class Transitions extends TransitionContract {
    Transitions() {
      super(TestDatabase::h2);
    }
  }

  @Nested
  class Refunds extends RefundContract {
    Refunds() {
      super(TestDatabase::h2);
    }
  }

  @Nested
  class Reads extends ReadContract {
    Reads() {
      super(TestDatabase::h2);
    }
  }

  @Nested
  class Checks extends CheckContract {
    Checks() {
      super(TestDatabase::h2);
    }
  }
}
