package com.payhub.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** JDBC conversions shared by the table classes; instants travel as UTC OffsetDateTime. */
final class Sql {

  private Sql() {}

  /** Both databases keep microseconds; truncating first makes a read-back equal the write. */
  static Instant micros(Instant at) {
    return at.truncatedTo(ChronoUnit.MICROS);
  }

  static OffsetDateTime ts(Instant at) {
    return at == null ? null : micros(at).atOffset(ZoneOffset.UTC);
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  static <E extends Enum<E>> E enumOf(Class<E> type, String value) {
    return value == null ? null : Enum.valueOf(type, value.trim());
  }

  static String name(Enum<?> value) {
    return value == null ? null : value.name();
  }
}
