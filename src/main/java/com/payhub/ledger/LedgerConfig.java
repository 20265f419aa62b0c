package com.payhub.ledger;

import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/** The ledger over the application's DataSource (H2 file by default, PostgreSQL deployed). */
@Configuration(proxyBeanMethods = false)
public class LedgerConfig {

  /**
   * Over Boot's JDBC transaction manager: duplicate inserts roll back to a savepoint, which only a
   * JDBC manager gives.
   */
  @Bean
  JdbcLedger payhubLedgerStore(
      DataSource dataSource, PlatformTransactionManager transactions, Clock clock) {
    return new JdbcLedger(dataSource, transactions, clock);
  }
}
