package com.payhub.channel.wechatpay;

import static com.payhub.channel.wechatpay.WechatPayTestKeys.MERCHANT;
import static com.payhub.channel.wechatpay.WechatPayTestKeys.PLATFORM;
import static org.assertj.core.api.Assertions.assertThat;

import com.payhub.channel.wechatpay.WechatPaySignatureException.Reason;
import com.payhub.crypto.Credential;
import com.payhub.crypto.JcaSigner;
import com.payhub.crypto.JcaVerifier;
import com.payhub.crypto.RsaHash;
import com.wechat.pay.java.core.cipher.RSAVerifier;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

/** Properties over arbitrary bodies and maps (unicode, newlines, blanks). */
class WechatPayPropertyTest {

  private static final long NOW = 1_700_000_000L;
  private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC);
  private static final WechatPaySignatureVerifier VERIFIER =
      WechatPaySignatureVerifier.of(
          new Credential("wechatpay", List.of(PLATFORM.publicEntry())), CLOCK);
  private static final WechatPayResponseSigner PLATFORM_SIGNER =
      new WechatPayResponseSigner(
          PLATFORM.keyId(), JcaSigner.rsa(RsaHash.SHA256, PLATFORM.pair().getPrivate()), CLOCK);

  @Provide
  Arbitrary<String> bodies() {
    return Arbitraries.oneOf(
        Arbitraries.strings().all().ofMaxLength(300),
        Arbitraries.strings().withChars("{}\":,\n\r\t 中文😀\\abc").ofMaxLength(300));
  }

  @Property(tries = 150)
  void responseSignaturesRoundTripAndTheSdkAgrees(
      @ForAll("bodies") String body, @ForAll @LongRange(min = -300, max = 300) long skew) {
    byte[] raw = body.getBytes(StandardCharsets.UTF_8);
    String timestamp = Long.toString(NOW + skew);
    Map<String, String> h = PLATFORM_SIGNER.sign(raw, timestamp, WechatPayNonce.next());
    assertThat(VERIFIER.check(h, raw)).isEmpty();

    String reference = timestamp + "\n" + h.get("Wechatpay-Nonce") + "\n" + body + "\n";
    assertThat(WechatPayMessages.response(timestamp, h.get("Wechatpay-Nonce"), raw))
        .isEqualTo(reference.getBytes(StandardCharsets.UTF_8));
    RSAVerifier sdk = new RSAVerifier(PLATFORM.pair().getPublic(), PLATFORM.keyId());
    assertThat(sdk.verify(PLATFORM.keyId(), reference, h.get("Wechatpay-Signature"))).isTrue();

    byte[] tampered = Arrays.copyOf(raw, raw.length + 1);
    tampered[raw.length] = '\n';
    assertThat(VERIFIER.check(h, tampered)).contains(Reason.SIGNATURE_INVALID);
  }

  @Property(tries = 150)
  void requestMessagesMatchTheReferenceAndVerify(
      @ForAll("bodies") String body, @ForAll("paths") String path) {
    WechatPayAuthorization auth = WechatPayAuthorization.of("1900000001", MERCHANT.entry(), CLOCK);
    WechatPayAuthorizationHeader h =
        WechatPayAuthorizationHeader.parse(
            auth.header("POST", path, body.getBytes(StandardCharsets.UTF_8)));
    String reference = "POST\n" + path + "\n" + NOW + "\n" + h.nonceStr() + "\n" + body + "\n";
    byte[] message =
        WechatPayMessages.request(
            "POST", path, NOW, h.nonceStr(), body.getBytes(StandardCharsets.UTF_8));
    assertThat(message).isEqualTo(reference.getBytes(StandardCharsets.UTF_8));
    assertThat(
            JcaVerifier.rsa(RsaHash.SHA256, MERCHANT.pair().getPublic())
                .verify(message, Base64.getDecoder().decode(h.signature())))
        .isTrue();
  }

  @Provide
  Arbitrary<String> paths() {
    return Arbitraries.strings()
        .withChars("abcdefghijklmnopqrstuvwxyz0123456789-_/%=&?")
        .ofMinLength(1)
        .ofMaxLength(60)
        .map(s -> "/v3/" + s);
  }

  @Provide
  Arbitrary<Map<String, String>> v2Params() {
    Arbitrary<String> keys =
        Arbitraries.oneOf(
            Arbitraries.strings().withChars("abcdefgh_ABZ09").ofMinLength(1).ofMaxLength(12),
            Arbitraries.of("sign", "sign_type", "appid", "mch_id", "Sign", "key"));
    Arbitrary<String> values =
        Arbitraries.oneOf(
            Arbitraries.strings().all().ofMaxLength(20),
            Arbitraries.strings().withChars(" \t\n\r\u000b\u0000a中").ofMaxLength(6),
            Arbitraries.of("", " ", "=", "&"));
    return Arbitraries.maps(keys, values).ofMaxSize(12);
  }

  @Property(tries = 500)
  void v2SignMatchesAStraightforwardReference(@ForAll("v2Params") Map<String, String> params) {
    String key = "192006250b4c09247ec02edce69f6a2d";
    String reference = referenceSignString(params, key);
    String content = WechatPayV2Sign.signContent(params);
    assertThat((content.isEmpty() ? "" : content + "&") + "key=" + key).isEqualTo(reference);
    assertThat(new WechatPayV2Sign(key).sign(params, WechatPayV2Sign.SignType.MD5))
        .isEqualTo(referenceMd5(reference));
  }

  /**
   * WeChat's WXPayUtil.generateSignature, restated: sort, skip sign and blank, trim, append key.
   */
  private static String referenceSignString(Map<String, String> data, String key) {
    String[] keyArray = data.keySet().toArray(new String[0]);
    Arrays.sort(keyArray);
    StringBuilder sb = new StringBuilder();
    for (String k : keyArray) {
      if (k.equals("sign")) {
        continue;
      }
      if (data.get(k).trim().length() > 0) {
        sb.append(k).append("=").append(data.get(k).trim()).append("&");
      }
    }
    return sb.append("key=").append(key).toString();
  }

  private static String referenceMd5(String text) {
    try {
      byte[] d = MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d).toUpperCase();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
