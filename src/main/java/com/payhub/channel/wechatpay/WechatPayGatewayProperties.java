package com.payhub.channel.wechatpay;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The WeChat Pay gateway as the adapter calls it ({@code payhub.gateways.wechatpay.*}, defaults in
 * {@code channels/wechatpay.yaml}). Checked at start-up so that a missing value is named then, not
 * when the first payment goes out.
 *
 * @param url base URL; the v3 paths are appended and signed with this URL's own path
 * @param notifyUrl sent as {@code notify_url} with PAY and REFUND
 * @param connectTimeout how long a TCP connect may take
 * @param readTimeout how long the gateway may take to answer (a timeout leaves the payment PENDING)
 * @param appId the {@code appid} sent when the order does not name one
 * @param merchantCredential the hub's merchant key and certificate (signs the Authorization)
 * @param platformCredential WeChat Pay's platform certificates or public key, and the API v3 key
 */
@ConfigurationProperties("payhub.gateways.wechatpay")
public record WechatPayGatewayProperties(
    URI url,
    URI notifyUrl,
    Duration connectTimeout,
    Duration readTimeout,
    String appId,
    String merchantCredential,
    String platformCredential) {

  public WechatPayGatewayProperties {
    require(url, "url");
    require(notifyUrl, "notify-url");
    require(connectTimeout, "connect-timeout");
    require(readTimeout, "read-timeout");
    require(appId, "app-id");
    require(merchantCredential, "merchant-credential");
    require(platformCredential, "platform-credential");
    if (url.getRawQuery() != null) {
      throw new IllegalArgumentException(
          "payhub.gateways.wechatpay.url must not have a query: " + url);
    }
  }

  /** The full URL of a v3 path ({@code /v3/...}, already percent-encoded) below {@link #url}. */
  public URI resolve(String v3PathAndQuery) {
    String base = url.toString();
    return URI.create(
        (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + v3PathAndQuery);
  }

  private static void require(Object value, String name) {
    if (value == null || value instanceof String s && s.isBlank()) {
      throw new IllegalArgumentException(
          "payhub.gateways.wechatpay." + name + " is required (see channels/wechatpay.yaml)");
    }
  }
}
