package com.payhub.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The migrations on an H2 file database opened the way application.yaml opens it. */
class LedgerMigrationTest {

  @Test
  void migratesTheEmbeddedFileDatabaseOnceAndThenFindsNothingToDo(@TempDir Path dir) {
    String url = "jdbc:h2:file:" + dir.resolve("ledger/payhub") + ";AUTO_SERVER=FALSE";
    DriverManagerDataSource ds = new DriverManagerDataSource(url, "sa", "");
    try {
      assertThat(Flyway.configure().dataSource(ds).load().migrate().migrationsExecuted)
          .isPositive();
      assertThat(Flyway.configure().dataSource(ds).load().migrate().migrationsExecuted).isZero();

      JdbcLedger ledger = new JdbcLedger(ds);
      Payment p = ledger.admit(LedgerTestBase.pay("MIG-1", 100), "ingest").payment();
      assertThat(ledger.find(p.paymentId())).isPresent();
    } finally {
      new JdbcTemplate(ds).execute("SHUTDOWN");
    }
  }
}
