package com.payhub.channel.wechatpay;

import com.payhub.crypto.RsaHash;
import com.payhub.crypto.Signer;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * WeChat Pay's side of {@link WechatPaySignatureVerifier}: signs a response or notification body
 * with a platform key and returns the {@code Wechatpay-*} headers. For the sandbox and tests.
 */
public final class WechatPayResponseSigner {

  private final String serial;
  private final Signer signer;
  private final Clock clock;

  /**
   * @param serial the platform certificate serial (uppercase hex) or {@code PUB_KEY_ID_…}
   * @param signer SHA256withRSA with the platform private key
   */
  public WechatPayResponseSigner(String serial, Signer signer, Clock clock) {
    this.serial = Objects.requireNonNull(serial, "serial");
    this.signer = Objects.requireNonNull(signer, "signer");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (!RsaHash.SHA256.algorithm().equals(signer.algorithm())) {
      throw new IllegalArgumentException("WeChat Pay v3 signs with SHA256withRSA only");
    }
  }

  /** Headers for this body with a fresh nonce and the clock's time. */
  public Map<String, String> sign(byte[] rawBody) {
    return sign(rawBody, Long.toString(clock.instant().getEpochSecond()), WechatPayNonce.next());
  }

  /** Headers for this body, timestamp and nonce (tests use it to make stale or fixed messages). */
  public Map<String, String> sign(byte[] rawBody, String timestamp, String nonce) {
    byte[] message = WechatPayMessages.response(timestamp, nonce, rawBody);
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(WechatPayHeaders.TIMESTAMP, timestamp);
    headers.put(WechatPayHeaders.NONCE, nonce);
    headers.put(
        WechatPayHeaders.SIGNATURE, Base64.getEncoder().encodeToString(signer.sign(message)));
    headers.put(WechatPayHeaders.SERIAL, serial);
    headers.put(WechatPayHeaders.SIGNATURE_TYPE, WechatPayAuthorizationHeader.SCHEMA);
    return headers;
  }
}
