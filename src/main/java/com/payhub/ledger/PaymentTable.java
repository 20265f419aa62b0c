package com.payhub.ledger;

import com.payhub.model.Channel;
import com.payhub.model.Dialect;
import com.payhub.model.Money;
import com.payhub.model.Operation;
import com.payhub.model.PaymentStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** SQL for the {@code payment} table. */
final class PaymentTable {

  private static final String COLUMNS =
      "payment_id, merchant_id, merchant_order_no, channel, operation, amount_minor, currency,"
          + " status, channel_txn_id, channel_code, channel_message, source_dialect, created_at,"
          + " updated_at, version";

  private static final String QUALIFIED_COLUMNS = COLUMNS.replaceAll("(\\w+)", "p.$1");

  private static final RowMapper<Payment> MAPPER =
      (rs, i) ->
          new Payment(
              rs.getString("payment_id"),
              rs.getString("merchant_id"),
              rs.getString("merchant_order_no"),
              Channel.valueOf(rs.getString("channel")),
              Operation.valueOf(rs.getString("operation")),
              Money.ofMinor(rs.getLong("amount_minor"), rs.getString("currency").trim()),
              PaymentStatus.valueOf(rs.getString("status")),
              rs.getString("channel_txn_id"),
              rs.getString("channel_code"),
              rs.getString("channel_message"),
              Dialect.valueOf(rs.getString("source_dialect")),
              Sql.instant(rs, "created_at"),
              Sql.instant(rs, "updated_at"),
              rs.getLong("version"));

  private final NamedParameterJdbcTemplate jdbc;

  PaymentTable(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void insert(Payment p) {
    jdbc.update(
        "INSERT INTO payment ("
            + COLUMNS
            + ") VALUES (:id, :merchant, :orderNo, :channel, :operation, :amount, :currency,"
            + " :status, :txn, :code, :message, :dialect, :created, :updated, :version)",
        params(p)
            .addValue("merchant", p.merchantId())
            .addValue("orderNo", p.merchantOrderNo())
            .addValue("channel", p.channel().name())
            .addValue("operation", p.operation().name())
            .addValue("amount", p.amount().minor())
            .addValue("currency", p.amount().currency())
            .addValue("dialect", p.sourceDialect().name())
            .addValue("created", Sql.ts(p.createdAt())));
  }

  /** Writes status, channel refs and time if the row is still at {@code version - 1}. */
  boolean update(Payment p) {
    return jdbc.update(
            "UPDATE payment SET status = :status, channel_txn_id = :txn, channel_code = :code,"
                + " channel_message = :message, updated_at = :updated, version = :version"
                + " WHERE payment_id = :id AND version = :previous",
            params(p).addValue("previous", p.version() - 1))
        == 1;
  }

  Optional<Payment> find(String paymentId) {
    return one("payment_id = :id", new MapSqlParameterSource("id", paymentId), "");
  }

  /** Reads and row-locks the payment until the transaction ends (serialises its refunds). */
  Optional<Payment> lock(String paymentId) {
    return one("payment_id = :id", new MapSqlParameterSource("id", paymentId), " FOR UPDATE");
  }

  Optional<Payment> findByMerchantOrder(String merchantId, String merchantOrderNo) {
    return one(
        "merchant_id = :merchant AND merchant_order_no = :orderNo",
        new MapSqlParameterSource("merchant", merchantId).addValue("orderNo", merchantOrderNo),
        "");
  }

  Optional<Payment> findByChannelTransaction(String merchantId, Channel channel, String txnId) {
    MapSqlParameterSource p =
        new MapSqlParameterSource("merchant", merchantId).addValue("txn", txnId);
    String where = "merchant_id = :merchant AND channel_txn_id = :txn";
    if (channel != null) {
      where += " AND channel = :channel";
      p.addValue("channel", channel.name());
    }
    return one(where, p, "");
  }

  /**
   * Open payments (status in {@code statuses}) that are due for a check: never checked and not
   * changed since {@code staleBefore}, or checked and due at {@code now}; oldest first.
   */
  List<DueCheck> dueForCheck(
      java.util.Set<com.payhub.model.PaymentStatus> statuses,
      Instant staleBefore,
      Instant now,
      int limit) {
    MapSqlParameterSource p =
        new MapSqlParameterSource("statuses", statuses.stream().map(Enum::name).toList())
            .addValue("stale", Sql.ts(staleBefore))
            .addValue("now", Sql.ts(now))
            .addValue("limit", limit);
    return jdbc.query(
        "SELECT "
            + QUALIFIED_COLUMNS
            + ", c.checks AS check_count FROM payment p"
            + " LEFT JOIN payment_check c ON c.payment_id = p.payment_id"
            + " WHERE p.status IN (:statuses)"
            + " AND ((c.payment_id IS NULL AND p.updated_at < :stale)"
            + " OR c.next_check_at <= :now)"
            + " ORDER BY p.updated_at FETCH FIRST :limit ROWS ONLY",
        p,
        (rs, i) -> new DueCheck(MAPPER.mapRow(rs, i), rs.getInt("check_count")));
  }

  /**
   * Claims the next check of a payment: only one caller (of many replicas) wins a given check
   * number. True when this caller did.
   */
  boolean claimCheck(String paymentId, int checksSoFar, Instant nextAt) {
    MapSqlParameterSource p =
        new MapSqlParameterSource("id", paymentId)
            .addValue("checks", checksSoFar)
            .addValue("next", Sql.ts(nextAt));
    if (checksSoFar == 0) {
      try {
        return jdbc.update(
                "INSERT INTO payment_check (payment_id, checks, next_check_at)"
                    + " VALUES (:id, 1, :next)",
                p)
            == 1;
      } catch (org.springframework.dao.DuplicateKeyException e) {
        return false;
      }
    }
    return jdbc.update(
            "UPDATE payment_check SET checks = checks + 1, next_check_at = :next"
                + " WHERE payment_id = :id AND checks = :checks",
            p)
        == 1;
  }

  private Optional<Payment> one(String where, MapSqlParameterSource p, String suffix) {
    List<Payment> rows =
        jdbc.query("SELECT " + COLUMNS + " FROM payment WHERE " + where + suffix, p, MAPPER);
    return rows.stream().findFirst();
  }

  private static MapSqlParameterSource params(Payment p) {
    return new MapSqlParameterSource("id", p.paymentId())
        .addValue("status", p.status().name())
        .addValue("txn", p.channelTransactionId())
        .addValue("code", p.channelCode())
        .addValue("message", p.channelMessage())
        .addValue("updated", Sql.ts(p.updatedAt()))
        .addValue("version", p.version());
  }
}
