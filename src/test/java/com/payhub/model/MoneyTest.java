package com.payhub.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTest {

  @ParameterizedTest
  @CsvSource({
    "100.00,CNY,10000",
    "100,CNY,10000",
    "100.1,CNY,10010",
    "0.01,CNY,1",
    "0.10,cny,10",
    "92233720368547758.07,CNY,9223372036854775807",
    "1500,JPY,1500",
    "1.234,BHD,1234"
  })
  void parsesMajorUnitsExactly(String text, String currency, long minor) {
    Money m = Money.parseMajor(text, currency);
    assertThat(m.minor()).isEqualTo(minor);
    assertThat(m.currency()).isEqualTo(currency.toUpperCase());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "100.001",
        "0.001",
        "1e2",
        "1,00",
        "abc",
        "",
        " 1.00",
        "+1.00",
        "1.",
        ".5",
        "92233720368547758.08"
      })
  void refusesAnythingButPlainDecimalsThatFit(String text) {
    assertThatThrownBy(() -> Money.parseMajor(text, "CNY"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesDecimalsForACurrencyWithoutMinorUnits() {
    assertThatThrownBy(() -> Money.parseMajor("1.5", "JPY"))
        .hasMessageContaining("more than 0 decimals");
  }

  @Test
  void refusesCodesThatAreNotIso4217() {
    assertThatThrownBy(() -> Money.ofMinor(1, "XYZ")).hasMessageContaining("ISO 4217");
    assertThatThrownBy(() -> Money.ofMinor(1, "yuan")).hasMessageContaining("ISO 4217");
  }

  @Test
  void resolvesNumericCurrencyCodes() {
    assertThat(Money.currencyForNumericCode("156")).isEqualTo("CNY");
    assertThat(Money.currencyForNumericCode("840")).isEqualTo("USD");
    assertThat(Money.currencyForNumericCode("344")).isEqualTo("HKD");
  }

  @ParameterizedTest
  @ValueSource(strings = {"000", "999", "959", "15", "1560", "abc"})
  void refusesNumericCodesThatAreNoMoneyToPayWith(String code) {
    assertThatThrownBy(() -> Money.currencyForNumericCode(code))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Property
  void majorTextRoundTripsThroughMinorUnits(
      @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long fen) {
    String text = BigDecimal.valueOf(fen, 2).toPlainString();
    Money m = Money.parseMajor(text, "CNY");
    assertThat(m.minor()).isEqualTo(fen);
    assertThat(m.toMajorString()).isEqualTo(text);
  }
}
