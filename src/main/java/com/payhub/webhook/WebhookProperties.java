package com.payhub.webhook;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Per-merchant webhooks ({@code payhub.webhooks.*}): every event of a merchant with a target is
 * POSTed to its URL, signed, and retried on the schedule until a 2xx.
 *
 * @param targets merchant id → where its events go and which secret signs them
 * @param retryIntervals waits after each failed attempt (the first attempt is at once); after the
 *     last, the delivery is FAILED (counted, kept)
 * @param interval how often due deliveries are sent
 * @param timeout how long one attempt may take
 * @param batchSize at most this many deliveries per round
 */
@ConfigurationProperties("payhub.webhooks")
public record WebhookProperties(
    Map<String, Target> targets,
    @DefaultValue({"15s", "1m", "5m", "30m", "2h", "6h", "12h", "24h"})
        List<Duration> retryIntervals,
    @DefaultValue("1s") Duration interval,
    @DefaultValue("10s") Duration timeout,
    @DefaultValue("50") int batchSize) {

  public WebhookProperties {
    targets = targets == null ? Map.of() : Map.copyOf(targets);
  }

  /**
   * One merchant's webhook.
   *
   * @param url where to POST
   * @param secretCredential the key ring credential whose secret signs the deliveries (HMAC-SHA256)
   */
  public record Target(URI url, String secretCredential) {}
}
