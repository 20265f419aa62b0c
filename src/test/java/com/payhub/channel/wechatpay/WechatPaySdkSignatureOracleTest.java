package com.payhub.channel.wechatpay;

import static com.payhub.channel.wechatpay.WechatPayTestKeys.MERCHANT;
import static com.payhub.channel.wechatpay.WechatPayTestKeys.PLATFORM;
import static com.payhub.channel.wechatpay.WechatPayTestKeys.PLATFORM_PUBKEY;
import static org.assertj.core.api.Assertions.assertThat;

import com.payhub.crypto.Credential;
import com.payhub.crypto.JcaSigner;
import com.payhub.crypto.JcaVerifier;
import com.payhub.crypto.RsaHash;
import com.wechat.pay.java.core.auth.WechatPay2Credential;
import com.wechat.pay.java.core.auth.WechatPay2Validator;
import com.wechat.pay.java.core.certificate.InMemoryCertificateProvider;
import com.wechat.pay.java.core.cipher.RSASigner;
import com.wechat.pay.java.core.cipher.RSAVerifier;
import com.wechat.pay.java.core.http.HttpHeaders;
import com.wechat.pay.java.core.util.PemUtil;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The official wechatpay-java-core 0.2.17 as an independent judge of PayHub's signatures: request
 * Authorization headers and response/notification signatures, both directions.
 */
class WechatPaySdkSignatureOracleTest {

  static final String API_V3_KEY = WechatPayNotificationTest.API_V3_KEY;
  static final String MCHID = "1900000001";
  static final String PLAINTEXT = WechatPayNotificationTest.PLAINTEXT;

  private final Clock now = Clock.systemUTC(); // the SDK's validators read the real clock

  @Test
  void serialFormatMatchesPemUtil() {
    assertThat(WechatPaySerials.of(MERCHANT.certificate()))
        .isEqualTo(PemUtil.getSerialNumber(MERCHANT.certificate()))
        .isEqualTo("ABCDEF0123456789");
    assertThat(WechatPaySerials.of(PLATFORM.certificate()))
        .isEqualTo(PemUtil.getSerialNumber(PLATFORM.certificate()));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "POST|https://api.mch.weixin.qq.com/v3/pay/transactions/jsapi|{\"description\":\"图像\\n形象店\"}",
        "GET|https://api.mch.weixin.qq.com/v3/pay/transactions/id/42?mchid=1900000001&x=%E4%B8%AD|",
        "POST|https://api.mch.weixin.qq.com/v3/refund/domestic/refunds|''"
      })
  void payhubAuthorizationIsByteIdenticalToTheSdksForTheSameNonceAndTime(
      String method, String url, String body) {
    URI uri = URI.create(url);
    RSASigner sdkSigner = new RSASigner(MERCHANT.keyId(), MERCHANT.pair().getPrivate());
    String sdkHeader =
        new WechatPay2Credential(MCHID, sdkSigner).getAuthorization(uri, method, body);

    WechatPayAuthorizationHeader sdk = WechatPayAuthorizationHeader.parse(sdkHeader);
    Clock sdkTime =
        Clock.fixed(Instant.ofEpochSecond(Long.parseLong(sdk.timestamp())), ZoneOffset.UTC);
    WechatPayAuthorization payhub =
        new WechatPayAuthorization(
            MCHID,
            WechatPaySerials.of(MERCHANT.certificate()),
            JcaSigner.rsa(RsaHash.SHA256, MERCHANT.pair().getPrivate()),
            sdkTime,
            sdk::nonceStr);
    // PKCS#1 v1.5 is deterministic, so the same message gives the same header, byte for byte
    assertThat(payhub.header(method, uri, body)).isEqualTo(sdkHeader);
  }

  @Test
  void sdkVerifierAcceptsPayhubsRequestSignature() {
    WechatPayAuthorization payhub = WechatPayAuthorization.of(MCHID, MERCHANT.entry(), now);
    String body = "{\"amount\":{\"total\":100,\"currency\":\"CNY\"}}";
    WechatPayAuthorizationHeader h =
        WechatPayAuthorizationHeader.parse(
            payhub.header("POST", URI.create("https://h/v3/pay/transactions/native"), body));
    String message =
        "POST\n/v3/pay/transactions/native\n"
            + h.timestamp()
            + "\n"
            + h.nonceStr()
            + "\n"
            + body
            + "\n";
    RSAVerifier sdk = new RSAVerifier(MERCHANT.pair().getPublic(), h.serialNo());
    assertThat(sdk.verify(h.serialNo(), message, h.signature())).isTrue();
    assertThat(sdk.verify(h.serialNo(), message.replace("100", "101"), h.signature())).isFalse();
  }

  @Test
  void sdkValidatorAcceptsPayhubsResponseSignatureByCertificateAndByPublicKeyId() {
    String body = "{\"code_url\":\"weixin://wxpay/bizpayurl?pr=p4lpSuKzz\",\"备注\":\"a\\nb\"}";
    byte[] raw = body.getBytes(StandardCharsets.UTF_8);

    Map<String, String> byCert =
        Map.copyOf(new WechatPayResponseSigner(PLATFORM.keyId(), rsa(PLATFORM), now).sign(raw));
    RSAVerifier certVerifier =
        new RSAVerifier(new InMemoryCertificateProvider(List.of(PLATFORM.certificate())));
    assertThat(new WechatPay2Validator(certVerifier).validate(new HttpHeaders(byCert), body))
        .isTrue();

    Map<String, String> byId =
        Map.copyOf(
            new WechatPayResponseSigner(PLATFORM_PUBKEY.keyId(), rsa(PLATFORM_PUBKEY), now)
                .sign(raw));
    RSAVerifier idVerifier =
        new RSAVerifier(PLATFORM_PUBKEY.pair().getPublic(), PLATFORM_PUBKEY.keyId());
    assertThat(new WechatPay2Validator(idVerifier).validate(new HttpHeaders(byId), body)).isTrue();
    assertThat(new WechatPay2Validator(idVerifier).validate(new HttpHeaders(byId), body + " "))
        .isFalse();
  }

  @Test
  void payhubAcceptsTheSdksSignatures() {
    String body = "{\"trade_state\":\"SUCCESS\",\"payer\":{\"openid\":\"o-中\"}}";
    String timestamp = Long.toString(now.instant().getEpochSecond());
    String nonce = "c5ac7061fccab6bf3e254dcf98995b8c";
    String message = timestamp + "\n" + nonce + "\n" + body + "\n";
    WechatPaySignatureVerifier verifier = platformVerifier(now);

    for (WechatPayTestKeys.TestKey key : List.of(PLATFORM, PLATFORM_PUBKEY)) {
      String sdkSignature =
          new RSASigner(key.keyId(), key.pair().getPrivate()).sign(message).getSign();
      Map<String, String> headers =
          Map.of(
              "Wechatpay-Timestamp", timestamp,
              "Wechatpay-Nonce", nonce,
              "Wechatpay-Signature", sdkSignature,
              "Wechatpay-Serial", key.keyId());
      assertThat(verifier.verify(headers, body.getBytes(StandardCharsets.UTF_8)))
          .isEqualTo(key.keyId());
    }
  }

  @Test
  void payhubVerifiesTheSdksAuthorizationHeader() {
    URI uri =
        URI.create("https://api.mch.weixin.qq.com/v3/pay/transactions/out-trade-no/PH1?mchid=1");
    String header =
        new WechatPay2Credential(
                MCHID, new RSASigner(MERCHANT.keyId(), MERCHANT.pair().getPrivate()))
            .getAuthorization(uri, "GET", null);
    WechatPayAuthorizationHeader h = WechatPayAuthorizationHeader.parse(header);
    assertThat(h.mchId()).isEqualTo(MCHID);
    assertThat(h.nonceStr()).matches("[0-9A-Za-z]{32}");
    byte[] message =
        WechatPayMessages.request(
            "GET",
            WechatPayMessages.canonicalUrl(uri),
            Long.parseLong(h.timestamp()),
            h.nonceStr(),
            null);
    assertThat(
            JcaVerifier.rsa(RsaHash.SHA256, MERCHANT.pair().getPublic())
                .verify(message, Base64.getDecoder().decode(h.signature())))
        .isTrue();
  }

  private static WechatPaySignatureVerifier platformVerifier(Clock clock) {
    return WechatPaySignatureVerifier.of(
        new Credential("wechatpay", List.of(PLATFORM.publicEntry(), PLATFORM_PUBKEY.publicEntry())),
        clock);
  }

  private static JcaSigner rsa(WechatPayTestKeys.TestKey key) {
    return JcaSigner.rsa(RsaHash.SHA256, key.pair().getPrivate());
  }
}
