package com.payhub.channel.unionpay;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/** acp {@code txnTime}: {@code yyyyMMddHHmmss} in Beijing time, whatever the server's zone. */
public final class UnionPayTime {

  public static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

  private static final DateTimeFormatter TXN_TIME =
      DateTimeFormatter.ofPattern("uuuuMMddHHmmss").withResolverStyle(ResolverStyle.STRICT);

  private UnionPayTime() {}

  public static String format(Instant instant) {
    return TXN_TIME.format(instant.atZone(BEIJING));
  }

  /**
   * @throws IllegalArgumentException when the text is not 14 digits forming a real date-time
   */
  public static Instant parse(String txnTime) {
    if (txnTime == null || !txnTime.matches("\\d{14}")) {
      throw new IllegalArgumentException("txnTime must be 14 digits yyyyMMddHHmmss");
    }
    try {
      return LocalDateTime.parse(txnTime, TXN_TIME).atZone(BEIJING).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("txnTime '" + txnTime + "' is not a real date-time", e);
    }
  }
}
