package com.payhub.webhook;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** {@code webhook_delivery} and {@code webhook_attempt}. */
final class WebhookStore {

  /** A delivery due to be sent. */
  record Due(String deliveryId, String merchantId, String body, int attempts) {}

  private final NamedParameterJdbcTemplate jdbc;

  WebhookStore(DataSource dataSource) {
    this.jdbc = new NamedParameterJdbcTemplate(dataSource);
  }

  /** False when this event was taken for this merchant before. */
  boolean insert(
      String deliveryId,
      String merchantId,
      String eventKey,
      String paymentId,
      String body,
      Instant at) {
    try {
      jdbc.update(
          "INSERT INTO webhook_delivery (delivery_id, merchant_id, event_key, payment_id, body,"
              + " status, attempts, next_at, created_at) VALUES (:id, :merchant, :key, :payment,"
              + " :body, 'PENDING', 0, :at, :at)",
          new MapSqlParameterSource("id", deliveryId)
              .addValue("merchant", merchantId)
              .addValue("key", eventKey)
              .addValue("payment", paymentId)
              .addValue("body", body)
              .addValue("at", ts(at)));
      return true;
    } catch (DuplicateKeyException e) {
      return false;
    }
  }

  List<Due> due(Instant now, int limit) {
    return jdbc.query(
        "SELECT delivery_id, merchant_id, body, attempts FROM webhook_delivery"
            + " WHERE status = 'PENDING' AND next_at <= :now ORDER BY next_at"
            + " FETCH FIRST :limit ROWS ONLY",
        new MapSqlParameterSource("now", ts(now)).addValue("limit", limit),
        (rs, i) ->
            new Due(
                rs.getString("delivery_id"),
                rs.getString("merchant_id"),
                rs.getString("body"),
                rs.getInt("attempts")));
  }

  /**
   * Claims attempt {@code attempts + 1} (only one replica wins it) and pushes the next try out to
   * {@code retryAt}, so a crash mid-attempt still retries.
   */
  boolean claim(String deliveryId, int attempts, Instant retryAt) {
    return jdbc.update(
            "UPDATE webhook_delivery SET attempts = attempts + 1, next_at = :next"
                + " WHERE delivery_id = :id AND attempts = :attempts AND status = 'PENDING'",
            new MapSqlParameterSource("id", deliveryId)
                .addValue("attempts", attempts)
                .addValue("next", ts(retryAt)))
        == 1;
  }

  void recordAttempt(
      String deliveryId, int attemptNo, Instant at, Integer httpStatus, String error) {
    jdbc.update(
        "INSERT INTO webhook_attempt (delivery_id, attempt_no, attempted_at, http_status, error)"
            + " VALUES (:id, :no, :at, :status, :error)",
        new MapSqlParameterSource("id", deliveryId)
            .addValue("no", attemptNo)
            .addValue("at", ts(at))
            .addValue("status", httpStatus)
            .addValue("error", error));
  }

  void finish(String deliveryId, String status) {
    jdbc.update(
        "UPDATE webhook_delivery SET status = :status WHERE delivery_id = :id",
        new MapSqlParameterSource("id", deliveryId).addValue("status", status));
  }

  private static OffsetDateTime ts(Instant at) {
    return at.atOffset(ZoneOffset.UTC);
  }
}
