package com.payhub.channel.wechatpay;

import static com.payhub.channel.wechatpay.WechatPayTestKeys.PLATFORM;
import static com.payhub.channel.wechatpay.WechatPayTestKeys.PLATFORM_PUBKEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.payhub.channel.wechatpay.WechatPaySignatureException.Reason;
import com.payhub.crypto.Credential;
import com.payhub.crypto.JcaSigner;
import com.payhub.crypto.RsaHash;
import com.wechat.pay.java.core.cipher.AeadAesCipher;
import com.wechat.pay.java.core.cipher.RSAPrivacyDecryptor;
import com.wechat.pay.java.core.cipher.RSAPrivacyEncryptor;
import com.wechat.pay.java.core.exception.ValidationException;
import com.wechat.pay.java.core.notification.NotificationParser;
import com.wechat.pay.java.core.notification.RSANotificationConfig;
import com.wechat.pay.java.core.notification.RSAPublicKeyNotificationConfig;
import com.wechat.pay.java.core.notification.RequestParam;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The official wechatpay-java-core 0.2.17 as an independent judge of PayHub's notifications
 * (NotificationParser, AeadAesCipher) and sensitive fields (RSAPrivacyEncryptor/Decryptor).
 */
class WechatPaySdkCipherOracleTest {

  static final String API_V3_KEY = WechatPayNotificationTest.API_V3_KEY;
  static final String MCHID = "1900000001";
  static final String PLAINTEXT = WechatPayNotificationTest.PLAINTEXT;

  private final Clock now = Clock.systemUTC(); // the SDK's validators read the real clock

  @Test
  void sdkNotificationParserDecryptsAPayhubNotification() throws Exception {
    byte[] raw = payhubNotification("transaction");
    JsonObject expected = JsonParser.parseString(PLAINTEXT).getAsJsonObject();

    Map<String, String> h =
        new WechatPayResponseSigner(PLATFORM.keyId(), rsa(PLATFORM), now).sign(raw);
    NotificationParser byCert =
        new NotificationParser(
            new RSANotificationConfig.Builder()
                .certificates(PLATFORM.certificate())
                .apiV3Key(API_V3_KEY)
                .build());
    assertThat(byCert.parse(requestParam(h, raw), JsonObject.class)).isEqualTo(expected);

    Map<String, String> hId =
        new WechatPayResponseSigner(PLATFORM_PUBKEY.keyId(), rsa(PLATFORM_PUBKEY), now).sign(raw);
    NotificationParser byId =
        new NotificationParser(
            new RSAPublicKeyNotificationConfig.Builder()
                .publicKey(PLATFORM_PUBKEY.pair().getPublic())
                .publicKeyId(PLATFORM_PUBKEY.keyId())
                .apiV3Key(API_V3_KEY)
                .build());
    assertThat(byId.parse(requestParam(hId, raw), JsonObject.class)).isEqualTo(expected);

    // and PayHub reads its own notification the same way
    WechatPayNotification.Verified v =
        WechatPayNotification.verifyAndDecrypt(
            platformVerifier(now), hId, raw, WechatPayResourceCipher.ofApiV3Key(API_V3_KEY));
    assertThat(JsonParser.parseString(v.plaintext())).isEqualTo(expected);
  }

  @Test
  void theSdkParserIgnoresTheTimestampSoPayhubMustCheckIt() throws Exception {
    byte[] raw = payhubNotification("transaction");
    String hourAgo = Long.toString(now.instant().getEpochSecond() - 3600);
    Map<String, String> h =
        new WechatPayResponseSigner(PLATFORM.keyId(), rsa(PLATFORM), now)
            .sign(raw, hourAgo, WechatPayNonce.next());
    NotificationParser sdk =
        new NotificationParser(
            new RSANotificationConfig.Builder()
                .certificates(PLATFORM.certificate())
                .apiV3Key(API_V3_KEY)
                .build());
    assertThat(sdk.parse(requestParam(h, raw), JsonObject.class)).isNotNull();
    assertThat(platformVerifier(now).check(h, raw)).contains(Reason.STALE_TIMESTAMP);

    // both refuse a signature that does not verify
    Map<String, String> bad = new java.util.HashMap<>(h);
    bad.put("Wechatpay-Timestamp", Long.toString(now.instant().getEpochSecond()));
    assertThatThrownBy(() -> sdk.parse(requestParam(bad, raw), JsonObject.class))
        .isInstanceOf(ValidationException.class);
    assertThat(platformVerifier(now).check(bad, raw)).contains(Reason.SIGNATURE_INVALID);
  }

  @Test
  void aeadCiphersAgreeBothWays() {
    byte[] key = API_V3_KEY.getBytes(StandardCharsets.UTF_8);
    AeadAesCipher sdk = new AeadAesCipher(key);
    WechatPayResourceCipher payhub = new WechatPayResourceCipher(key);
    String nonce = "0123456789ab";
    String aad = "transaction";

    String sdkCiphertext =
        sdk.encrypt(
            aad.getBytes(StandardCharsets.UTF_8),
            nonce.getBytes(StandardCharsets.UTF_8),
            PLAINTEXT.getBytes(StandardCharsets.UTF_8));
    WechatPayNotification.Resource fromSdk =
        new WechatPayNotification.Resource(
            "AEAD_AES_256_GCM", sdkCiphertext, aad, nonce, "transaction");
    assertThat(new String(payhub.decrypt(fromSdk), StandardCharsets.UTF_8)).isEqualTo(PLAINTEXT);

    WechatPayNotification.Resource fromPayhub =
        payhub.encrypt("transaction", aad, nonce, PLAINTEXT.getBytes(StandardCharsets.UTF_8));
    assertThat(fromPayhub.ciphertext()).isEqualTo(sdkCiphertext); // same key, IV, AAD: same bytes
    assertThat(
            sdk.decrypt(
                aad.getBytes(StandardCharsets.UTF_8),
                nonce.getBytes(StandardCharsets.UTF_8),
                Base64.getDecoder().decode(fromPayhub.ciphertext())))
        .isEqualTo(PLAINTEXT);

    // the SDK also opens the Python-made known answer
    assertThat(
            sdk.decrypt(
                aad.getBytes(StandardCharsets.UTF_8),
                "fX1yKm9pQ2aZ".getBytes(StandardCharsets.UTF_8),
                Base64.getDecoder().decode(WechatPayNotificationTest.CIPHERTEXT)))
        .isEqualTo(PLAINTEXT);
  }

  @Test
  void sensitiveFieldsCrossTheSdkBothWays() {
    RSAPrivacyEncryptor sdkEncryptor =
        new RSAPrivacyEncryptor(PLATFORM.pair().getPublic(), PLATFORM.keyId());
    String fromSdk = sdkEncryptor.encrypt("张三");
    assertThat(WechatPaySensitiveField.decrypt(PLATFORM.pair().getPrivate(), fromSdk))
        .isEqualTo("张三");

    WechatPaySensitiveField.Encrypted fromPayhub =
        new WechatPaySensitiveField(PLATFORM.publicEntry()).encrypt("13800138000");
    assertThat(
            new RSAPrivacyDecryptor(PLATFORM.pair().getPrivate()).decrypt(fromPayhub.ciphertext()))
        .isEqualTo("13800138000");
    assertThat(fromPayhub.wechatpaySerial()).isEqualTo(sdkEncryptor.getWechatpaySerial());
  }

  private static WechatPaySignatureVerifier platformVerifier(Clock clock) {
    return WechatPaySignatureVerifier.of(
        new Credential("wechatpay", List.of(PLATFORM.publicEntry(), PLATFORM_PUBKEY.publicEntry())),
        clock);
  }

  private static JcaSigner rsa(WechatPayTestKeys.TestKey key) {
    return JcaSigner.rsa(RsaHash.SHA256, key.pair().getPrivate());
  }

  /** A notification as WeChat would send it, built with PayHub's cipher and Jackson. */
  private static byte[] payhubNotification(String aad) throws Exception {
    WechatPayNotification.Resource resource =
        WechatPayResourceCipher.ofApiV3Key(API_V3_KEY)
            .encrypt(
                "transaction", aad, "a1b2c3d4e5f6", PLAINTEXT.getBytes(StandardCharsets.UTF_8));
    WechatPayNotification n =
        new WechatPayNotification(
            "EV-2018022511223320873",
            "2015-05-20T13:29:35+08:00",
            "TRANSACTION.SUCCESS",
            "encrypt-resource",
            "支付成功",
            resource);
    return new ObjectMapper().writeValueAsBytes(n);
  }

  private static RequestParam requestParam(Map<String, String> h, byte[] raw) {
    return new RequestParam.Builder()
        .serialNumber(h.get("Wechatpay-Serial"))
        .nonce(h.get("Wechatpay-Nonce"))
        .signature(h.get("Wechatpay-Signature"))
        .timestamp(h.get("Wechatpay-Timestamp"))
        .signType(h.get("Wechatpay-Signature-Type"))
        .body(new String(raw, StandardCharsets.UTF_8))
        .build();
  }
}
