package com.payhub.channel.alipay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.bouncycastle.jcajce.provider.asymmetric.util.ECUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Round trips (keys made per run) and the signed-parameter helpers. */
class AlipaySignerTest {

  static KeyPair keys(AlipaySignType type) {
    return type == AlipaySignType.SM2 ? AlipayTestKeys.SM2 : AlipayTestKeys.RSA;
  }

  static Map<String, String> request(AlipaySignType type, String charset) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("app_id", "2021000000000001");
    p.put("method", "alipay.trade.page.pay");
    p.put("format", "JSON");
    p.put("charset", charset);
    p.put("sign_type", type.wireName());
    p.put("timestamp", "2024-01-02 03:04:05");
    p.put("version", "1.0");
    p.put("return_url", "https://shop.example/return?x=1&y=a b");
    p.put("biz_content", "{\"subject\":\"中文 & = + % 😀\",\"total_amount\":\"0.01\"}");
    return p;
  }

  @ParameterizedTest
  @EnumSource(AlipaySignType.class)
  void signThenVerifyRoundTrips(AlipaySignType type) {
    for (String charset : new String[] {"UTF-8", "GBK", ""}) {
      Map<String, String> p = request(type, charset);
      if (charset.equals("GBK")) {
        p.put("biz_content", "{\"subject\":\"中文 & = + %\"}"); // GBK has no emoji
      }
      AlipaySigner signer = new AlipaySigner(type, keys(type).getPrivate());
      String sign = signer.sign(p);
      Charset cs = charset.isEmpty() ? StandardCharsets.UTF_8 : Charset.forName(charset);
      byte[] content = AlipaySignContent.forRequest(p).getBytes(cs);
      assertThat(
              type.verifier(keys(type).getPublic())
                  .verify(content, Base64.getDecoder().decode(sign)))
          .as("%s in %s", type, charset)
          .isTrue();
    }
  }

  @Test
  void sm2IsSm3WithSm2UnderTheDefaultUserIdPerBouncyCastleDirectly() throws Exception {
    Map<String, String> p = request(AlipaySignType.SM2, "UTF-8");
    String sign = new AlipaySigner(AlipaySignType.SM2, AlipayTestKeys.SM2.getPrivate()).sign(p);
    // BouncyCastle's lightweight SM2Signer, not the JCA path PayHub uses
    SM2Signer bc = new SM2Signer();
    bc.init(
        false,
        new ParametersWithID(
            ECUtil.generatePublicKeyParameter(AlipayTestKeys.SM2.getPublic()),
            "1234567812345678".getBytes(StandardCharsets.US_ASCII)));
    byte[] content = AlipaySignContent.forRequest(p).getBytes(StandardCharsets.UTF_8);
    bc.update(content, 0, content.length);
    assertThat(bc.verifySignature(Base64.getDecoder().decode(sign))).isTrue();
  }

  @Test
  void signedParamsAddSignTypeAndSignWithoutTouchingTheCallersMap() {
    Map<String, String> p = request(AlipaySignType.RSA2, "UTF-8");
    p.remove("sign_type");
    Map<String, String> before = Map.copyOf(p);
    AlipaySigner signer = new AlipaySigner(AlipaySignType.RSA2, AlipayTestKeys.RSA.getPrivate());
    Map<String, String> signed = signer.signedParams(p);
    assertThat(p).isEqualTo(before);
    assertThat(signed).containsEntry("sign_type", "RSA2").containsKey("sign");
    Map<String, String> unsigned = new HashMap<>(signed);
    unsigned.remove("sign");
    assertThat(signed.get("sign")).isEqualTo(signer.sign(unsigned));
    assertThatThrownBy(() -> signed.put("x", "y"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void theQueryIsEncodedAfterSigningAndDecodesBackToTheSignedValues() {
    for (String charset : new String[] {"UTF-8", "GBK"}) {
      Map<String, String> p = request(AlipaySignType.RSA2, charset);
      p.put("biz_content", "{\"subject\":\"中文 & = + %\"}");
      p.put("app_auth_token", " "); // blank: neither signed nor sent
      AlipaySigner signer = new AlipaySigner(AlipaySignType.RSA2, AlipayTestKeys.RSA.getPrivate());
      String query = signer.signedQuery(p);
      assertThat(query).doesNotContain("中", " ", "app_auth_token").contains("&sign=");
      Map<String, String> back = new HashMap<>();
      for (String pair : query.split("&")) {
        String[] kv = pair.split("=", 2);
        back.put(
            URLDecoder.decode(kv[0], Charset.forName(charset)),
            URLDecoder.decode(kv[1], Charset.forName(charset)));
      }
      p.remove("app_auth_token");
      assertThat(back).containsAllEntriesOf(p);
      assertThat(back.get("sign")).isEqualTo(signer.sign(p));
    }
  }

  @Test
  void refusesWhatItCannotSignFaithfully() {
    AlipaySigner rsa2 = new AlipaySigner(AlipaySignType.RSA2, AlipayTestKeys.RSA.getPrivate());
    assertThatThrownBy(() -> rsa2.sign(request(AlipaySignType.RSA, "UTF-8")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sign_type");
    Map<String, String> emojiInGbk = request(AlipaySignType.RSA2, "GBK"); // the SDK would sign '?'
    assertThatThrownBy(() -> rsa2.sign(emojiInGbk)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> rsa2.sign(request(AlipaySignType.RSA2, "no-such-charset")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> rsa2.sign(Map.of("sign", "x", "blank", " ")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AlipayQuery.encode(request(AlipaySignType.RSA2, "UTF-8")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void signTypeNamesAreCaseSensitiveLikeTheSdk() {
    assertThat(AlipaySignType.parse("RSA2")).contains(AlipaySignType.RSA2);
    assertThat(AlipaySignType.parse("SM2")).contains(AlipaySignType.SM2);
    assertThat(AlipaySignType.parse("rsa2")).isEmpty();
    assertThat(AlipaySignType.parse(null)).isEmpty();
    assertThat(AlipaySignType.parse("MD5")).isEmpty();
  }
}
