package com.payhub.channel.wechatpay;

import com.payhub.crypto.JcaSigner;
import com.payhub.crypto.KeyEntry;
import com.payhub.crypto.RsaHash;
import com.payhub.crypto.Signer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Signs merchant requests to WeChat Pay API v3: SHA256withRSA over {@link
 * WechatPayMessages#request}, sent as the {@code Authorization} header value. Thread-safe.
 */
public final class WechatPayAuthorization {

  private final String mchId;
  private final String serialNo;
  private final Signer signer;
  private final Clock clock;
  private final Supplier<String> nonces;

  /**
   * @param serialNo the merchant certificate serial as WeChat prints it ({@link WechatPaySerials})
   * @param signer SHA256withRSA with the merchant private key
   */
  public WechatPayAuthorization(String mchId, String serialNo, Signer signer, Clock clock) {
    this(mchId, serialNo, signer, clock, WechatPayNonce::next);
  }

  /** For tests that need a known nonce; production uses {@link WechatPayNonce}. */
  WechatPayAuthorization(
      String mchId, String serialNo, Signer signer, Clock clock, Supplier<String> nonces) {
    this.mchId = requireText(mchId, "mchid");
    this.serialNo = requireText(serialNo, "merchant certificate serial");
    this.signer = Objects.requireNonNull(signer, "signer");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.nonces = nonces;
    if (!RsaHash.SHA256.algorithm().equals(signer.algorithm())) {
      throw new IllegalArgumentException("WeChat Pay v3 signs with SHA256withRSA only");
    }
  }

  /**
   * From a merchant key: the serial comes from its certificate when there is one, else from its key
   * id (which must then be the uppercase hex serial).
   */
  public static WechatPayAuthorization of(String mchId, KeyEntry merchantKey, Clock clock) {
    if (merchantKey.privateKey() == null) {
      throw new IllegalArgumentException(
          "merchant key " + merchantKey.keyId() + " has no private key");
    }
    String serial =
        merchantKey.certificate() != null
            ? WechatPaySerials.of(merchantKey.certificate())
            : merchantKey.keyId();
    return new WechatPayAuthorization(
        mchId, serial, JcaSigner.rsa(RsaHash.SHA256, merchantKey.privateKey()), clock);
  }

  /** The header value for a request to {@code uri} with a UTF-8 JSON body (null/empty for GET). */
  public String header(String method, URI uri, String body) {
    byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    return header(method, WechatPayMessages.canonicalUrl(uri), bytes);
  }

  /** The header value for a request whose body is sent exactly as these bytes. */
  public String header(String method, String canonicalUrl, byte[] body) {
    return token(method, canonicalUrl, body).format();
  }

  /** The header fields, for callers that also need the nonce or timestamp. */
  public WechatPayAuthorizationHeader token(String method, String canonicalUrl, byte[] body) {
    String nonce = nonces.get();
    long timestamp = clock.instant().getEpochSecond();
    byte[] message = WechatPayMessages.request(method, canonicalUrl, timestamp, nonce, body);
    String signature = Base64.getEncoder().encodeToString(signer.sign(message));
    return new WechatPayAuthorizationHeader(
        mchId, nonce, Long.toString(timestamp), serialNo, signature);
  }

  public String serialNo() {
    return serialNo;
  }

  public String mchId() {
    return mchId;
  }

  private static String requireText(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("WeChat Pay authorization needs a " + what);
    }
    return value;
  }
}
