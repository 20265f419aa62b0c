package com.payhub.ledger;

import com.payhub.model.Money;
import com.payhub.model.PaymentStatus;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** SQL for the {@code refund} table. */
final class RefundTable {

  static final String COLUMNS =
      "refund_id, payment_id, merchant_id, refund_no, amount_minor, currency, status,"
          + " channel_refund_id, channel_code, channel_message, created_at, updated_at, version";

  static final RowMapper<Refund> MAPPER =
      (rs, i) ->
          new Refund(
              rs.getString("refund_id"),
              rs.getString("payment_id"),
              rs.getString("merchant_id"),
              rs.getString("refund_no"),
              Money.ofMinor(rs.getLong("amount_minor"), rs.getString("currency").trim()),
              PaymentStatus.valueOf(rs.getString("status")),
              rs.getString("channel_refund_id"),
              rs.getString("channel_code"),
              rs.getString("channel_message"),
              Sql.instant(rs, "created_at"),
              Sql.instant(rs, "updated_at"),
              rs.getLong("version"));

  private final NamedParameterJdbcTemplate jdbc;

  RefundTable(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void insert(Refund r) {
    jdbc.update(
        "INSERT INTO refund ("
            + COLUMNS
            + ") VALUES (:id, :payment, :merchant, :refundNo, :amount, :currency, :status, :ref,"
            + " :code, :message, :created, :updated, :version)",
        params(r)
            .addValue("payment", r.paymentId())
            .addValue("merchant", r.merchantId())
            .addValue("refundNo", r.refundNo())
            .addValue("amount", r.amount().minor())
            .addValue("currency", r.amount().currency())
            .addValue("created", Sql.ts(r.createdAt())));
  }

  /** Writes status, channel refs and time if the row is still at {@code version - 1}. */
  boolean update(Refund r) {
    return jdbc.update(
            "UPDATE refund SET status = :status, channel_refund_id = :ref, channel_code = :code,"
                + " channel_message = :message, updated_at = :updated, version = :version"
                + " WHERE refund_id = :id AND version = :previous",
            params(r).addValue("previous", r.version() - 1))
        == 1;
  }

  Optional<Refund> find(String refundId) {
    return query("refund_id = :id", new MapSqlParameterSource("id", refundId)).stream().findFirst();
  }

  Optional<Refund> findByMerchantRefundNo(String merchantId, String refundNo) {
    return query(
            "merchant_id = :merchant AND refund_no = :refundNo",
            new MapSqlParameterSource("merchant", merchantId).addValue("refundNo", refundNo))
        .stream()
        .findFirst();
  }

  /** The payment's refunds, oldest first. */
  List<Refund> forPayment(String paymentId) {
    return query(
        "payment_id = :payment ORDER BY created_at, refund_id",
        new MapSqlParameterSource("payment", paymentId));
  }

  private List<Refund> query(String where, MapSqlParameterSource p) {
    return jdbc.query("SELECT " + COLUMNS + " FROM refund WHERE " + where, p, MAPPER);
  }

  private static MapSqlParameterSource params(Refund r) {
    return new MapSqlParameterSource("id", r.refundId())
        .addValue("status", r.status().name())
        .addValue("ref", r.channelRefundId())
        .addValue("code", r.channelCode())
        .addValue("message", r.channelMessage())
        .addValue("updated", Sql.ts(r.updatedAt()))
        .addValue("version", r.version());
  }
}
