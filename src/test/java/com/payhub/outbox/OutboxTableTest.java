package com.payhub.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.payhub.ledger.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox table on H2 and, when {@code PAYHUB_TEST_JDBC_URL} names one, PostgreSQL: a row exists
 * only if its transaction committed, relays never hold the same row at once, and a row a relay gave
 * back (or held too long) is taken again.
 */
class OutboxTableTest {

  private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");
  private TestDatabase db;

  static Stream<Arguments> databases() {
    return Stream.of(
        Arguments.of("h2", (Supplier<TestDatabase>) TestDatabase::h2),
        Arguments.of("postgresql", (Supplier<TestDatabase>) TestDatabase::postgres));
  }

  @AfterEach
  void drop() {
    if (db != null) {
      db.close();
    }
  }

  private OutboxTable open(Supplier<TestDatabase> database) {
    db = database.get();
    return new OutboxTable(new NamedParameterJdbcTemplate(db.dataSource()), new ObjectMapper());
  }

  private static OutboxMessage message(String dedupe) {
    return new OutboxMessage(
        dedupe, false, "payments.channel.alipay", Map.of("PayHubPaymentId", dedupe), "{}");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void aRowExistsOnlyIfItsTransactionCommitted(String name, Supplier<TestDatabase> database) {
    OutboxTable table = open(database);
    Outbox outbox = new Outbox(db.dataSource(), new ObjectMapper(), Clock.systemUTC(), "events");
    TransactionTemplate tx = new TransactionTemplate(new JdbcTransactionManager(db.dataSource()));
    tx.executeWithoutResult(
        s -> {
          outbox.add(message("kept"));
          outbox.add(message("rolled-back"));
          s.setRollbackOnly();
        });
    assertThat(outbox.pending()).isZero();

    tx.executeWithoutResult(s -> outbox.add(message("kept")));
    assertThat(table.claim("C1", T0, T0.plusSeconds(30), 10))
        .extracting(c -> c.message().dedupeId())
        .containsExactly("kept");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void relaysShareTheRowsInOrderAndTakeOverWhatIsGivenBackOrHeldTooLong(
      String name, Supplier<TestDatabase> database) {
    OutboxTable table = open(database);
    for (int i = 0; i < 5; i++) {
      table.insert(message("m" + i), T0.plusMillis(i));
    }

    List<OutboxTable.Claimed> first = table.claim("A", T0, T0.plusSeconds(30), 3);
    List<OutboxTable.Claimed> second = table.claim("B", T0, T0.plusSeconds(30), 3);
    assertThat(first).extracting(c -> c.message().dedupeId()).containsExactly("m0", "m1", "m2");
    assertThat(second).extracting(c -> c.message().dedupeId()).containsExactly("m3", "m4");
    assertThat(first.get(0).message().headers()).containsEntry("PayHubPaymentId", "m0");

    table.delete(first.stream().map(OutboxTable.Claimed::outboxId).toList());
    assertThat(table.claim("C", T0, T0.plusSeconds(30), 10)).as("B still holds the rest").isEmpty();

    table.release("B");
    assertThat(table.claim("D", T0, T0.plusSeconds(30), 10))
        .extracting(c -> c.message().dedupeId())
        .containsExactly("m3", "m4");
    Instant later = T0.plus(Duration.ofSeconds(31));
    assertThat(table.claim("E", later, later.plusSeconds(30), 10))
        .as("D's claim ran out: a crashed relay's rows are taken over")
        .hasSize(2);
    assertThat(table.pending()).isEqualTo(2);
  }
}
