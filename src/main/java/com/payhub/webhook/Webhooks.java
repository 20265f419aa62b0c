package com.payhub.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.payhub.crypto.HmacSha256;
import com.payhub.crypto.KeyRing;
import com.payhub.model.HubIds;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Per-merchant webhooks ({@code bean: payhubWebhooks}, run by {@code routes/webhooks.camel.yaml}).
 * Each event of a merchant with a target is stored once as a delivery, then POSTed with {@code
 * PayHub-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">}, and retried on the
 * schedule until the merchant answers 2xx; every attempt is recorded ({@code webhook_attempt}).
 */
@Component("payhubWebhooks")
@EnableConfigurationProperties(WebhookProperties.class)
public class Webhooks {

  private static final Logger LOG = LoggerFactory.getLogger(Webhooks.class);

  /** Header: the signature, {@code t=…,v1=…}. */
  public static final String SIGNATURE = "PayHub-Signature";

  /** Header: the delivery id (the same on every retry of one event). */
  public static final String DELIVERY = "PayHub-Delivery";

  private final WebhookProperties properties;
  private final WebhookStore store;
  private final KeyRing keys;
  private final ObjectMapper json;
  private final MeterRegistry meters;
  private final Clock clock;
  private final HttpClient http;

  public Webhooks(
      WebhookProperties properties,
      DataSource dataSource,
      KeyRing keys,
      ObjectMapper json,
      MeterRegistry meters,
      Clock clock) {
    this.properties = properties;
    this.store = new WebhookStore(dataSource);
    this.keys = keys;
    this.json = json;
    this.meters = meters;
    this.clock = clock;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(properties.timeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    // at 0 from the start for each configured target, so increase() sees the first attempt
    properties
        .targets()
        .keySet()
        .forEach(m -> List.of("delivered", "retry", "failed").forEach(o -> counter(m, o)));
  }

  /**
   * Takes one event off {@code payments.events}; stores a delivery if its merchant has a target.
   */
  public void enqueue(String event) throws IOException {
    JsonNode e = json.readTree(event);
    String merchant = e.path("merchantId").asText(null);
    if (merchant == null || !properties.targets().containsKey(merchant)) {
      return;
    }
    String paymentId = e.path("paymentId").asText();
    String subject = e.hasNonNull("refundId") ? e.path("refundId").asText() : paymentId;
    String key = subject + ":" + e.path("version").asLong() + ":" + e.path("status").asText();
    if (!store.insert(HubIds.next('W'), merchant, key, paymentId, event, clock.instant())) {
      LOG.debug("Webhook delivery for {} already stored", key);
    }
  }

  /** Sends what is due: each delivery's next attempt, claimed once across replicas. */
  public void sendDue() {
    Instant now = clock.instant();
    for (WebhookStore.Due d : store.due(now, properties.batchSize())) {
      List<Duration> retries = properties.retryIntervals();
      // if this attempt dies with the hub, the delivery is due again after the next interval
      Duration wait =
          retries.isEmpty()
              ? Duration.ofMinutes(1)
              : retries.get(Math.min(d.attempts(), retries.size() - 1));
      if (store.claim(d.deliveryId(), d.attempts(), now.plus(wait))) {
        attempt(d, d.attempts() + 1, retries);
      }
    }
  }

  private void attempt(WebhookStore.Due d, int attemptNo, List<Duration> retries) {
    WebhookProperties.Target target = properties.targets().get(d.merchantId());
    Integer status = null;
    String error = null;
    try {
      long t = clock.instant().getEpochSecond();
      HttpRequest request =
          HttpRequest.newBuilder(target.url())
              .timeout(properties.timeout())
              .header("Content-Type", "application/json")
              .header(DELIVERY, d.deliveryId())
              .header(SIGNATURE, "t=" + t + ",v1=" + sign(target, t, d.body()))
              .POST(HttpRequest.BodyPublishers.ofString(d.body(), StandardCharsets.UTF_8))
              .build();
      status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      error = e.getClass().getSimpleName();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      error = "interrupted";
    } catch (RuntimeException e) {
      error = e.getClass().getSimpleName() + ": " + e.getMessage();
    }
    store.recordAttempt(
        d.deliveryId(),
        attemptNo,
        clock.instant(),
        status,
        error == null ? null : error.substring(0, Math.min(error.length(), 256)));
    boolean delivered = status != null && status / 100 == 2;
    if (delivered) {
      store.finish(d.deliveryId(), "DELIVERED");
      count(d.merchantId(), "delivered");
    } else if (attemptNo > retries.size()) {
      store.finish(d.deliveryId(), "FAILED");
      count(d.merchantId(), "failed");
      LOG.warn(
          "Webhook delivery {} to merchant {} failed after {} attempts",
          d.deliveryId(),
          d.merchantId(),
          attemptNo);
    } else {
      count(d.merchantId(), "retry");
    }
  }

  /** Hex HMAC-SHA256 of {@code "<t>.<body>"} with the merchant's webhook secret. */
  String sign(WebhookProperties.Target target, long t, String body) {
    byte[] secret = keys.credential(target.secretCredential()).current().secret();
    if (secret == null) {
      throw new IllegalStateException(
          "credential " + target.secretCredential() + " has no secret for webhooks");
    }
    byte[] mac = new HmacSha256(secret).sign((t + "." + body).getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(mac);
  }

  private void count(String merchant, String outcome) {
    counter(merchant, outcome).increment();
  }

  private Counter counter(String merchant, String outcome) {
    return Counter.builder("payhub.webhooks")
        .description("webhook attempts by outcome (delivered, retry, failed)")
        .tag("merchant", merchant)
        .tag("outcome", outcome)
        .register(meters);
  }
}
