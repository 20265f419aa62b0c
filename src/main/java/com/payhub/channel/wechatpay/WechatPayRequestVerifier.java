package com.payhub.channel.wechatpay;

import com.payhub.channel.wechatpay.WechatPaySignatureException.Reason;
import com.payhub.crypto.JcaVerifier;
import com.payhub.crypto.ReplayGuard;
import com.payhub.crypto.RsaHash;
import java.security.PublicKey;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Function;

/**
 * Checks a v3 request a merchant signed, the way WeChat Pay's gateway does: the Authorization
 * header's signature over {@code METHOD\nURL\nTIMESTAMP\nNONCE\nBODY\n} with the merchant key its
 * {@code serial_no} names, a timestamp within five minutes, and a nonce not seen before.
 */
public final class WechatPayRequestVerifier {

  private final Function<String, Optional<PublicKey>> keys;
  private final Clock clock;
  private final ReplayGuard nonces;

  public WechatPayRequestVerifier(
      Function<String, Optional<PublicKey>> keys, Clock clock, ReplayGuard nonces) {
    this.keys = keys;
    this.clock = clock;
    this.nonces = nonces;
  }

  /**
   * @return the parsed header, once verified
   * @throws WechatPaySignatureException with the reason the request is refused
   */
  public WechatPayAuthorizationHeader verify(
      String authorization, String method, String url, byte[] body) {
    WechatPayAuthorizationHeader h;
    try {
      h = WechatPayAuthorizationHeader.parse(authorization);
    } catch (RuntimeException e) {
      throw new WechatPaySignatureException(
          Reason.MISSING_HEADER, "the Authorization header is not WECHATPAY2-SHA256-RSA2048");
    }
    long timestamp;
    try {
      timestamp = Long.parseLong(h.timestamp());
    } catch (NumberFormatException e) {
      throw new WechatPaySignatureException(Reason.STALE_TIMESTAMP, "timestamp is not a number");
    }
    if (Math.abs(clock.instant().getEpochSecond() - timestamp)
        > WechatPaySignatureVerifier.MAX_SKEW_SECONDS) {
      throw new WechatPaySignatureException(
          Reason.STALE_TIMESTAMP, "timestamp is more than 5 minutes off");
    }
    PublicKey key =
        keys.apply(h.serialNo())
            .orElseThrow(
                () ->
                    new WechatPaySignatureException(
                        Reason.UNKNOWN_SERIAL, "serial_no names no key of this merchant"));
    byte[] signature;
    try {
      signature = Base64.getDecoder().decode(h.signature());
    } catch (IllegalArgumentException e) {
      throw new WechatPaySignatureException(Reason.SIGNATURE_INVALID, "signature is not base64");
    }
    byte[] message = WechatPayMessages.request(method, url, timestamp, h.nonceStr(), body);
    if (!JcaVerifier.rsa(RsaHash.SHA256, key).verify(message, signature)) {
      throw new WechatPaySignatureException(Reason.SIGNATURE_INVALID, "signature does not verify");
    }
    if (!nonces.firstSeen(h.mchId() + ":" + h.nonceStr())) {
      throw new WechatPaySignatureException(
          Reason.SIGNATURE_INVALID, "nonce_str was used before: a replayed request");
    }
    return h;
  }
}
