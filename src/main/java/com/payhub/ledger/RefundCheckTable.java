package com.payhub.ledger;

import com.payhub.model.PaymentStatus;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * SQL for {@code refund_check}: the janitor's schedule for open refunds, kept apart from {@code
 * payment_check} because a refund is queried on its own (by its refund number), and a payment may
 * have several refunds open at once.
 */
final class RefundCheckTable {

  private static final String QUALIFIED_COLUMNS = RefundTable.COLUMNS.replaceAll("(\\w+)", "r.$1");

  private final NamedParameterJdbcTemplate jdbc;

  RefundCheckTable(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** A refund due for a check and how often it was checked so far. */
  record Due(Refund refund, int checks) {}

  /**
   * Refunds in {@code statuses} due for a check: never checked and unchanged since {@code
   * staleBefore}, or checked and due at {@code now}; oldest first.
   */
  List<Due> due(Set<PaymentStatus> statuses, Instant staleBefore, Instant now, int limit) {
    MapSqlParameterSource p =
        new MapSqlParameterSource("statuses", statuses.stream().map(Enum::name).toList())
            .addValue("stale", Sql.ts(staleBefore))
            .addValue("now", Sql.ts(now))
            .addValue("limit", limit);
    return jdbc.query(
        "SELECT "
            + QUALIFIED_COLUMNS
            + ", c.checks AS check_count FROM refund r"
            + " LEFT JOIN refund_check c ON c.refund_id = r.refund_id"
            + " WHERE r.status IN (:statuses)"
            + " AND ((c.refund_id IS NULL AND r.updated_at < :stale)"
            + " OR c.next_check_at <= :now)"
            + " ORDER BY r.updated_at, r.refund_id FETCH FIRST :limit ROWS ONLY",
        p,
        (rs, i) -> new Due(RefundTable.MAPPER.mapRow(rs, i), rs.getInt("check_count")));
  }

  /**
   * Claims check number {@code checksSoFar + 1}: of several callers with the same {@code
   * checksSoFar}, the one whose insert or conditional update changed a row wins. A lost race for
   * the first check throws {@link DuplicateKeyException} (the caller rolls back to a savepoint).
   */
  boolean claim(String refundId, int checksSoFar, Instant nextAt) {
    MapSqlParameterSource p =
        new MapSqlParameterSource("id", refundId)
            .addValue("checks", checksSoFar)
            .addValue("next", Sql.ts(nextAt));
    if (checksSoFar == 0) {
      return jdbc.update(
              "INSERT INTO refund_check (refund_id, checks, next_check_at)"
                  + " VALUES (:id, 1, :next)",
              p)
          == 1;
    }
    return jdbc.update(
            "UPDATE refund_check SET checks = checks + 1, next_check_at = :next"
                + " WHERE refund_id = :id AND checks = :checks",
            p)
        == 1;
  }
}
