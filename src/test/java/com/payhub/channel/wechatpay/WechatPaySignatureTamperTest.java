package com.payhub.channel.wechatpay;

import static com.payhub.channel.wechatpay.WechatPayTestKeys.PLATFORM_PUBKEY;
import static com.payhub.channel.wechatpay.WechatPayTestKeys.STRANGER;
import static org.assertj.core.api.Assertions.assertThat;

import com.payhub.channel.wechatpay.WechatPaySignatureException.Reason;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One flipped byte in body, signature, timestamp, nonce or serial, and the reason it earns. */
class WechatPaySignatureTamperTest {

  private static final long NOW = WechatPaySignatureVerifierTest.NOW;
  private static final byte[] BODY = WechatPaySignatureVerifierTest.BODY;

  private static Map<String, String> signed(byte[] body) {
    return WechatPaySignatureVerifierTest.signed(body);
  }

  private static Reason refusal(Map<String, String> headers, byte[] body) {
    return WechatPaySignatureVerifierTest.refusal(headers, body);
  }

  private static WechatPayResponseSigner signer(WechatPayTestKeys.TestKey key) {
    return WechatPaySignatureVerifierTest.signer(key);
  }

  @Test
  void everyFlippedBodyByteIsRefused() {
    Map<String, String> h = signed(BODY);
    for (int i = 0; i < BODY.length; i += 7) {
      byte[] tampered = BODY.clone();
      tampered[i] ^= 0x01;
      assertThat(refusal(h, tampered)).as("byte %d", i).isEqualTo(Reason.SIGNATURE_INVALID);
    }
  }

  @Test
  void aReserialisedBodyIsRefused() {
    byte[] pretty =
        new String(BODY, StandardCharsets.UTF_8)
            .replace(",", ", ")
            .getBytes(StandardCharsets.UTF_8);
    assertThat(refusal(signed(BODY), pretty)).isEqualTo(Reason.SIGNATURE_INVALID);
  }

  @Test
  void flippedSignatureIsRefused() {
    Map<String, String> h = signed(BODY);
    byte[] sig = Base64.getDecoder().decode(h.get("Wechatpay-Signature"));
    for (int i : new int[] {0, 100, sig.length - 1}) {
      byte[] bad = sig.clone();
      bad[i] ^= 0x01;
      h.put("Wechatpay-Signature", Base64.getEncoder().encodeToString(bad));
      assertThat(refusal(h, BODY)).isEqualTo(Reason.SIGNATURE_INVALID);
    }
    h.put("Wechatpay-Signature", "not base64 !");
    assertThat(refusal(h, BODY)).isEqualTo(Reason.SIGNATURE_INVALID);
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void wechatProbesWithSigntestSignaturesAreRefused(boolean decodable) {
    byte[] random = new byte[256];
    new SecureRandom().nextBytes(random);
    String probe = "WECHATPAY/SIGNTEST/" + Base64.getEncoder().encodeToString(random);
    if (decodable) {
      probe =
          "WECHATPAY/SIGNTEST/"
              + Base64.getEncoder().withoutPadding().encodeToString(random).substring(0, 321);
    }
    Map<String, String> h = signed(BODY);
    h.put("Wechatpay-Signature", probe);
    assertThat(refusal(h, BODY)).isEqualTo(Reason.SIGNATURE_INVALID);
  }

  @Test
  void flippedTimestampIsRefused() {
    Map<String, String> h = signed(BODY);
    h.put("Wechatpay-Timestamp", Long.toString(NOW + 1)); // last digit: still fresh, not signed
    assertThat(refusal(h, BODY)).isEqualTo(Reason.SIGNATURE_INVALID);
    h.put("Wechatpay-Timestamp", "2" + Long.toString(NOW).substring(1)); // first digit: years off
    assertThat(refusal(h, BODY)).isEqualTo(Reason.STALE_TIMESTAMP);
    h.put("Wechatpay-Timestamp", Long.toString(NOW).replace('7', 'x'));
    assertThat(refusal(h, BODY)).isEqualTo(Reason.STALE_TIMESTAMP);
    h.put("Wechatpay-Timestamp", "-" + NOW);
    assertThat(refusal(h, BODY)).isEqualTo(Reason.STALE_TIMESTAMP);
  }

  @Test
  void flippedNonceIsRefused() {
    Map<String, String> h = signed(BODY);
    char[] nonce = h.get("Wechatpay-Nonce").toCharArray();
    nonce[5] = nonce[5] == 'A' ? 'B' : 'A';
    h.put("Wechatpay-Nonce", new String(nonce));
    assertThat(refusal(h, BODY)).isEqualTo(Reason.SIGNATURE_INVALID);
  }

  @Test
  void flippedOrForeignSerialIsRefusedAsUnknown() {
    Map<String, String> h = signed(BODY);
    String serial = h.get("Wechatpay-Serial");
    h.put("Wechatpay-Serial", (serial.charAt(0) == '5' ? '6' : '5') + serial.substring(1));
    assertThat(refusal(h, BODY)).isEqualTo(Reason.UNKNOWN_SERIAL);
    assertThat(refusal(signer(STRANGER).sign(BODY), BODY)).isEqualTo(Reason.UNKNOWN_SERIAL);
  }

  @Test
  void aSignatureUnderAnotherConfiguredKeyIsInvalid() {
    Map<String, String> h = signed(BODY);
    h.put("Wechatpay-Serial", PLATFORM_PUBKEY.keyId());
    assertThat(refusal(h, BODY)).isEqualTo(Reason.SIGNATURE_INVALID);
  }
}
