package com.payhub.channel.wechatpay;

import static com.payhub.channel.wechatpay.WechatPayTestKeys.PLATFORM;
import static com.payhub.channel.wechatpay.WechatPayTestKeys.PLATFORM_PUBKEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.payhub.channel.wechatpay.WechatPaySignatureException.Reason;
import com.payhub.crypto.Credential;
import com.payhub.crypto.JcaSigner;
import com.payhub.crypto.RsaHash;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WechatPaySignatureVerifierTest {

  static final long NOW = 1_700_000_000L;
  static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC);
  static final byte[] BODY =
      "{\"id\":\"EV-2018022511223320873\",\"summary\":\"支付成功\",\"note\":\"a\\nb\"}"
          .getBytes(StandardCharsets.UTF_8);

  static final WechatPaySignatureVerifier VERIFIER =
      WechatPaySignatureVerifier.of(
          new Credential(
              "wechatpay-platform",
              java.util.List.of(PLATFORM.publicEntry(), PLATFORM_PUBKEY.publicEntry())),
          CLOCK);

  static WechatPayResponseSigner signer(WechatPayTestKeys.TestKey key) {
    return new WechatPayResponseSigner(
        key.keyId(), JcaSigner.rsa(RsaHash.SHA256, key.pair().getPrivate()), CLOCK);
  }

  static Map<String, String> signed(byte[] body) {
    return new HashMap<>(signer(PLATFORM).sign(body));
  }

  static Reason refusal(Map<String, String> headers, byte[] body) {
    return VERIFIER.check(headers, body).orElseThrow(() -> new AssertionError("was accepted"));
  }

  @Test
  void acceptsCertificateSerialAndPublicKeyId() {
    assertThat(VERIFIER.verify(signed(BODY), BODY)).isEqualTo(PLATFORM.keyId());
    Map<String, String> pub = signer(PLATFORM_PUBKEY).sign(BODY);
    assertThat(pub.get("Wechatpay-Serial")).startsWith("PUB_KEY_ID_");
    assertThat(VERIFIER.verify(pub, BODY)).isEqualTo(PLATFORM_PUBKEY.keyId());
  }

  @Test
  void certificateSerialMatchesInAnyHexCaseButPublicKeyIdOnlyExactly() {
    Map<String, String> h = signed(BODY);
    h.put("Wechatpay-Serial", PLATFORM.keyId().toLowerCase());
    assertThat(VERIFIER.check(h, BODY)).isEmpty();
    Map<String, String> p = new HashMap<>(signer(PLATFORM_PUBKEY).sign(BODY));
    p.put("Wechatpay-Serial", PLATFORM_PUBKEY.keyId().toLowerCase());
    assertThat(refusal(p, BODY)).isEqualTo(Reason.UNKNOWN_SERIAL);
  }

  @Test
  void keyLookupThroughAFunction() {
    Map<String, PublicKey> keys = Map.of(PLATFORM.keyId(), PLATFORM.pair().getPublic());
    WechatPaySignatureVerifier v =
        new WechatPaySignatureVerifier(s -> Optional.ofNullable(keys.get(s)), CLOCK);
    assertThat(v.check(signed(BODY), BODY)).isEmpty();
    assertThat(v.check(signer(PLATFORM_PUBKEY).sign(BODY), BODY)).contains(Reason.UNKNOWN_SERIAL);
  }

  @ParameterizedTest
  @ValueSource(longs = {-301, 301, -86_400, 86_400})
  void timestampsMoreThanFiveMinutesOffAreStale(long offset) {
    Map<String, String> h =
        signer(PLATFORM).sign(BODY, Long.toString(NOW + offset), WechatPayNonce.next());
    assertThat(refusal(h, BODY)).isEqualTo(Reason.STALE_TIMESTAMP);
  }

  @ParameterizedTest
  @ValueSource(longs = {-300, -299, 0, 299, 300})
  void timestampsWithinFiveMinutesAreAccepted(long offset) {
    Map<String, String> h =
        signer(PLATFORM).sign(BODY, Long.toString(NOW + offset), WechatPayNonce.next());
    assertThat(VERIFIER.check(h, BODY)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Wechatpay-Timestamp",
        "Wechatpay-Nonce",
        "Wechatpay-Signature",
        "Wechatpay-Serial"
      })
  void missingOrBlankHeadersAreRefused(String name) {
    Map<String, String> h = signed(BODY);
    h.remove(name);
    assertThat(refusal(h, BODY)).isEqualTo(Reason.MISSING_HEADER);
    h.put(name, "  ");
    assertThat(refusal(h, BODY)).isEqualTo(Reason.MISSING_HEADER);
    assertThat(refusal(null, BODY)).isEqualTo(Reason.MISSING_HEADER);
  }

  @Test
  void theExceptionCarriesTheReasonButNotTheSignature() {
    Map<String, String> h = signed(BODY);
    String sig = h.get("Wechatpay-Signature");
    h.put("Wechatpay-Nonce", "other");
    assertThatThrownBy(() -> VERIFIER.verify(h, BODY))
        .isInstanceOfSatisfying(
            WechatPaySignatureException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.SIGNATURE_INVALID))
        .message()
        .doesNotContain(sig)
        .doesNotContain("other");
  }

  @Test
  void headerNamesInAnyCase() {
    Map<String, Object> lower = new HashMap<>();
    signed(BODY).forEach((k, v) -> lower.put(k.toLowerCase(), v));
    assertThat(VERIFIER.check(lower, BODY)).isEmpty();
  }
}
