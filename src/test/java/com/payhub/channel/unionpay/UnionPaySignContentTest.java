package com.payhub.channel.unionpay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** The string to sign: examples for the acp SDK's quirks, properties for the general rules. */
class UnionPaySignContentTest {

  @Test
  void valuesAreJoinedRawWithEqualsAndAmpersandsKept() {
    Map<String, String> fields = new HashMap<>();
    fields.put("reqReserved", "a=b&c={d=e}");
    fields.put("orderDesc", " 一杯咖啡 ☕ ");
    fields.put("certId", "69629715588");
    fields.put("Zeta", "upper-case keys sort first");
    assertThat(UnionPaySignContent.of(fields))
        .isEqualTo(
            "Zeta=upper-case keys sort first&certId=69629715588&orderDesc=一杯咖啡 ☕"
                + "&reqReserved=a=b&c={d=e}");
  }

  @Test
  void signatureIsLeftOutEvenWithSpacesAroundItsNameLikeTheSdk() {
    Map<String, String> fields = Map.of("signature", "x", " signature ", "y", "a", "1");
    assertThat(UnionPaySignContent.of(fields)).isEqualTo("a=1");
  }

  @Test
  void blankMeansWhitespaceOnlyButTrimCutsControlCharactersLikeTheSdk() {
    Map<String, String> fields = new TreeMap<>();
    fields.put("blank", " \t\u2003\n");
    fields.put("control", "\u0001");
    fields.put("nbsp", "\u00a0x\u00a0");
    assertThat(UnionPaySignContent.of(fields)).isEqualTo("control=&nbsp=\u00a0x\u00a0");
  }

  @Test
  void emptyWhenNothingIsLeft() {
    assertThat(UnionPaySignContent.of(Map.of("a", " ", "signature", "s"))).isEmpty();
  }

  @Test
  void theCallersMapIsNotModifiedAndNullKeysAreRefused() {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("b", " 2 ");
    fields.put("a", "");
    fields.put("signature", "s");
    Map<String, String> before = new LinkedHashMap<>(fields);
    UnionPaySignContent.of(fields);
    UnionPaySignContent.filterBlank(fields);
    assertThat(fields).isEqualTo(before);

    Map<String, String> nullKey = new HashMap<>();
    nullKey.put(null, "v");
    assertThatThrownBy(() -> UnionPaySignContent.of(nullKey))
        .isInstanceOf(NullPointerException.class);
  }

  @Property
  void insertionOrderDoesNotMatter(
      @ForAll("fieldMaps") Map<String, String> fields, @ForAll long seed) {
    List<Map.Entry<String, String>> entries = new ArrayList<>(fields.entrySet());
    Collections.shuffle(entries, new Random(seed));
    Map<String, String> shuffled = new LinkedHashMap<>();
    entries.forEach(e -> shuffled.put(e.getKey(), e.getValue()));
    assertThat(UnionPaySignContent.of(shuffled)).isEqualTo(UnionPaySignContent.of(fields));
  }

  @Property
  void matchesAPlainModelOfTheSdkRules(@ForAll("fieldMaps") Map<String, String> fields) {
    String model =
        new TreeMap<>(fields)
            .entrySet().stream()
                .filter(e -> !e.getKey().equals("signature"))
                .filter(e -> e.getValue().chars().anyMatch(c -> !Character.isWhitespace(c)))
                .map(e -> e.getKey() + "=" + e.getValue().trim())
                .collect(Collectors.joining("&"));
    assertThat(UnionPaySignContent.of(fields)).isEqualTo(model);
  }

  @Property
  void blankValuesVanishAndOthersAreTrimmed(
      @ForAll @AlphaChars @StringLength(min = 1, max = 8) String key,
      @ForAll("padding") String left,
      @ForAll("padding") String right,
      @ForAll("values") String value) {
    Map<String, String> withBlank = Map.of("k0", "v", key + "1", left + right);
    assertThat(UnionPaySignContent.of(withBlank)).isEqualTo("k0=v");

    Map<String, String> padded = Map.of(key + "1", left + value + right);
    String expected = value.isBlank() ? "" : key + "1=" + value.trim();
    assertThat(UnionPaySignContent.of(padded)).isEqualTo(expected);
  }

  @Property
  void unicodeAndSeparatorsInValuesSurviveUnchanged(
      @ForAll("values") String value, @ForAll("values") String other) {
    Map<String, String> fields = Map.of("a", "x=" + value + "&y", "b", other + "=&=");
    String content = UnionPaySignContent.of(fields);
    String a = ("x=" + value + "&y").trim();
    String b = (other + "=&=").trim();
    assertThat(content).isEqualTo("a=" + a + "&b=" + b);
  }

  @Provide
  Arbitrary<Map<String, String>> fieldMaps() {
    Arbitrary<String> keys =
        Arbitraries.oneOf(
            Arbitraries.of("signature", "certId", "signMethod", "txnAmt", "orderId"),
            Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(10));
    Arbitrary<String> values = Arbitraries.oneOf(values(), padding(), Arbitraries.just(""));
    return Arbitraries.maps(keys, values).ofMaxSize(12);
  }

  @Provide
  Arbitrary<String> values() {
    return Arbitraries.strings()
        .withCharRange('a', 'z')
        .withChars('=', '&', '{', '}', ' ', '一', '杯', '☕', 'é', '\u00a0')
        .withCharRange('\u4e00', '\u4e20')
        .ofMaxLength(20);
  }

  @Provide
  Arbitrary<String> padding() {
    return Arbitraries.strings().withChars(' ', '\t', '\n', '\r').ofMaxLength(3);
  }
}
