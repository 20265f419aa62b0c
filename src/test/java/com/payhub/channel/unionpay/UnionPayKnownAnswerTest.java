package com.payhub.channel.unionpay;

import static com.payhub.channel.unionpay.UnionPayFixture.SECURE_KEY;
import static com.payhub.channel.unionpay.UnionPayFixture.consume;
import static com.payhub.channel.unionpay.UnionPayFixture.sm3Hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.junit.jupiter.api.Test;

/**
 * Known-answer vectors for acp 5.1.0 signing. UnionPay publishes no Maven SDK, so every expected
 * value below was computed outside PayHub's code, twice where possible:
 *
 * <ul>
 *   <li>the strings to sign ({@link #CONTENT_01}, {@link #CONTENT_11}) were written by hand from
 *       the SDK rules (filterBlank, then coverMap2String), not printed by PayHub;
 *   <li>SHA-256 hex: recorded with {@code printf '%s' '<content>' | sha256sum} (coreutils) and
 *       recomputed in the test with {@link MessageDigest};
 *   <li>signMethod 01: recorded with {@code printf '%s' <hex> | openssl dgst -sha256 -sign key.pem
 *       | base64 -w0} (OpenSSL 3.0.19) using {@code src/test/resources/unionpay/key.pem}, and
 *       recomputed in the test with a plain JCA {@link Signature}; the certId is the decimal of the
 *       fixture's serial {@code 0x9C2A5E3F1B7D4A6051} (made with {@code openssl req -set_serial});
 *   <li>signMethod 11: {@code KH=$(printf '%s' "$KEY" | sha256sum | cut -c1-64); printf '%s'
 *       "$CONTENT&$KH" | sha256sum}; recomputed with {@link MessageDigest};
 *   <li>signMethod 12: the same with {@code openssl dgst -sm3 -r}; recomputed with BouncyCastle's
 *       {@link SM3Digest} directly (not PayHub's {@code Digests}); SM3 itself is checked against
 *       the GB/T 32905 example "abc".
 * </ul>
 *
 * acp's hex is lowercase: {@code SecureUtil.sha256X16Str}/{@code sm3X16Str} build it with {@code
 * Integer.toHexString}, and the GM SDK lowercases explicitly.
 */
class UnionPayKnownAnswerTest {

  static final String FIXTURE_CERT_ID = "2880745022483392520273";

  static final String CONTENT_01 =
      "accessType=0&backUrl=https://merchant.example/acp/notify?x=1&y=2&bizType=000201"
          + "&certId=2880745022483392520273&channelType=07&currencyCode=156&encoding=UTF-8"
          + "&frontUrl=https://merchant.example/front&merId=777290058110048&orderDesc=一杯咖啡"
          + "&orderId=20261127003000001&signMethod=01&txnAmt=10000&txnSubType=01"
          + "&txnTime=20261127003000&txnType=01&version=5.1.0";
  static final String HEX_01 = "a35e2c50c88624bf953e251b6b1fd1301a7df70c349e23d63dcdb71bec0e1d38";
  static final String SIGNATURE_01 =
      "BBP0DSQ3sOeL/hKO+pSas8siNf1QgMUJ1dX+eYTsUJ3LiNq8xJm7GPGD/grA9Mnpol5RZtVOIDAEaPWqC8sjPVEgRdI5"
          + "QusLMVk73DuMMvQEM4MjrU3o3F85X233kCzLizCtJsJH7K+sBVrJWuK6E5mmSUWLNSWIEuwB6BMIpzqHJZX0umf"
          + "jGog2QS95J4h7e7YHYAf+0k9TvjDLllL5vtJzLM6VQzw36yx+XSVFmLLHfKCl9W6ADjXGtyoC78EetyaNp7rum2S"
          + "VPCz+f0uNZy8pYFEJ0hV9GXMvd8o/69RZapyAPkoR8fNOTm290iIqdrNZW9/HSGBH+qkpBT7eEw==";

  static final String CONTENT_11 =
      "accessType=0&backUrl=https://merchant.example/acp/notify?x=1&y=2&bizType=000201"
          + "&channelType=07&currencyCode=156&encoding=UTF-8"
          + "&frontUrl=https://merchant.example/front&merId=777290058110048&orderDesc=一杯咖啡"
          + "&orderId=20261127003000001&signMethod=11&txnAmt=10000&txnSubType=01"
          + "&txnTime=20261127003000&txnType=01&version=5.1.0";
  static final String CONTENT_12 = CONTENT_11.replace("signMethod=11", "signMethod=12");
  static final String KEY_SHA256 =
      "f74f4ee1ee8b45649b20491fcd2f4f113e7ed84263adb291117b08cf97b1a6e6";
  static final String SIGNATURE_11 =
      "d67f836c98683e384fb183fec1237f41fb541531db434eddf8a9f194e462c956";
  static final String KEY_SM3 = "3003b61964931f3ddb1a6e64f9433863c69338b63a21955947996801c841243f";
  static final String SIGNATURE_12 =
      "abc43f19e0659b279d78de521685ce739e8e8c177b7c67ee9568390de133ac31";

  @Test
  void contentIsTheHandWrittenLiteral() {
    Map<String, String> fields = consume();
    fields.put("certId", FIXTURE_CERT_ID);
    fields.put("signMethod", "01");
    assertThat(UnionPaySignContent.of(fields)).isEqualTo(CONTENT_01);
  }

  @Test
  void sha256HexMatchesMessageDigestAndSha256sum() throws Exception {
    byte[] digest =
        MessageDigest.getInstance("SHA-256").digest(CONTENT_01.getBytes(StandardCharsets.UTF_8));
    assertThat(HexFormat.of().formatHex(digest)).isEqualTo(HEX_01);
    assertThat(UnionPaySignMethod.RSA.hex(CONTENT_01, StandardCharsets.UTF_8)).isEqualTo(HEX_01);
  }

  @Test
  void signMethod01MatchesOpensslOverTheHexText() throws Exception {
    X509Certificate cert = UnionPayFixture.certificate();
    Map<String, String> signed = UnionPaySigner.rsa(UnionPayFixture.key(), cert).sign(consume());

    Signature jca = Signature.getInstance("SHA256withRSA");
    jca.initSign(UnionPayFixture.key());
    jca.update(HEX_01.getBytes(StandardCharsets.US_ASCII));
    assertThat(Base64.getEncoder().encodeToString(jca.sign())).isEqualTo(SIGNATURE_01);

    assertThat(signed)
        .containsEntry("certId", FIXTURE_CERT_ID)
        .containsEntry("signMethod", "01")
        .containsEntry("frontUrl", "https://merchant.example/front")
        .containsEntry("signature", SIGNATURE_01)
        .doesNotContainKeys("reqReserved", "riskRateInfo");
    assertThat(UnionPaySignContent.of(signed)).isEqualTo(CONTENT_01);
  }

  @Test
  void certIdIsTheDecimalSerialAbove2To63() {
    X509Certificate cert = UnionPayFixture.certificate();
    assertThat(cert.getSerialNumber()).isGreaterThan(BigInteger.TWO.pow(63));
    assertThat(UnionPayCertificates.certId(cert))
        .isEqualTo(cert.getSerialNumber().toString())
        .isEqualTo(FIXTURE_CERT_ID);
  }

  @Test
  void signMethod11MatchesSha256sum() throws Exception {
    MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
    String keyHex =
        HexFormat.of().formatHex(sha256.digest(SECURE_KEY.getBytes(StandardCharsets.UTF_8)));
    assertThat(keyHex).isEqualTo(KEY_SHA256);
    String independent =
        HexFormat.of()
            .formatHex(sha256.digest((CONTENT_11 + "&" + keyHex).getBytes(StandardCharsets.UTF_8)));
    assertThat(independent).isEqualTo(SIGNATURE_11);

    Map<String, String> signed =
        UnionPaySigner.secureKey(UnionPaySignMethod.SHA256, SECURE_KEY).sign(consume());
    assertThat(signed).containsEntry("signature", SIGNATURE_11).doesNotContainKey("certId");
    assertThat(UnionPaySignContent.of(signed)).isEqualTo(CONTENT_11);
  }

  @Test
  void signMethod12MatchesOpensslSm3() {
    String keyHex = sm3Hex(SECURE_KEY);
    assertThat(keyHex).isEqualTo(KEY_SM3);
    assertThat(sm3Hex(CONTENT_12 + "&" + keyHex)).isEqualTo(SIGNATURE_12);

    Map<String, String> signed =
        UnionPaySigner.secureKey(UnionPaySignMethod.SM3, SECURE_KEY).sign(consume());
    assertThat(signed).containsEntry("signature", SIGNATURE_12).doesNotContainKey("certId");
    assertThat(UnionPaySignContent.of(signed)).isEqualTo(CONTENT_12);
  }

  @Test
  void sm3StandardVectorAbc() {
    String expected = "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0";
    assertThat(sm3Hex("abc")).isEqualTo(expected);
    assertThat(UnionPaySignMethod.SM3.hex("abc", StandardCharsets.UTF_8)).isEqualTo(expected);
  }

  @Test
  void signingNeitherModifiesTheCallersMapNorAllowsLaterEdits() {
    Map<String, String> fields = consume();
    Map<String, String> before = new LinkedHashMap<>(fields);
    Map<String, String> signed =
        UnionPaySigner.secureKey(UnionPaySignMethod.SHA256, SECURE_KEY).sign(fields);
    assertThat(fields).isEqualTo(before);
    assertThatThrownBy(() -> signed.put("txnAmt", "1"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void contentBytesFollowTheEncodingField() throws Exception {
    Map<String, String> fields = consume();
    fields.put("encoding", "GBK");
    Map<String, String> signed =
        UnionPaySigner.secureKey(UnionPaySignMethod.SHA256, SECURE_KEY).sign(fields);
    String content = CONTENT_11.replace("encoding=UTF-8", "encoding=GBK");
    MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
    byte[] gbk = (content + "&" + KEY_SHA256).getBytes(Charset.forName("GBK"));
    assertThat(signed.get("signature")).isEqualTo(HexFormat.of().formatHex(sha256.digest(gbk)));
  }

  @Test
  void signersRefuseWhatAcp510CannotSign() {
    Map<String, String> old = consume();
    old.put("version", "5.0.0");
    UnionPaySigner rsa = UnionPaySigner.rsa(UnionPayFixture.key(), UnionPayFixture.certificate());
    assertThatThrownBy(() -> rsa.sign(old)).hasMessageContaining("5.1.0");
    assertThatThrownBy(() -> UnionPaySigner.secureKey(UnionPaySignMethod.RSA, SECURE_KEY))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> UnionPaySigner.secureKey(UnionPaySignMethod.SM3, " "))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
