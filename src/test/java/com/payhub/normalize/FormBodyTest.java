package com.payhub.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.payhub.model.Dialect;
import com.payhub.model.RejectReason;
import com.payhub.model.RejectedInputException;
import com.payhub.model.Rejection;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FormBodyTest {

  private static Rejection rejected(String body) {
    RejectedInputException e =
        catchThrowableOfType(
            RejectedInputException.class, () -> FormBody.parse(Dialect.ALIPAY, body));
    assertThat(e).as("expected a rejection for %s", body).isNotNull();
    return e.rejection();
  }

  @Test
  void decodesEachKeyAndValueExactlyOnce() {
    Map<String, String> f = FormBody.parse(Dialect.ALIPAY, "a=%2541&b%2541=x&c=%252B");
    assertThat(f).containsEntry("a", "%41").containsEntry("b%41", "x").containsEntry("c", "%2B");
  }

  @Test
  void plusIsASpaceAndEncodedPlusIsAPlus() {
    Map<String, String> f =
        FormBody.parse(Dialect.ALIPAY, "subject=one+two&sign=ab%2Bc%2F%3D&k+1=v");
    assertThat(f)
        .containsEntry("subject", "one two")
        .containsEntry("sign", "ab+c/=")
        .containsEntry("k 1", "v");
  }

  @Test
  void decodesUtf8Multibyte() {
    // 一杯咖啡 as UTF-8 percent escapes
    Map<String, String> f =
        FormBody.parse(
            Dialect.UNIONPAY, "subject=%E4%B8%80%E6%9D%AF%E5%92%96%E5%95%A1&emoji=%F0%9F%98%80");
    assertThat(f).containsEntry("subject", "一杯咖啡").containsEntry("emoji", "\uD83D\uDE00");
  }

  @Test
  void emptyValueIsAllowed() {
    Map<String, String> f = FormBody.parse(Dialect.ALIPAY, "a=&b=2");
    assertThat(f).containsEntry("a", "").containsEntry("b", "2").hasSize(2);
  }

  @Test
  void keepsArrivalOrderAndIsUnmodifiable() {
    Map<String, String> f = FormBody.parse(Dialect.ALIPAY, "z=1&a=2&m=3&b=4&y=5");
    assertThat(f.keySet()).containsExactly("z", "a", "m", "b", "y");
    assertThat(f.values()).containsExactly("1", "2", "3", "4", "5");
    assertThat(catchThrowableOfType(UnsupportedOperationException.class, () -> f.put("x", "1")))
        .isNotNull();
  }

  @Test
  void valueMayContainEqualsSigns() {
    assertThat(FormBody.parse(Dialect.ALIPAY, "sign=abc==&x=1")).containsEntry("sign", "abc==");
  }

  @Test
  void duplicateKeyIsMalformedAndNamesTheKey() {
    Rejection r = rejected("a=1&out_trade_no=X1&out_trade_no=X2");
    assertThat(r.reason()).isEqualTo(RejectReason.MALFORMED_MESSAGE);
    assertThat(r.dialect()).isEqualTo(Dialect.ALIPAY);
    assertThat(r.errors())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.field()).isEqualTo("out_trade_no");
              assertThat(e.reason()).isEqualTo(RejectReason.MALFORMED_MESSAGE);
            });
    assertThat(r.message()).contains("out_trade_no");
  }

  @Test
  void keysThatOnlyMatchAfterDecodingAreDuplicatesToo() {
    Rejection r = rejected("ab=1&%61b=2");
    assertThat(r.reason()).isEqualTo(RejectReason.MALFORMED_MESSAGE);
    assertThat(r.errors()).extracting(Rejection.FieldError::field).containsExactly("ab");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a=1&novalue", "justtext", "a=1&=2"})
  void pairWithoutKeyOrEqualsIsMalformed(String body) {
    Rejection r = rejected(body);
    assertThat(r.reason()).isEqualTo(RejectReason.MALFORMED_MESSAGE);
    assertThat(r.errors()).extracting(Rejection.FieldError::field).containsExactly("body");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a=%zz", "a=%4", "a=100%", "%G1=x", "a=1&b=%E4%B8%"})
  void brokenEscapeIsMalformed(String body) {
    Rejection r = rejected(body);
    assertThat(r.reason()).isEqualTo(RejectReason.MALFORMED_MESSAGE);
    assertThat(r.errors())
        .extracting(Rejection.FieldError::reason)
        .containsExactly(RejectReason.MALFORMED_MESSAGE);
    assertThat(r.message()).contains("%-escape");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "\n"})
  void emptyBodyIsMalformed(String body) {
    Rejection r = rejected(body);
    assertThat(r.reason()).isEqualTo(RejectReason.MALFORMED_MESSAGE);
    assertThat(r.errors()).extracting(Rejection.FieldError::field).containsExactly("body");
  }

  @Test
  void nullBodyIsMalformed() {
    assertThat(rejected(null).reason()).isEqualTo(RejectReason.MALFORMED_MESSAGE);
  }

  @Test
  void rejectionCarriesTheCallersDialect() {
    RejectedInputException e =
        catchThrowableOfType(
            RejectedInputException.class, () -> FormBody.parse(Dialect.UNIONPAY, "a=1&a=2"));
    assertThat(e.rejection().dialect()).isEqualTo(Dialect.UNIONPAY);
  }

  @ParameterizedTest
  @ValueSource(strings = {"a=%E4%B8", "a=%FF", "a=%C0%AF"})
  void bytesThatAreNotUtf8AreMalformedNotReplaced(String body) {
    assertThat(rejected(body).reason()).isEqualTo(RejectReason.MALFORMED_MESSAGE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"&", "&&&"})
  void aBodyOfSeparatorsOnlyHasNoFields(String body) {
    assertThat(rejected(body).reason()).isEqualTo(RejectReason.MALFORMED_MESSAGE);
  }
}
