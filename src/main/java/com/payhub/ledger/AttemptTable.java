package com.payhub.ledger;

import java.time.Instant;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** {@code channel_attempt}: how many times an adapter started to send a dispatched order. */
final class AttemptTable {

  private final NamedParameterJdbcTemplate jdbc;

  AttemptTable(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Counts one more attempt; returns the attempt number (1 for the first). */
  int next(String orderId, String operation, Instant at) {
    MapSqlParameterSource p =
        new MapSqlParameterSource("id", orderId)
            .addValue("operation", operation)
            .addValue("at", Sql.ts(at));
    try {
      jdbc.update(
          "INSERT INTO channel_attempt (order_id, operation, attempts, first_at, last_at)"
              + " VALUES (:id, :operation, 1, :at, :at)",
          p);
      return 1;
    } catch (DuplicateKeyException e) {
      jdbc.update(
          "UPDATE channel_attempt SET attempts = attempts + 1, last_at = :at WHERE order_id = :id",
          p);
      Integer n =
          jdbc.queryForObject(
              "SELECT attempts FROM channel_attempt WHERE order_id = :id", p, Integer.class);
      return n == null ? 2 : n;
    }
  }
}
