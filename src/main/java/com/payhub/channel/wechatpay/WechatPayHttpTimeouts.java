package com.payhub.channel.wechatpay;

import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.core5.util.Timeout;
import org.springframework.stereotype.Component;

/**
 * The gateway client settings for the adapter's camel-http endpoint ({@code httpClientConfigurer:
 * "#bean:wechatpayHttpTimeouts"}). camel-http reads its own timeout options as plain milliseconds,
 * while PayHub configures durations ({@code 2s}); this applies them as the durations they are. It
 * also turns off HttpClient's automatic retries: they resend a POST on a 503 with the same
 * Authorization nonce (WeChat refuses the replay) and could place an order twice; a payment left
 * unknown is settled by a query or the notification instead.
 */
@Component("wechatpayHttpTimeouts")
public class WechatPayHttpTimeouts implements HttpClientConfigurer {

  private final WechatPayGatewayProperties gateway;

  public WechatPayHttpTimeouts(WechatPayGatewayProperties gateway) {
    this.gateway = gateway;
  }

  @Override
  public void configureHttpClient(HttpClientBuilder builder) {
    builder.setDefaultRequestConfig(requestConfig());
    builder.disableAutomaticRetries();
  }

  @SuppressWarnings("deprecation") // the per-request connect timeout still overrides the pool's
  RequestConfig requestConfig() {
    return RequestConfig.custom()
        .setConnectTimeout(Timeout.of(gateway.connectTimeout()))
        .setConnectionRequestTimeout(Timeout.of(gateway.connectTimeout()))
        .setResponseTimeout(Timeout.of(gateway.readTimeout()))
        .build();
  }
}
