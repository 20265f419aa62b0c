package com.payhub.channel.alipay;

import static com.payhub.channel.alipay.AlipayTestKeys.base64;
import static org.assertj.core.api.Assertions.assertThat;

import com.alipay.api.AlipayApiException;
import com.alipay.api.internal.util.AlipaySignature;
import java.security.KeyPair;
import java.util.HashMap;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The official SDK (com.alipay.sdk:alipay-sdk-java 4.40.734.ALL, test scope) as judge. Its check
 * methods remove {@code sign}/{@code sign_type} from the map they are given, so every call gets a
 * copy.
 */
class AlipaySdkOracleTest {

  static final KeyPair RSA = AlipayTestKeys.RSA;
  static final KeyPair SM2 = AlipayTestKeys.SM2;

  // ---- generators ----

  @Provide
  Arbitrary<Map<String, String>> anyParams() {
    Arbitrary<String> keys =
        Arbitraries.oneOf(
            Arbitraries.strings().all().ofMaxLength(6),
            Arbitraries.strings().withChars("abz_ 中").ofMaxLength(5),
            Arbitraries.of("sign", "sign_type", "", " ", "\u3000", "\u00a0"));
    Arbitrary<String> values =
        Arbitraries.oneOf(
            Arbitraries.strings().all().ofMaxLength(24),
            Arbitraries.strings().withChars("=&%+ \t\n中文😀\u2028\u3000\u00a0\u001c").ofMaxLength(8),
            Arbitraries.of("", " ", "\t\n", "\u3000", "\u00a0"));
    return Arbitraries.maps(keys, values).ofMaxSize(14);
  }

  /** Well-formed text (no lone surrogates): what can really be signed and sent. */
  @Provide
  Arbitrary<Map<String, String>> requests() {
    return requestParams();
  }

  static Arbitrary<Map<String, String>> requestParams() {
    Arbitrary<String> values =
        Arbitraries.oneOf(
            Arbitraries.strings()
                .withChars("aZ09 =&%+中文{}\"\\#")
                .ofMaxLength(30)
                .map(s -> s.replace("#", "😀")), // whole code points only
            Arbitraries.strings().alpha().numeric().ofMaxLength(12),
            Arbitraries.of("", " "));
    return Arbitraries.maps(
            Arbitraries.strings().withChars("abcdefgh_").ofMinLength(1).ofMaxLength(8), values)
        .ofMinSize(1)
        .ofMaxSize(10)
        .map(
            m -> {
              Map<String, String> p = new HashMap<>(m);
              p.put("app_id", "2021000000000001");
              p.remove("sign");
              p.remove("sign_type");
              p.remove("charset");
              return p;
            });
  }

  // ---- string to sign ----

  @Property(tries = 1000)
  void signContentEqualsTheSdks(@ForAll("anyParams") Map<String, String> params) {
    Map<String, String> withoutSign = new HashMap<>(params);
    withoutSign.remove("sign");
    assertThat(AlipaySignContent.forRequest(params))
        .isEqualTo(AlipaySignature.getSignContent(withoutSign))
        .isEqualTo(AlipaySignature.getSignCheckContentV2(new HashMap<>(params)));
    assertThat(AlipaySignContent.forNotification(params))
        .isEqualTo(AlipaySignature.getSignCheckContentV1(new HashMap<>(params)));
  }

  // ---- RSA2 / RSA both ways ----

  @Property(tries = 40)
  void sdkAndPayhubMakeTheSameRsaSignaturesAndAcceptEachOthers(
      @ForAll("requests") Map<String, String> base, @ForAll boolean gbk, @ForAll boolean rsa2)
      throws AlipayApiException {
    Map<String, String> p = new HashMap<>(base);
    String charset = gbk ? "GBK" : "UTF-8";
    AlipaySignType type = rsa2 ? AlipaySignType.RSA2 : AlipaySignType.RSA;
    p.put("charset", charset);
    p.put("sign_type", type.wireName());
    if (gbk) {
      p.replaceAll((k, v) -> v.replace("😀", "好"));
    }
    String content = AlipaySignature.getSignContent(p);
    String sdkSign =
        rsa2
            ? AlipaySignature.rsa256Sign(content, base64(RSA.getPrivate()), charset)
            : AlipaySignature.rsaSign(content, base64(RSA.getPrivate()), charset);
    Map<String, String> ours = new AlipaySigner(type, RSA.getPrivate()).signedParams(p);
    assertThat(ours.get("sign")).isEqualTo(sdkSign); // PKCS#1 v1.5 is deterministic

    String pub = base64(RSA.getPublic());
    boolean sdkAccepts =
        rsa2
            ? AlipaySignature.rsaCheckV2(new HashMap<>(ours), pub, charset, "RSA2")
                && AlipaySignature.rsa256CheckContent(content, ours.get("sign"), pub, charset)
            : AlipaySignature.rsaCheckV2(new HashMap<>(ours), pub, charset);
    assertThat(sdkAccepts).isTrue();
  }

  // ---- notifications: same verdict as rsaCheckV1 ----

  @Property(tries = 60)
  void notificationVerdictAgreesWithRsaCheckV1(
      @ForAll("requests") Map<String, String> base,
      @ForAll("signTypes") AlipaySignType type,
      @ForAll @IntRange(min = 0, max = 5) int tamper)
      throws AlipayApiException {
    KeyPair keys = type == AlipaySignType.SM2 ? SM2 : RSA;
    Map<String, String> n = new HashMap<>(base);
    n.put("charset", "utf-8");
    n.put("sign_type", type.wireName());
    String sdkContent = AlipaySignature.getSignCheckContentV1(new HashMap<>(n));
    n.put(
        "sign",
        AlipaySignature.rsaSign(sdkContent, base64(keys.getPrivate()), "utf-8", type.wireName()));
    switch (tamper) {
      case 1 -> n.put("app_id", "2021000000000002");
      case 2 ->
          n.put(
              "sign", n.get("sign").replaceFirst("^.", n.get("sign").startsWith("A") ? "B" : "A"));
      case 3 -> n.put("sign_type", type == AlipaySignType.RSA2 ? "RSA" : "RSA2");
      case 4 -> n.put("extra_route_param", "x");
      default -> {} // 0 and 5: untouched
    }
    AlipayNotificationVerifier verifier =
        new AlipayNotificationVerifier(
            Map.of(
                AlipaySignType.RSA2, RSA.getPublic(),
                AlipaySignType.RSA, RSA.getPublic(),
                AlipaySignType.SM2, SM2.getPublic()));
    KeyPair checkKeys = "SM2".equals(n.get("sign_type")) ? SM2 : RSA;
    boolean sdk;
    try {
      sdk =
          AlipaySignature.rsaCheckV1(
              new HashMap<>(n), base64(checkKeys.getPublic()), "utf-8", n.get("sign_type"));
    } catch (AlipayApiException e) {
      sdk = false; // e.g. an RSA signature handed to the SM2 checker
    }
    assertThat(verifier.isValid(n)).as("tamper %d", tamper).isEqualTo(sdk);
    assertThat(sdk).isEqualTo(tamper == 0 || tamper == 5);
  }

  @Provide
  Arbitrary<AlipaySignType> signTypes() {
    return Arbitraries.of(AlipaySignType.class);
  }
}
