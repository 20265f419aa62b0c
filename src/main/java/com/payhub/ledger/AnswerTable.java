package com.payhub.ledger;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** {@code channel_answer}: the details a channel last answered, per payment and operation. */
final class AnswerTable {

  private final NamedParameterJdbcTemplate jdbc;

  AnswerTable(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Replaces the answer (a concurrent first insert surfaces as {@code DuplicateKeyException}). */
  void upsert(String paymentId, String operation, String details, Instant at) {
    MapSqlParameterSource p =
        new MapSqlParameterSource("payment", paymentId)
            .addValue("operation", operation)
            .addValue("details", details)
            .addValue("at", Sql.ts(at));
    int updated =
        jdbc.update(
            "UPDATE channel_answer SET details = :details, answered_at = :at"
                + " WHERE payment_id = :payment AND operation = :operation",
            p);
    if (updated == 0) {
      jdbc.update(
          "INSERT INTO channel_answer (payment_id, operation, details, answered_at)"
              + " VALUES (:payment, :operation, :details, :at)",
          p);
    }
  }

  /** Operation → details JSON, oldest answer first. */
  Map<String, String> forPayment(String paymentId) {
    Map<String, String> out = new LinkedHashMap<>();
    jdbc.query(
        "SELECT operation, details FROM channel_answer WHERE payment_id = :payment"
            + " ORDER BY answered_at",
        new MapSqlParameterSource("payment", paymentId),
        rs -> {
          out.put(rs.getString("operation"), rs.getString("details"));
        });
    return out;
  }
}
