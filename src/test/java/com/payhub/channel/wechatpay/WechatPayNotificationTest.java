package com.payhub.channel.wechatpay;

import static com.payhub.channel.wechatpay.WechatPayTestKeys.PLATFORM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.payhub.crypto.Credential;
import com.payhub.crypto.DecryptionFailedException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WechatPayNotificationTest {

  static final String API_V3_KEY = "PayHubApiV3KeyForKnownAnswer0032";

  static final String PLAINTEXT =
      "{\"mchid\":\"1900000001\",\"out_trade_no\":\"PH20240101\",\"trade_state\":\"SUCCESS\","
          + "\"amount\":{\"total\":100,\"currency\":\"CNY\"},\"attach\":\"测试\"}";

  /**
   * Produced independently of Java with Python's {@code cryptography} 48.0.0: {@code
   * AESGCM(b"PayHubApiV3KeyForKnownAnswer0032").encrypt(b"fX1yKm9pQ2aZ", PLAINTEXT.encode(),
   * b"transaction")}, base64.
   */
  static final String CIPHERTEXT =
      "jO9KnudfxFodHQNquGNKCkMaU3eZ8EBqdBc+xS+UiRZ58DlEm8OeXogcAHlb+mWEYx7/wngfXgOLM8/r7kOsWp/+"
          + "GnLRka0AAK3yopelYKPJ/s9+3JxB0i8M8dOBezp/kRXvEhVIYKT/uPVULUG8mUEhU8hnZ+oU2prv4xYFadSo"
          + "rfWD5rpTCHy9l9xPAuQOAKgVAw==";

  /** Same tool, nonce {@code Q2aZfX1yKm9p}, no associated data, plaintext below. */
  static final String CIPHERTEXT_NO_AAD =
      "YFR56pC0GitAdcC0VVxDO8OWV0jCwes3vH0YFD1ORQc0M74gCKsjr5ZEdA==";

  static final String PLAINTEXT_NO_AAD = "{\"refund_status\":\"SUCCESS\"}";

  static String body(String algorithm, String ciphertext, String aadJson, String nonce) {
    return "{\"id\":\"EV-2018022511223320873\",\"create_time\":\"2015-05-20T13:29:35+08:00\","
        + "\"resource_type\":\"encrypt-resource\",\"event_type\":\"TRANSACTION.SUCCESS\","
        + "\"summary\":\"支付成功\",\"unknown_future_field\":1,"
        + "\"resource\":{\"original_type\":\"transaction\",\"algorithm\":\""
        + algorithm
        + "\",\"ciphertext\":\""
        + ciphertext
        + "\","
        + aadJson
        + "\"nonce\":\""
        + nonce
        + "\"}}";
  }

  static final byte[] KAT_BODY =
      body("AEAD_AES_256_GCM", CIPHERTEXT, "\"associated_data\":\"transaction\",", "fX1yKm9pQ2aZ")
          .getBytes(StandardCharsets.UTF_8);

  private final WechatPayResourceCipher cipher = WechatPayResourceCipher.ofApiV3Key(API_V3_KEY);

  @Test
  void parsesTheEnvelope() {
    WechatPayNotification n = WechatPayNotification.parse(KAT_BODY);
    assertThat(n.id()).isEqualTo("EV-2018022511223320873");
    assertThat(n.createTime()).isEqualTo("2015-05-20T13:29:35+08:00");
    assertThat(n.eventType()).isEqualTo("TRANSACTION.SUCCESS");
    assertThat(n.resourceType()).isEqualTo("encrypt-resource");
    assertThat(n.summary()).isEqualTo("支付成功");
    assertThat(n.resource().algorithm()).isEqualTo("AEAD_AES_256_GCM");
    assertThat(n.resource().associatedData()).isEqualTo("transaction");
    assertThat(n.resource().nonce()).isEqualTo("fX1yKm9pQ2aZ");
    assertThat(n.resource().originalType()).isEqualTo("transaction");
  }

  @Test
  void decryptsTheKnownAnswer() {
    assertThat(WechatPayNotification.parse(KAT_BODY).decryptResource(cipher)).isEqualTo(PLAINTEXT);
  }

  @Test
  void absentAssociatedDataMeansEmptyAad() {
    byte[] body =
        body("AEAD_AES_256_GCM", CIPHERTEXT_NO_AAD, "", "Q2aZfX1yKm9p")
            .getBytes(StandardCharsets.UTF_8);
    WechatPayNotification n = WechatPayNotification.parse(body);
    assertThat(n.resource().associatedData()).isNull();
    assertThat(n.decryptResource(cipher)).isEqualTo(PLAINTEXT_NO_AAD);
  }

  @Test
  void unknownAlgorithmIsATypedError() {
    byte[] body =
        body("AEAD_SM4_GCM", CIPHERTEXT, "", "fX1yKm9pQ2aZ").getBytes(StandardCharsets.UTF_8);
    WechatPayNotification n = WechatPayNotification.parse(body);
    assertThatThrownBy(() -> n.decryptResource(cipher))
        .isInstanceOfSatisfying(
            WechatPayUnsupportedAlgorithmException.class,
            e -> assertThat(e.algorithm()).isEqualTo("AEAD_SM4_GCM"));
  }

  @Test
  void tamperedCiphertextAadNonceOrKeyDoNotDecrypt() {
    WechatPayNotification.Resource r = WechatPayNotification.parse(KAT_BODY).resource();
    char[] c = r.ciphertext().toCharArray();
    c[10] = c[10] == 'A' ? 'B' : 'A';
    List<WechatPayNotification.Resource> bad =
        List.of(
            new WechatPayNotification.Resource(
                r.algorithm(), new String(c), r.associatedData(), r.nonce(), null),
            new WechatPayNotification.Resource(
                r.algorithm(), r.ciphertext(), "refund", r.nonce(), null),
            new WechatPayNotification.Resource(
                r.algorithm(), r.ciphertext(), null, r.nonce(), null),
            new WechatPayNotification.Resource(
                r.algorithm(), r.ciphertext(), r.associatedData(), "fX1yKm9pQ2aA", null),
            new WechatPayNotification.Resource(
                r.algorithm(), "%%%", r.associatedData(), r.nonce(), null));
    for (WechatPayNotification.Resource resource : bad) {
      assertThatThrownBy(() -> cipher.decrypt(resource))
          .isInstanceOf(DecryptionFailedException.class);
    }
    WechatPayResourceCipher otherKey = WechatPayResourceCipher.ofApiV3Key("0".repeat(32));
    assertThatThrownBy(() -> otherKey.decrypt(r)).isInstanceOf(DecryptionFailedException.class);
  }

  @Test
  void encryptDecryptRoundTrip() {
    byte[] plain = "{\"x\":\"多字节 \\n text\"}".getBytes(StandardCharsets.UTF_8);
    WechatPayNotification.Resource r =
        cipher.encrypt("transaction", "certificate", "abcdefghijkl", plain);
    assertThat(r.algorithm()).isEqualTo("AEAD_AES_256_GCM");
    assertThat(cipher.decrypt(r)).isEqualTo(plain);
    WechatPayNotification.Resource noAad =
        cipher.encrypt("transaction", null, "abcdefghijkl", plain);
    assertThat(cipher.decrypt(noAad)).isEqualTo(plain);
  }

  @Test
  void apiV3KeyMustBe32Bytes() {
    assertThatThrownBy(() -> WechatPayResourceCipher.ofApiV3Key("short"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(cipher.toString()).doesNotContain(API_V3_KEY);
  }

  @Test
  void malformedBodiesAreTyped() {
    for (String body :
        List.of(
            "not json",
            "{\"id\":\"x\",\"event_type\":\"T\"}",
            "{\"id\":\"x\",\"event_type\":\"T\",\"resource\":{\"algorithm\":\"AEAD_AES_256_GCM\"}}",
            "[]")) {
      assertThatThrownBy(() -> WechatPayNotification.parse(body.getBytes(StandardCharsets.UTF_8)))
          .as(body)
          .isInstanceOf(WechatPayMalformedMessageException.class);
    }
  }

  @Test
  void verifyThenDecrypt() {
    WechatPaySignatureVerifier verifier =
        WechatPaySignatureVerifier.of(
            new Credential("wechatpay", List.of(PLATFORM.publicEntry())),
            WechatPaySignatureVerifierTest.CLOCK);
    Map<String, String> headers = WechatPaySignatureVerifierTest.signer(PLATFORM).sign(KAT_BODY);

    WechatPayNotification.Verified v =
        WechatPayNotification.verifyAndDecrypt(verifier, headers, KAT_BODY, cipher);
    assertThat(v.plaintext()).isEqualTo(PLAINTEXT);
    assertThat(v.serial()).isEqualTo(PLATFORM.keyId());
    assertThat(v.notification().eventType()).isEqualTo("TRANSACTION.SUCCESS");
  }

  @Test
  void nothingIsParsedOrDecryptedWhenTheSignatureFails() {
    WechatPaySignatureVerifier verifier =
        WechatPaySignatureVerifier.of(
            new Credential("wechatpay", List.of(PLATFORM.publicEntry())),
            WechatPaySignatureVerifierTest.CLOCK);
    byte[] garbage = "not even json".getBytes(StandardCharsets.UTF_8);
    Map<String, String> headers = WechatPaySignatureVerifierTest.signer(PLATFORM).sign(KAT_BODY);
    assertThatThrownBy(
            () -> WechatPayNotification.verifyAndDecrypt(verifier, headers, garbage, cipher))
        .isInstanceOf(WechatPaySignatureException.class);
  }
}
