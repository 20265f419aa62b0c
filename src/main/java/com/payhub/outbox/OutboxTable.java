package com.payhub.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.payhub.model.HubIds;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** SQL for the {@code outbox} table (V6). Portable between H2 and PostgreSQL. */
final class OutboxTable {

  private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {};

  /** A row the relay claimed: its id and its message. */
  record Claimed(String outboxId, OutboxMessage message) {}

  private final NamedParameterJdbcTemplate jdbc;
  private final ObjectMapper json;

  OutboxTable(NamedParameterJdbcTemplate jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  void insert(OutboxMessage m, Instant now) {
    String headers;
    try {
      headers = json.writeValueAsString(m.headers());
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("outbox headers are not serialisable", e);
    }
    jdbc.update(
        "INSERT INTO outbox (outbox_id, dedupe_id, kind, address, headers, body, created_at)"
            + " VALUES (:id, :dedupe, :kind, :address, :headers, :body, :at)",
        new MapSqlParameterSource("id", HubIds.next('X'))
            .addValue("dedupe", m.dedupeId())
            .addValue("kind", m.topic() ? "TOPIC" : "QUEUE")
            .addValue("address", m.address())
            .addValue("headers", headers)
            .addValue("body", m.body())
            .addValue("at", ts(now)));
  }

  /**
   * Claims up to {@code limit} of the oldest rows nobody holds (or whose holder's claim ran out)
   * for {@code claim} until {@code until}. Two relays racing for a row: the row lock makes the
   * second re-read it, and its claim no longer matches.
   */
  List<Claimed> claim(String claim, Instant now, Instant until, int limit) {
    MapSqlParameterSource p =
        new MapSqlParameterSource("claim", claim)
            .addValue("now", ts(now))
            .addValue("until", ts(until))
            .addValue("limit", limit);
    jdbc.update(
        "UPDATE outbox SET claim = :claim, claimed_until = :until WHERE outbox_id IN ("
            + "SELECT outbox_id FROM outbox WHERE claimed_until IS NULL OR claimed_until < :now"
            + " ORDER BY created_at, outbox_id LIMIT :limit)"
            + " AND (claimed_until IS NULL OR claimed_until < :now)",
        p);
    return jdbc.query(
        "SELECT * FROM outbox WHERE claim = :claim ORDER BY created_at, outbox_id",
        p,
        (rs, i) ->
            new Claimed(
                rs.getString("outbox_id"),
                new OutboxMessage(
                    rs.getString("dedupe_id"),
                    "TOPIC".equals(rs.getString("kind")),
                    rs.getString("address"),
                    headers(rs.getString("headers")),
                    rs.getString("body"))));
  }

  void delete(Collection<String> outboxIds) {
    if (!outboxIds.isEmpty()) {
      jdbc.update(
          "DELETE FROM outbox WHERE outbox_id IN (:ids)",
          new MapSqlParameterSource("ids", outboxIds));
    }
  }

  /** Gives the rows of a claim back (the broker refused a send): the next pass takes them. */
  void release(String claim) {
    jdbc.update(
        "UPDATE outbox SET claim = NULL, claimed_until = NULL WHERE claim = :claim",
        new MapSqlParameterSource("claim", claim));
  }

  long pending() {
    Long n =
        jdbc.queryForObject("SELECT COUNT(*) FROM outbox", new MapSqlParameterSource(), Long.class);
    return n == null ? 0 : n;
  }

  private Map<String, String> headers(String text) {
    try {
      return json.readValue(text, HEADERS);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("outbox row with unreadable headers", e);
    }
  }

  private static OffsetDateTime ts(Instant at) {
    return at.atOffset(ZoneOffset.UTC);
  }
}
