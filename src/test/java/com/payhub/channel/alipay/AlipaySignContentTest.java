package com.payhub.channel.alipay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.payhub.channel.alipay.AlipaySignatureException.Reason;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The string to sign: fixed answers and properties. */
class AlipaySignContentTest {

  @Test
  void sortsJoinsAndKeepsValuesRaw() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("subject", "苹果 iPhone=最新&款");
    p.put("b", "x=y&z=w");
    p.put("a", "%E4%B8%AD+1"); // not decoded, not encoded
    p.put("B", "upper sorts first");
    p.put("sign_type", "RSA2");
    p.put("sign", "ignored");
    assertThat(AlipaySignContent.forRequest(p))
        .isEqualTo(
            "B=upper sorts first&a=%E4%B8%AD+1&b=x=y&z=w&sign_type=RSA2&subject=苹果 iPhone=最新&款");
    assertThat(AlipaySignContent.forNotification(p))
        .isEqualTo("B=upper sorts first&a=%E4%B8%AD+1&b=x=y&z=w&subject=苹果 iPhone=最新&款");
  }

  @Test
  void dropsEmptyAndWhitespaceOnlyPairsButKeepsInnerAndNonBreakingSpace() {
    Map<String, String> p = new HashMap<>();
    p.put("empty", "");
    p.put("spaces", "   ");
    p.put("tabs", "\t\r\n");
    p.put("ideographic", "\u3000"); // Character.isWhitespace: dropped, as the SDK
    p.put("separator", "\u001f"); // unit separator is whitespace to Java
    p.put("nbsp", "\u00a0"); // no-break space is not: kept
    p.put("padded", " a ");
    p.put("nul", null);
    p.put("", "no key");
    p.put(" ", "blank key");
    assertThat(AlipaySignContent.forRequest(p)).isEqualTo("nbsp=\u00a0&padded= a ");
  }

  @Test
  void sortsByUtf16CodeUnitsLikeStringCompareTo() {
    Map<String, String> p = new HashMap<>();
    p.put("\uff61", "halfwidth"); // U+FF61 sorts after a surrogate pair's high unit (D8xx)
    p.put("\ud83d\ude00", "emoji");
    p.put("z", "z");
    p.put("中", "zh");
    assertThat(AlipaySignContent.forRequest(p))
        .isEqualTo("z=z&中=zh&\ud83d\ude00=emoji&\uff61=halfwidth");
  }

  @Test
  void neverModifiesTheCallersMap() {
    Map<String, String> p = new TreeMap<>(Map.of("sign", "s", "sign_type", "RSA2", "a", "1"));
    Map<String, String> before = Map.copyOf(p);
    AlipaySignContent.forNotification(p);
    AlipaySignContent.forRequest(Collections.unmodifiableMap(p));
    assertThat(p).isEqualTo(before);
  }

  @Test
  void formFieldsRefuseARepeatedName() {
    List<Map.Entry<String, String>> pairs =
        List.of(Map.entry("total_amount", "0.01"), Map.entry("total_amount", "100.00"));
    assertThatThrownBy(() -> AlipayFormFields.of(pairs))
        .isInstanceOf(AlipaySignatureException.class)
        .extracting(e -> ((AlipaySignatureException) e).reason())
        .isEqualTo(Reason.DUPLICATE_PARAMETER);
  }

  // ---- properties ----

  @Provide
  Arbitrary<Map<String, String>> params() {
    Arbitrary<String> keys =
        Arbitraries.oneOf(
            Arbitraries.strings().withChars("abcxyz_ABC").ofMinLength(1).ofMaxLength(8),
            Arbitraries.of("sign", "sign_type", "charset", "", " "),
            Arbitraries.strings().all().ofMaxLength(6));
    Arbitrary<String> values =
        Arbitraries.oneOf(
            Arbitraries.strings().all().ofMaxLength(20),
            Arbitraries.strings().withChars("=& \t%+中文😀\u3000\u00a0").ofMaxLength(8),
            Arbitraries.of("", " ", "\t", "\u2028"));
    return Arbitraries.maps(keys, values).ofMaxSize(12);
  }

  @Property(tries = 300)
  void insertionOrderDoesNotMatter(
      @ForAll("params") Map<String, String> params, @ForAll long seed) {
    List<Map.Entry<String, String>> entries = new ArrayList<>(params.entrySet());
    Collections.shuffle(entries, new Random(seed));
    Map<String, String> shuffled = new LinkedHashMap<>();
    entries.forEach(e -> shuffled.put(e.getKey(), e.getValue()));
    assertThat(AlipaySignContent.forRequest(shuffled))
        .isEqualTo(AlipaySignContent.forRequest(params));
    assertThat(AlipaySignContent.forNotification(shuffled))
        .isEqualTo(AlipaySignContent.forNotification(params));
    assertThat(AlipaySignContent.forRequest(AlipayFormFields.of(entries)))
        .isEqualTo(AlipaySignContent.forRequest(params));
  }

  @Property(tries = 300)
  void blankPairsAndExcludedNamesNeverReachTheContent(
      @ForAll("params") Map<String, String> params) {
    Map<String, String> withBlanks = new HashMap<>(params);
    withBlanks.put("blank_value", " \t ");
    withBlanks.put("empty_value", "");
    withBlanks.put("\u3000", "key is blank");
    Map<String, String> cleaned = new HashMap<>();
    params.forEach(
        (k, v) -> {
          if (!isJavaWhitespaceOnly(k) && !isJavaWhitespaceOnly(v)) {
            cleaned.put(k, v);
          }
        });
    assertThat(AlipaySignContent.forRequest(withBlanks))
        .isEqualTo(AlipaySignContent.forRequest(cleaned))
        .doesNotContain("blank_value", "empty_value", "key is blank");
    Map<String, String> noSign = new HashMap<>(cleaned);
    noSign.remove("sign");
    assertThat(AlipaySignContent.forRequest(withBlanks)).isEqualTo(join(noSign));
    noSign.remove("sign_type");
    assertThat(AlipaySignContent.forNotification(withBlanks)).isEqualTo(join(noSign));
  }

  @Property(tries = 200)
  void aFormListWithARepeatedNameIsRefused(
      @ForAll("params") Map<String, String> params, @ForAll long seed) {
    List<Map.Entry<String, String>> pairs = new ArrayList<>(params.entrySet());
    pairs.add(Map.entry("out_trade_no", "A"));
    pairs.add(Map.entry("out_trade_no", "B"));
    Collections.shuffle(pairs, new Random(seed));
    assertThatThrownBy(() -> AlipayFormFields.of(pairs))
        .isInstanceOf(AlipaySignatureException.class);
  }

  /** An independent statement of the rule, by TreeMap. */
  private static String join(Map<String, String> nonEmpty) {
    StringBuilder sb = new StringBuilder();
    new TreeMap<>(nonEmpty)
        .forEach((k, v) -> sb.append(sb.length() == 0 ? "" : "&").append(k).append('=').append(v));
    return sb.toString();
  }

  private static boolean isJavaWhitespaceOnly(String s) {
    return s.chars().allMatch(c -> Character.isWhitespace((char) c));
  }
}
