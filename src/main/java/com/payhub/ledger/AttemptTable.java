package com.payhub.ledger;

import java.time.Instant;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** {@code channel_attempt}: how many times an adapter started to send a dispatched order. */
final class AttemptTable {

  private final NamedParameterJdbcTemplate jdbc;

  AttemptTable(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The first attempt; throws {@code DuplicateKeyException} when there was one before. */
  int insertFirst(String orderId, String operation, Instant at) {
    jdbc.update(
        "INSERT INTO channel_attempt (order_id, operation, attempts, first_at, last_at)"
            + " VALUES (:id, :operation, 1, :at, :at)",
        params(orderId, operation, at));
    return 1;
  }

  /** One more attempt of an order seen before; returns its number. */
  int increment(String orderId, Instant at) {
    MapSqlParameterSource p = params(orderId, null, at);
    jdbc.update(
        "UPDATE channel_attempt SET attempts = attempts + 1, last_at = :at WHERE order_id = :id",
        p);
    Integer n =
        jdbc.queryForObject(
            "SELECT attempts FROM channel_attempt WHERE order_id = :id", p, Integer.class);
    return n == null ? 2 : n;
  }

  private static MapSqlParameterSource params(String orderId, String operation, Instant at) {
    return new MapSqlParameterSource("id", orderId)
        .addValue("operation", operation)
        .addValue("at", Sql.ts(at));
  }
}
