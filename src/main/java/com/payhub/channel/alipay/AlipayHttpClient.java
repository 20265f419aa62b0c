package com.payhub.channel.alipay;

import java.util.concurrent.TimeUnit;
import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.springframework.stereotype.Component;

/**
 * The HTTP client of the gateway call ({@code httpClientConfigurer: "#bean:alipayHttpClient"}): the
 * configured connect and read timeouts (camel-http 4.17 takes timeouts per component only, and in
 * milliseconds; an endpoint parameter of that name would be sent to Alipay in the query), and no
 * automatic retries: HttpClient would otherwise re-POST a payment on a 503 by itself.
 */
@Component("alipayHttpClient")
public class AlipayHttpClient implements HttpClientConfigurer {

  private final AlipayGatewayProperties gateway;

  public AlipayHttpClient(AlipayGatewayProperties gateway) {
    this.gateway = gateway;
  }

  @Override
  @SuppressWarnings("deprecation") // the per-request connect timeout is still honoured in 5.x
  public void configureHttpClient(HttpClientBuilder builder) {
    builder.disableAutomaticRetries();
    builder.setDefaultRequestConfig(
        RequestConfig.custom()
            .setConnectTimeout(gateway.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
            .setResponseTimeout(gateway.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
            .build());
  }
}
