package com.payhub.ledger;

import java.time.Instant;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** SQL for {@code notification_inbox}: a processed channel notification id is stored once. */
final class InboxTable {

  private final NamedParameterJdbcTemplate jdbc;

  InboxTable(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Throws {@code DuplicateKeyException} when the id was stored before. */
  void insert(String channel, String notificationId, String paymentId, Instant at) {
    jdbc.update(
        "INSERT INTO notification_inbox (channel, notification_id, payment_id, received_at)"
            + " VALUES (:channel, :id, :payment, :at)",
        new MapSqlParameterSource("channel", channel)
            .addValue("id", notificationId)
            .addValue("payment", paymentId)
            .addValue("at", Sql.ts(at)));
  }
}
