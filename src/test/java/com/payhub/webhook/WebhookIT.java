package com.payhub.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.payhub.HubTestSupport;
import com.payhub.Samples;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A merchant's webhook (M500005 in the test profile): its payment's events arrive at its URL,
 * signed with its secret (checked here with the JDK's own HMAC), retried after a failure, each
 * attempt recorded.
 */
class WebhookIT extends HubTestSupport {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired JdbcTemplate jdbc;

  /** A request the merchant's endpoint received. */
  record Received(String signature, String delivery, String body) {}

  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final AtomicInteger calls = new AtomicInteger();
  private HttpServer merchant;

  @BeforeEach
  void merchantEndpoint() throws Exception {
    merchant = HttpServer.create(new InetSocketAddress("127.0.0.1", WEBHOOK_PORT), 0);
    merchant.createContext(
        "/hooks/payhub",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          // the merchant's first answer is a failure: the hub must try that event again
          int status = calls.incrementAndGet() == 1 ? 500 : 204;
          if (status == 204) {
            received.add(
                new Received(
                    exchange.getRequestHeaders().getFirst("PayHub-Signature"),
                    exchange.getRequestHeaders().getFirst("PayHub-Delivery"),
                    new String(body, StandardCharsets.UTF_8)));
          }
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    merchant.start();
  }

  @AfterEach
  void stop() {
    merchant.stop(0);
  }

  @Test
  void theMerchantGetsEachEventSignedAndAFailedAttemptIsRetried() throws Exception {
    HttpResponse<String> r =
        post(
            "/api/v1/payments",
            "application/json",
            Samples.canonical(
                "HOOK_" + System.nanoTime() % 1_000_000, Map.of("merchantId", "\"M500005\"")));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    String paymentId = JSON.readTree(r.body()).path("paymentId").asText();

    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> statuses(paymentId).containsAll(List.of("PENDING", "SUCCEEDED")));

    byte[] secret = Files.readAllBytes(WEBHOOK_SECRET);
    for (Received hook : received) {
      String[] parts = hook.signature().split(",");
      long t = Long.parseLong(parts[0].substring("t=".length()));
      assertThat(Math.abs(Instant.now().getEpochSecond() - t)).isLessThan(60);
      assertThat(parts[1]).isEqualTo("v1=" + hmac(secret, t + "." + hook.body()));
    }
    assertThat(statuses(paymentId)).as("each event once").hasSize(2);

    String delivery = received.get(0).delivery();
    List<Map<String, Object>> attempts =
        jdbc.queryForList(
            "SELECT attempt_no, http_status FROM webhook_attempt a JOIN webhook_delivery d"
                + " ON d.delivery_id = a.delivery_id WHERE d.payment_id = ? ORDER BY a.attempted_at",
            paymentId);
    assertThat(attempts)
        .extracting(a -> ((Number) a.get("HTTP_STATUS")).intValue())
        .as("a 500 first, then the retry and the next event delivered")
        .containsExactly(500, 204, 204);
    assertThat(
            jdbc.queryForObject(
                "SELECT status FROM webhook_delivery WHERE delivery_id = ?",
                String.class,
                delivery))
        .isEqualTo("DELIVERED");
  }

  private List<String> statuses(String paymentId) throws Exception {
    List<String> out = new java.util.ArrayList<>();
    for (Received hook : received) {
      JsonNode e = JSON.readTree(hook.body());
      if (paymentId.equals(e.path("paymentId").asText())) {
        out.add(e.path("status").asText());
      }
    }
    return out;
  }

  private static String hmac(byte[] key, String text) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
  }
}
