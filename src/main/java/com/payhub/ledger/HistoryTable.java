package com.payhub.ledger;

import com.payhub.model.PaymentStatus;
import java.util.List;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** SQL for the append-only {@code payment_history} and {@code refused_transition} tables. */
final class HistoryTable {

  private static final RowMapper<HistoryEntry> HISTORY =
      (rs, i) ->
          new HistoryEntry(
              rs.getString("history_id"),
              rs.getString("payment_id"),
              SubjectKind.valueOf(rs.getString("subject_kind")),
              rs.getString("subject_id"),
              rs.getLong("subject_version"),
              Sql.enumOf(PaymentStatus.class, rs.getString("from_status")),
              PaymentStatus.valueOf(rs.getString("to_status")),
              rs.getString("cause"),
              rs.getString("detail"),
              Sql.instant(rs, "occurred_at"));

  private static final RowMapper<RefusedTransition> REFUSED =
      (rs, i) ->
          new RefusedTransition(
              rs.getString("refused_id"),
              rs.getString("payment_id"),
              SubjectKind.valueOf(rs.getString("subject_kind")),
              rs.getString("subject_id"),
              PaymentStatus.valueOf(rs.getString("from_status")),
              PaymentStatus.valueOf(rs.getString("to_status")),
              rs.getString("cause"),
              rs.getString("detail"),
              Sql.instant(rs, "occurred_at"));

  private final NamedParameterJdbcTemplate jdbc;

  HistoryTable(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void append(HistoryEntry e) {
    jdbc.update(
        "INSERT INTO payment_history (history_id, payment_id, subject_kind, subject_id,"
            + " subject_version, from_status, to_status, cause, detail, occurred_at) VALUES (:id,"
            + " :payment, :kind, :subject, :version, :from, :to, :cause, :detail, :at)",
        new MapSqlParameterSource("id", e.historyId())
            .addValue("payment", e.paymentId())
            .addValue("kind", e.subjectKind().name())
            .addValue("subject", e.subjectId())
            .addValue("version", e.subjectVersion())
            .addValue("from", Sql.name(e.from()))
            .addValue("to", e.to().name())
            .addValue("cause", Text.clip(e.cause(), 128))
            .addValue("detail", Text.clip(e.detail(), 256))
            .addValue("at", Sql.ts(e.at())));
  }

  void refuse(RefusedTransition r) {
    jdbc.update(
        "INSERT INTO refused_transition (refused_id, payment_id, subject_kind, subject_id,"
            + " from_status, to_status, cause, detail, occurred_at) VALUES (:id, :payment, :kind,"
            + " :subject, :from, :to, :cause, :detail, :at)",
        new MapSqlParameterSource("id", r.refusedId())
            .addValue("payment", r.paymentId())
            .addValue("kind", r.subjectKind().name())
            .addValue("subject", r.subjectId())
            .addValue("from", r.from().name())
            .addValue("to", r.to().name())
            .addValue("cause", Text.clip(r.cause(), 128))
            .addValue("detail", Text.clip(r.detail(), 256))
            .addValue("at", Sql.ts(r.at())));
  }

  /**
   * The payment's history, its refunds' included, in the order it happened: by time (which never
   * goes back for one subject, see {@link LedgerClock}), then by the subject's version.
   */
  List<HistoryEntry> forPayment(String paymentId) {
    return jdbc.query(
        "SELECT * FROM payment_history WHERE payment_id = :payment"
            + " ORDER BY occurred_at, subject_version, history_id",
        new MapSqlParameterSource("payment", paymentId),
        HISTORY);
  }

  List<RefusedTransition> refusedForPayment(String paymentId) {
    return jdbc.query(
        "SELECT * FROM refused_transition WHERE payment_id = :payment"
            + " ORDER BY occurred_at, refused_id",
        new MapSqlParameterSource("payment", paymentId),
        REFUSED);
  }

  long countRefused() {
    Long n =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM refused_transition", new MapSqlParameterSource(), Long.class);
    return n == null ? 0 : n;
  }
}
