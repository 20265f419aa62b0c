package com.payhub.channel.wechatpay;

import static com.payhub.channel.wechatpay.WechatPayTestKeys.MERCHANT;
import static com.payhub.channel.wechatpay.WechatPayTestKeys.PLATFORM;
import static com.payhub.channel.wechatpay.WechatPayTestKeys.PLATFORM_PUBKEY;
import static com.payhub.channel.wechatpay.WechatPayTestKeys.STRANGER;
import static org.assertj.core.api.Assertions.assertThat;

import com.payhub.channel.wechatpay.WechatPaySignatureException.Reason;
import com.payhub.crypto.Credential;
import com.payhub.crypto.DecryptionFailedException;
import com.payhub.crypto.KeyEntry;
import com.payhub.crypto.camel.ProcessorPropertyException;
import com.payhub.crypto.camel.YamlRouteHarness;
import com.wechat.pay.java.core.cipher.RSASigner;
import com.wechat.pay.java.core.cipher.RSAVerifier;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The WeChat Pay processors as a route file declares them ({@code
 * processors/wechatpay.camel.yaml}), in a plain Camel context; wechatpay-java-core judges and makes
 * the signatures.
 */
class WechatPayProcessorTest {

  static final String MCHID = "1900000001";
  static final String API_V3_KEY = WechatPayNotificationTest.API_V3_KEY;
  static final Map<String, Credential> CREDENTIALS =
      Map.of(
          "wechatpay-merchant",
          new Credential("wechatpay-merchant", List.of(MERCHANT.entry())),
          "wechatpay-platform",
          new Credential(
              "wechatpay-platform",
              List.of(
                  PLATFORM.publicEntry(),
                  PLATFORM_PUBKEY.publicEntry(),
                  new KeyEntry(
                      "api-v3-key",
                      null,
                      null,
                      null,
                      API_V3_KEY.getBytes(StandardCharsets.US_ASCII)))));

  static YamlRouteHarness routes;

  @BeforeAll
  static void start() throws Exception {
    routes = YamlRouteHarness.start("wechatpay.camel.yaml", CREDENTIALS);
  }

  @AfterAll
  static void stop() {
    routes.close();
  }

  @Test
  void postAuthorizationVerifiesWithTheSdk() {
    String body = "{\"description\":\"图像形象店\",\"amount\":{\"total\":100}}";

    Exchange out =
        routes.send(
            "wechatpay-sign",
            body,
            Map.of(
                Exchange.HTTP_METHOD, "POST", Exchange.HTTP_PATH, "/v3/pay/transactions/native"));

    assertThat(out.getException()).isNull();
    WechatPayAuthorizationHeader h = authorization(out);
    assertThat(h.mchId()).isEqualTo(MCHID);
    assertThat(h.serialNo()).isEqualTo(WechatPaySerials.of(MERCHANT.certificate()));
    assertThat(sdkVerifies(h, "POST", "/v3/pay/transactions/native", body)).isTrue();
    assertThat(sdkVerifies(h, "POST", "/v3/pay/transactions/native", body + " ")).isFalse();
    // the bytes signed are the bytes sent
    assertThat(out.getMessage().getBody()).isEqualTo(body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void getSignsTheUrlWithQueryAndNoBody() {
    String url = "/v3/pay/transactions/id/42?mchid=1900000001&x=%E4%B8%AD";

    Exchange byUri =
        routes.send(
            "wechatpay-sign",
            "left over",
            Map.of(
                Exchange.HTTP_METHOD,
                "GET",
                Exchange.HTTP_URI,
                "https://api.mch.weixin.qq.com" + url));
    Exchange byPathAndQuery =
        routes.send(
            "wechatpay-sign",
            null,
            Map.of(
                Exchange.HTTP_PATH, "v3/pay/transactions/id/42",
                Exchange.HTTP_QUERY, "mchid=1900000001&x=%E4%B8%AD"));
    Exchange byExplicitHeader =
        routes.send(
            "wechatpay-sign",
            null,
            Map.of(WechatPaySignProcessor.URL_HEADER, url, Exchange.HTTP_PATH, "/somewhere/else"));

    for (Exchange out : List.of(byUri, byPathAndQuery, byExplicitHeader)) {
      assertThat(out.getException()).isNull();
      assertThat(sdkVerifies(authorization(out), "GET", url, "")).isTrue();
    }
  }

  @Test
  void responseSignedByEitherPlatformKeyVerifies() throws Exception {
    byte[] raw =
        "{\"code_url\":\"weixin://wxpay/bizpayurl?pr=p4lpSuKzz\"}".getBytes(StandardCharsets.UTF_8);

    for (WechatPayTestKeys.TestKey key : List.of(PLATFORM, PLATFORM_PUBKEY)) {
      Exchange out = routes.send("wechatpay-verify", raw, sdkSigned(key, raw));

      assertThat(out.getException()).isNull();
      assertThat(out.getMessage().getHeader("PayHubSignatureVerified")).isEqualTo(true);
      assertThat(out.getMessage().getHeader(WechatPayVerifyProcessor.SERIAL_HEADER))
          .isEqualTo(key.keyId());
      assertThat(out.getMessage().getBody()).isEqualTo(raw);
    }
  }

  @Test
  void tamperedOrUnknownResponsesAreRefusedWithTheTypedException() throws Exception {
    byte[] raw = "{\"trade_state\":\"SUCCESS\"}".getBytes(StandardCharsets.UTF_8);
    byte[] tampered = "{\"trade_state\":\"NOTPAY\"}".getBytes(StandardCharsets.UTF_8);

    assertThat(reason(routes.send("wechatpay-verify", tampered, sdkSigned(PLATFORM, raw))))
        .isEqualTo(Reason.SIGNATURE_INVALID);
    assertThat(reason(routes.send("wechatpay-verify", raw, sdkSigned(STRANGER, raw))))
        .isEqualTo(Reason.UNKNOWN_SERIAL);
    assertThat(reason(routes.send("wechatpay-verify", raw, Map.of())))
        .isEqualTo(Reason.MISSING_HEADER);
  }

  @Test
  void notificationIsVerifiedThenDecrypted() throws Exception {
    byte[] raw = WechatPayNotificationTest.KAT_BODY; // ciphertext made outside Java

    Exchange out = routes.send("wechatpay-notify", raw, sdkSigned(PLATFORM_PUBKEY, raw));

    assertThat(out.getException()).isNull();
    assertThat(out.getMessage().getBody()).isEqualTo(WechatPayNotificationTest.PLAINTEXT);
    assertThat(out.getMessage().getHeader("PayHubSignatureVerified")).isEqualTo(true);
    assertThat(out.getMessage().getHeader(WechatPayDecryptProcessor.EVENT_TYPE_HEADER))
        .isEqualTo("TRANSACTION.SUCCESS");
    assertThat(out.getMessage().getHeader(WechatPayDecryptProcessor.NOTIFICATION_ID_HEADER))
        .isEqualTo("EV-2018022511223320873");
  }

  @Test
  void aTamperedNotificationIsNotDecrypted() throws Exception {
    byte[] raw = WechatPayNotificationTest.KAT_BODY;
    byte[] tampered =
        new String(raw, StandardCharsets.UTF_8)
            .replace("支付成功", "支付失败")
            .getBytes(StandardCharsets.UTF_8);

    Exchange out = routes.send("wechatpay-notify", tampered, sdkSigned(PLATFORM, raw));

    assertThat(reason(out)).isEqualTo(Reason.SIGNATURE_INVALID);
    assertThat(out.getMessage().getBody()).isEqualTo(tampered);
  }

  @Test
  void aSignedNotificationWithAForeignCiphertextDoesNotDecrypt() throws Exception {
    byte[] raw =
        WechatPayNotificationTest.body(
                "AEAD_AES_256_GCM",
                WechatPayNotificationTest.CIPHERTEXT,
                "\"associated_data\":\"refund\",",
                "fX1yKm9pQ2aZ")
            .getBytes(StandardCharsets.UTF_8);

    Exchange out = routes.send("wechatpay-notify", raw, sdkSigned(PLATFORM, raw));

    assertThat(out.getException()).isInstanceOf(DecryptionFailedException.class);
  }

  @Test
  void aSigningBeanWithoutMchIdStopsTheRoutesWithASentenceNamingIt() throws Exception {
    Throwable failure =
        YamlRouteHarness.startFailure("wechatpay-no-mch-id.camel.yaml", CREDENTIALS);

    assertThat(YamlRouteHarness.rootCause(failure))
        .isInstanceOf(ProcessorPropertyException.class)
        .hasMessageStartingWith("WechatPaySignProcessor needs the bean property 'mchId'");
  }

  private static WechatPayAuthorizationHeader authorization(Exchange out) {
    return WechatPayAuthorizationHeader.parse(
        out.getMessage().getHeader(WechatPayHeaders.AUTHORIZATION, String.class));
  }

  /** The message rebuilt by hand, judged by the SDK's verifier with the merchant public key. */
  private static boolean sdkVerifies(
      WechatPayAuthorizationHeader h, String method, String url, String body) {
    String message =
        method + "\n" + url + "\n" + h.timestamp() + "\n" + h.nonceStr() + "\n" + body + "\n";
    return new RSAVerifier(MERCHANT.pair().getPublic(), h.serialNo())
        .verify(h.serialNo(), message, h.signature());
  }

  /** Wechatpay-* headers made with the SDK's signer, as WeChat Pay would send them. */
  private static Map<String, Object> sdkSigned(WechatPayTestKeys.TestKey key, byte[] raw) {
    String timestamp = Long.toString(Instant.now().getEpochSecond());
    String nonce = WechatPayNonce.next();
    String message =
        timestamp + "\n" + nonce + "\n" + new String(raw, StandardCharsets.UTF_8) + "\n";
    Map<String, Object> headers = new HashMap<>();
    headers.put("Wechatpay-Timestamp", timestamp);
    headers.put("Wechatpay-Nonce", nonce);
    headers.put(
        "Wechatpay-Signature",
        new RSASigner(key.keyId(), key.pair().getPrivate()).sign(message).getSign());
    headers.put("Wechatpay-Serial", key.keyId());
    return headers;
  }

  private static Reason reason(Exchange out) {
    assertThat(out.getException()).isInstanceOf(WechatPaySignatureException.class);
    return ((WechatPaySignatureException) out.getException()).reason();
  }
}
