package com.payhub.channel.unionpay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** txnTime is Beijing wall-clock time (UTC+8, no DST since 1991), whatever the server zone. */
class UnionPayTimeTest {

  @ParameterizedTest
  @CsvSource({
    "2026-11-26T16:30:00Z, 20261127003000",
    "2026-12-31T16:00:00Z, 20270101000000",
    "2024-02-28T16:59:59Z, 20240229005959"
  })
  void formatsInBeijingTimeAndParsesBack(String utc, String txnTime) {
    Instant instant = Instant.parse(utc);
    assertThat(UnionPayTime.format(instant)).isEqualTo(txnTime);
    assertThat(UnionPayTime.parse(txnTime)).isEqualTo(instant);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026112700300",
        "202611270030001",
        "20261332000000",
        "20260229120000",
        "2026-11-27 00:3",
        ""
      })
  void refusesWhatIsNotARealYyyyMMddHHmmss(String text) {
    assertThatThrownBy(() -> UnionPayTime.parse(text)).isInstanceOf(IllegalArgumentException.class);
  }
}
