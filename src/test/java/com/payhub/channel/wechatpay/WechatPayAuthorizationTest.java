package com.payhub.channel.wechatpay;

import static com.payhub.channel.wechatpay.WechatPayTestKeys.MERCHANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.payhub.crypto.JcaSigner;
import com.payhub.crypto.JcaVerifier;
import com.payhub.crypto.RsaHash;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WechatPayAuthorizationTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.ofEpochSecond(1554208460L), ZoneOffset.UTC);
  private static final String NONCE = "593BEC0C930BF1AFEB40B4A08C8FB242";
  private static final String BODY = "{\"appid\":\"wxd678efh567hg6787\",\"description\":\"图像\"}";

  @Test
  void headerHasWechatsExactLayoutAndAnIndependentlyComputedSignature() throws Exception {
    WechatPayAuthorization auth =
        new WechatPayAuthorization(
            "1230000109",
            MERCHANT.keyId(),
            JcaSigner.rsa(RsaHash.SHA256, MERCHANT.pair().getPrivate()),
            CLOCK,
            () -> NONCE);

    String header =
        auth.header(
            "POST", URI.create("https://api.mch.weixin.qq.com/v3/pay/transactions/jsapi"), BODY);

    // PKCS#1 v1.5 is deterministic: compute the expected signature straight with the JDK
    Signature jdk = Signature.getInstance("SHA256withRSA");
    jdk.initSign(MERCHANT.pair().getPrivate());
    jdk.update(
        ("POST\n/v3/pay/transactions/jsapi\n1554208460\n" + NONCE + "\n" + BODY + "\n")
            .getBytes(StandardCharsets.UTF_8));
    String expectedSignature = Base64.getEncoder().encodeToString(jdk.sign());
    assertThat(header)
        .isEqualTo(
            "WECHATPAY2-SHA256-RSA2048 mchid=\"1230000109\",nonce_str=\""
                + NONCE
                + "\",timestamp=\"1554208460\",serial_no=\"ABCDEF0123456789\",signature=\""
                + expectedSignature
                + "\"");
  }

  @Test
  void serialComesFromTheCertificateInUppercaseHexWithoutLeadingZeros() {
    WechatPayAuthorization auth = WechatPayAuthorization.of("1230000109", MERCHANT.entry(), CLOCK);
    assertThat(auth.serialNo()).isEqualTo("ABCDEF0123456789");
    WechatPayAuthorizationHeader h =
        WechatPayAuthorizationHeader.parse(
            auth.header("GET", URI.create("https://h/v3/certificates"), null));
    assertThat(h.serialNo()).isEqualTo("ABCDEF0123456789");
    assertThat(h.timestamp()).isEqualTo("1554208460");
    byte[] message =
        WechatPayMessages.request("GET", "/v3/certificates", 1554208460L, h.nonceStr(), null);
    assertThat(
            JcaVerifier.rsa(RsaHash.SHA256, MERCHANT.pair().getPublic())
                .verify(message, Base64.getDecoder().decode(h.signature())))
        .isTrue();
  }

  @Test
  void noncesAre32RandomAlphanumerics() {
    WechatPayAuthorization auth = WechatPayAuthorization.of("1230000109", MERCHANT.entry(), CLOCK);
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 20; i++) {
      String nonce =
          WechatPayAuthorizationHeader.parse(auth.header("GET", URI.create("https://h/v3/x"), ""))
              .nonceStr();
      assertThat(nonce).matches("[0-9A-Za-z]{32}");
      seen.add(nonce);
    }
    assertThat(seen).hasSize(20);
  }

  @Test
  void refusesIncompleteConfigurationAndOtherAlgorithms() {
    JcaSigner sha1 = JcaSigner.rsa(RsaHash.SHA1, MERCHANT.pair().getPrivate());
    assertThatThrownBy(() -> new WechatPayAuthorization("1230000109", "AB", sha1, CLOCK))
        .isInstanceOf(IllegalArgumentException.class);
    JcaSigner sha256 = JcaSigner.rsa(RsaHash.SHA256, MERCHANT.pair().getPrivate());
    assertThatThrownBy(() -> new WechatPayAuthorization(" ", "AB", sha256, CLOCK))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> WechatPayAuthorization.of("1", MERCHANT.publicEntry(), CLOCK))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void headerParserRejectsOtherSchemasAndMissingFields() {
    assertThatThrownBy(() -> WechatPayAuthorizationHeader.parse("Bearer x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                WechatPayAuthorizationHeader.parse(
                    "WECHATPAY2-SHA256-RSA2048 mchid=\"1\",nonce_str=\"n\""))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                WechatPayAuthorizationHeader.parse(
                    "WECHATPAY2-SHA256-RSA2048 mchid=\"1\" junk,nonce_str=\"n\""))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void toStringDoesNotPrintTheSignature() {
    WechatPayAuthorizationHeader h =
        new WechatPayAuthorizationHeader("1", "n", "2", "AB", "c2VjcmV0LXNpZ25hdHVyZQ==");
    assertThat(h.toString()).doesNotContain("c2VjcmV0LXNpZ25hdHVyZQ==");
  }
}
