package com.payhub.ledger;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A fresh, migrated ledger database for one test: an in-memory H2 database (default mode, like the
 * embedded file database), or a schema of its own on the PostgreSQL server named by {@value
 * #URL_VARIABLE} (system property or environment variable), dropped again on {@link #close}.
 */
public final class TestDatabase implements AutoCloseable {

  static final String URL_VARIABLE = "PAYHUB_TEST_JDBC_URL";

  private final String name;
  private final DataSource dataSource;
  private final Runnable drop;

  private TestDatabase(String name, DataSource dataSource, Runnable drop) {
    this.name = name;
    this.dataSource = dataSource;
    this.drop = drop;
  }

  public static TestDatabase h2() {
    String db = "ledger_" + suffix();
    DataSource ds =
        new DriverManagerDataSource("jdbc:h2:mem:" + db + ";DB_CLOSE_DELAY=-1", "sa", "");
    Flyway.configure().dataSource(ds).load().migrate();
    return new TestDatabase("h2:" + db, ds, () -> new JdbcTemplate(ds).execute("SHUTDOWN"));
  }

  /** Skips the calling test (an assumption, not a failure) when no PostgreSQL URL is given. */
  public static TestDatabase postgres() {
    String url = postgresUrl();
    assumeTrue(url != null, URL_VARIABLE + " is not set: PostgreSQL ledger tests skipped");
    String schema = "ledger_test_" + suffix();
    JdbcTemplate admin = new JdbcTemplate(new DriverManagerDataSource(url));
    admin.execute("CREATE SCHEMA " + schema);
    try {
      String separator = url.contains("?") ? "&" : "?";
      DataSource ds = new DriverManagerDataSource(url + separator + "currentSchema=" + schema);
      Flyway.configure().dataSource(ds).schemas(schema).load().migrate();
      return new TestDatabase(
          "postgresql:" + schema, ds, () -> admin.execute("DROP SCHEMA " + schema + " CASCADE"));
    } catch (RuntimeException e) {
      admin.execute("DROP SCHEMA " + schema + " CASCADE");
      throw e;
    }
  }

  static String postgresUrl() {
    String url = System.getProperty(URL_VARIABLE);
    if (url == null || url.isBlank()) {
      url = System.getenv(URL_VARIABLE);
    }
    return url == null || url.isBlank() ? null : url.trim();
  }

  public DataSource dataSource() {
    return dataSource;
  }

  @Override
  public void close() {
    drop.run();
  }

  @Override
  public String toString() {
    return name;
  }

  private static String suffix() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
  }
}
