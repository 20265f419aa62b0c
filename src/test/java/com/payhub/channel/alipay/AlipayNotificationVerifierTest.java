package com.payhub.channel.alipay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.payhub.channel.alipay.AlipaySignatureException.Reason;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Async notifications: what passes, and every way to be refused. */
class AlipayNotificationVerifierTest {

  static final AlipayNotificationVerifier VERIFIER =
      new AlipayNotificationVerifier(
          Map.of(
              AlipaySignType.RSA2, AlipayTestKeys.RSA.getPublic(),
              AlipaySignType.RSA, AlipayTestKeys.RSA.getPublic(),
              AlipaySignType.SM2, AlipayTestKeys.SM2.getPublic()));

  static Map<String, String> fields(String charset) {
    Map<String, String> f = new HashMap<>();
    f.put("app_id", "2021000000000001");
    f.put("charset", charset);
    f.put("notify_type", "trade_status_sync");
    f.put("out_trade_no", "T1001");
    f.put("trade_no", "2024010222001446880500000001");
    f.put("trade_status", "TRADE_SUCCESS");
    f.put("total_amount", "88.88");
    f.put("subject", "商品 a+b%2B&c=d");
    f.put("fund_bill_list", "[{\"amount\":\"88.88\",\"fundChannel\":\"ALIPAYACCOUNT\"}]");
    f.put("passback_params", "");
    return f;
  }

  /** What Alipay does: sign the notification content (no sign_type), then add both. */
  static Map<String, String> signed(AlipaySignType type, KeyPair keys, String charset) {
    Map<String, String> f = fields(charset);
    byte[] content =
        AlipaySignContent.forNotification(f)
            .getBytes(AlipayCharsets.resolve(charset).orElseThrow());
    f.put("sign", Base64.getEncoder().encodeToString(type.signer(keys.getPrivate()).sign(content)));
    f.put("sign_type", type.wireName());
    return f;
  }

  static KeyPair keys(AlipaySignType type) {
    return type == AlipaySignType.SM2 ? AlipayTestKeys.SM2 : AlipayTestKeys.RSA;
  }

  static Reason refusal(Map<String, String> fields) {
    return refusal(VERIFIER, fields);
  }

  static Reason refusal(AlipayNotificationVerifier verifier, Map<String, String> fields) {
    AlipaySignatureException e =
        catchThrowableOfType(AlipaySignatureException.class, () -> verifier.verify(fields));
    assertThat(e).as("expected a refusal").isNotNull();
    assertThat(verifier.isValid(fields)).isFalse();
    return e.reason();
  }

  @ParameterizedTest
  @EnumSource(AlipaySignType.class)
  void acceptsEachSignTypeAndLeavesTheCallersMapAlone(AlipaySignType type) {
    for (String charset : new String[] {"utf-8", "GBK"}) {
      Map<String, String> f = Collections.unmodifiableMap(signed(type, keys(type), charset));
      AlipayNotification n = VERIFIER.verify(f);
      assertThat(n.signType()).isEqualTo(type);
      assertThat(n.field("subject")).isEqualTo("商品 a+b%2B&c=d");
      assertThat(n.fields()).doesNotContainKey("sign").hasSize(f.size() - 1);
    }
  }

  @ParameterizedTest
  @EnumSource(AlipaySignType.class)
  void oneChangedCharacterAnywhereIsRefused(AlipaySignType type) {
    Map<String, String> f = signed(type, keys(type), "utf-8");
    Map<String, String> value = new HashMap<>(f);
    value.put("total_amount", "88.89");
    assertThat(refusal(value)).isEqualTo(Reason.SIGNATURE_MISMATCH);

    Map<String, String> added = new HashMap<>(f);
    added.put("route", "alipay-notify"); // an extra route parameter is signed content
    assertThat(refusal(added)).isEqualTo(Reason.SIGNATURE_MISMATCH);

    Map<String, String> sig = new HashMap<>(f);
    byte[] raw = Base64.getDecoder().decode(f.get("sign"));
    raw[raw.length / 2] ^= 0x01;
    sig.put("sign", Base64.getEncoder().encodeToString(raw));
    assertThat(refusal(sig)).isEqualTo(Reason.SIGNATURE_MISMATCH);

    Map<String, String> swapped = new HashMap<>(f);
    swapped.put("sign_type", type == AlipaySignType.RSA2 ? "RSA" : "RSA2");
    assertThat(refusal(swapped)).isEqualTo(Reason.SIGNATURE_MISMATCH);
  }

  @Test
  void decodingTwiceOrHtmlEscapingBreaksTheSignature() {
    Map<String, String> f = signed(AlipaySignType.RSA2, AlipayTestKeys.RSA, "utf-8");
    Map<String, String> twice = new HashMap<>(f);
    twice.replaceAll((k, v) -> k.equals("sign") ? v : URLDecoder.decode(v, StandardCharsets.UTF_8));
    assertThat(refusal(twice)).isEqualTo(Reason.SIGNATURE_MISMATCH);
    Map<String, String> escaped = new HashMap<>(f);
    escaped.put("fund_bill_list", f.get("fund_bill_list").replace("\"", "&quot;"));
    assertThat(refusal(escaped)).isEqualTo(Reason.SIGNATURE_MISMATCH);
  }

  @Test
  void malformedNotificationsAreRefusedWithAReasonNotACrash() {
    Map<String, String> f = signed(AlipaySignType.RSA2, AlipayTestKeys.RSA, "utf-8");

    Map<String, String> noSign = new HashMap<>(f);
    noSign.remove("sign");
    assertThat(refusal(noSign)).isEqualTo(Reason.MISSING_SIGN);
    noSign.put("sign", " ");
    assertThat(refusal(noSign)).isEqualTo(Reason.MISSING_SIGN);

    for (String bad : new String[] {"not base64!", "YWJj=ZGVm", "a", "%2B" + f.get("sign")}) {
      Map<String, String> b = new HashMap<>(f);
      b.put("sign", bad);
      assertThat(refusal(b)).as(bad).isEqualTo(Reason.MALFORMED_SIGN);
    }
    Map<String, String> spaceForPlus = new HashMap<>(f); // '+' lost to one decode too many
    spaceForPlus.put("sign", "AB CD" + f.get("sign").substring(5));
    assertThat(refusal(spaceForPlus)).isEqualTo(Reason.MALFORMED_SIGN);

    for (String type : new String[] {"rsa2", "MD5", "", "HMAC-SHA256"}) {
      Map<String, String> t = new HashMap<>(f);
      t.put("sign_type", type);
      assertThat(refusal(t)).as(type).isEqualTo(Reason.UNSUPPORTED_SIGN_TYPE);
    }
    Map<String, String> noType = new HashMap<>(f);
    noType.remove("sign_type");
    assertThat(refusal(noType)).isEqualTo(Reason.UNSUPPORTED_SIGN_TYPE);

    Map<String, String> charset = new HashMap<>(f);
    charset.put("charset", "utf-9");
    assertThat(refusal(charset)).isEqualTo(Reason.UNSUPPORTED_CHARSET);

    Map<String, String> onlySign = Map.of("sign", f.get("sign"), "sign_type", "RSA2");
    assertThat(refusal(onlySign)).isEqualTo(Reason.NOTHING_SIGNED);

    Map<String, String> withNull = new HashMap<>(f);
    withNull.put("memo", null);
    assertThat(VERIFIER.isValid(withNull)).isTrue();
  }

  @Test
  void aSignTypeWithoutAKeyIsRefusedAndTheWrongKeyFails() {
    Map<String, String> legacy = signed(AlipaySignType.RSA, AlipayTestKeys.RSA, "utf-8");
    AlipayNotificationVerifier rsa2Only =
        AlipayNotificationVerifier.rsa2(AlipayTestKeys.RSA.getPublic());
    assertThat(refusal(rsa2Only, legacy)).isEqualTo(Reason.UNSUPPORTED_SIGN_TYPE);

    Map<String, String> other = signed(AlipaySignType.RSA2, AlipayTestKeys.OTHER_RSA, "utf-8");
    assertThat(refusal(other)).isEqualTo(Reason.SIGNATURE_MISMATCH);
    Map<String, String> otherSm2 = signed(AlipaySignType.SM2, AlipayTestKeys.OTHER_SM2, "utf-8");
    assertThat(refusal(otherSm2)).isEqualTo(Reason.SIGNATURE_MISMATCH);
  }

  @Test
  void sm2SignaturesOfTheWrongShapeAreFalseNotErrors() {
    Map<String, String> f = signed(AlipaySignType.SM2, AlipayTestKeys.SM2, "utf-8");
    for (byte[] junk : new byte[][] {new byte[] {0x30, 0x00}, new byte[64], new byte[] {1, 2, 3}}) {
      Map<String, String> j = new HashMap<>(f);
      j.put("sign", Base64.getEncoder().encodeToString(junk));
      assertThat(refusal(j)).isEqualTo(Reason.SIGNATURE_MISMATCH);
    }
    Map<String, String> rsaSig = signed(AlipaySignType.RSA2, AlipayTestKeys.RSA, "utf-8");
    rsaSig.put("sign_type", "SM2");
    assertThat(refusal(rsaSig)).isEqualTo(Reason.SIGNATURE_MISMATCH);
  }
}
