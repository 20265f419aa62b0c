package com.payhub.fault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * A back office submitting payments to the hub over HTTP: N canonical PAY orders for the sandbox
 * merchant, round-robin over Alipay, WeChat Pay and UnionPay, from a few concurrent lanes. Amounts
 * end in .00–.39 so that none triggers a sandbox behaviour (.41–.48): every payment should simply
 * succeed. A submission that fails (no connection, a timeout, a 5xx) is sent again with the same
 * body after a short pause until the hub answers 202, or 200 for a duplicate, as a real back office
 * does with an idempotent API; each lane gives up after {@code giveUpAfter}, so a run stays
 * bounded. Every order's payment id is recorded.
 */
final class LoadDriver {

  static final List<String> CHANNELS = List.of("alipay", "wechatpay", "unionpay");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration FIRST_PAUSE = Duration.ofMillis(200);
  private static final Duration MAX_PAUSE = Duration.ofSeconds(2);

  /** What the hub finally answered for one order. */
  record Submission(String orderNo, String channel, int status, String paymentId, int attempts) {}

  private final URI endpoint;
  private final String run;
  private final int payments;
  private final int lanes;
  private final Duration giveUpAfter;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();
  private final AtomicInteger next = new AtomicInteger();
  private final AtomicInteger retries = new AtomicInteger();
  private final Map<String, Submission> done = new ConcurrentHashMap<>();
  private final Map<Integer, AtomicInteger> answers = new ConcurrentHashMap<>();
  private volatile Instant started;
  private volatile Instant finished;
  private CompletableFuture<Void> all;

  /**
   * @param run a few letters and digits that make this run's order numbers unique
   */
  LoadDriver(URI endpoint, String run, int payments, int lanes, Duration giveUpAfter) {
    this.endpoint = endpoint;
    this.run = run;
    this.payments = payments;
    this.lanes = lanes;
    this.giveUpAfter = giveUpAfter;
  }

  /** Starts the lanes and returns at once. */
  LoadDriver start() {
    started = Instant.now();
    all =
        CompletableFuture.allOf(
                IntStream.range(0, lanes).mapToObj(i -> lane()).toArray(CompletableFuture[]::new))
            .whenComplete((v, e) -> finished = Instant.now());
    return this;
  }

  /** Orders the hub took (202) or answered as already taken (200). */
  int accepted() {
    return done.size();
  }

  boolean finished() {
    return all.isDone();
  }

  int payments() {
    return payments;
  }

  /** Submissions sent again after a failure. */
  int retries() {
    return retries.get();
  }

  /** How often each HTTP status was answered (0: no answer at all). */
  Map<Integer, Integer> answers() {
    Map<Integer, Integer> out = new java.util.TreeMap<>();
    answers.forEach((k, v) -> out.put(k, v.get()));
    return out;
  }

  /** Order number → what the hub finally answered; orders never taken are missing. */
  Map<String, Submission> submissions() {
    return Map.copyOf(done);
  }

  String orderNo(int i) {
    return run + String.format("%05d", i);
  }

  String channel(int i) {
    return CHANNELS.get(i % CHANNELS.size());
  }

  Duration elapsed() {
    Instant end = finished == null ? Instant.now() : finished;
    return Duration.between(started, end);
  }

  /** One lane: takes the next order, submits it until taken, then the next. */
  private CompletableFuture<Void> lane() {
    int i = next.getAndIncrement();
    if (i >= payments) {
      return CompletableFuture.completedFuture(null);
    }
    return submit(i, 1, FIRST_PAUSE, Instant.now().plus(giveUpAfter)).thenCompose(x -> lane());
  }

  private CompletableFuture<Void> submit(int i, int attempt, Duration pause, Instant giveUpAt) {
    HttpRequest request =
        HttpRequest.newBuilder(endpoint)
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body(i)))
            .build();
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
        .handle(
            (response, error) -> {
              int status = response == null ? 0 : response.statusCode();
              answers.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
              if (status == 202 || status == 200) {
                done.put(
                    orderNo(i),
                    new Submission(orderNo(i), channel(i), status, paymentId(response), attempt));
                return CompletableFuture.<Void>completedFuture(null);
              }
              if (Instant.now().isAfter(giveUpAt) || !worthRetrying(status)) {
                return CompletableFuture.<Void>completedFuture(null); // refused or given up
              }
              retries.incrementAndGet();
              Duration longer = pause.multipliedBy(2);
              return CompletableFuture.supplyAsync(
                      () -> null,
                      CompletableFuture.delayedExecutor(pause.toMillis(), TimeUnit.MILLISECONDS))
                  .thenCompose(
                      x ->
                          submit(
                              i,
                              attempt + 1,
                              longer.compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : longer,
                              giveUpAt));
            })
        .thenCompose(f -> f);
  }

  /**
   * Whether an answer says "not now" rather than "no": none at all, a 5xx, 408 or 429, and 404 or
   * 405, which a hub that is still starting gives (its web server answers before its routes exist;
   * a load balancer would hold requests back until readiness, this driver calls the hub directly).
   * A PAY the hub refuses is 400, 401, 403, 409, 415 or 422: not sent again.
   */
  private static boolean worthRetrying(int status) {
    return status == 0
        || status == 404
        || status == 405
        || status == 408
        || status == 429
        || status >= 500;
  }

  private static String paymentId(HttpResponse<String> response) {
    try {
      JsonNode body = JSON.readTree(response.body());
      return body.path("paymentId").asText(null);
    } catch (java.io.IOException e) {
      return null;
    }
  }

  /** A canonical PAY as the README's examples write it; UnionPay needs a card (its test card). */
  String body(int i) {
    String channel = channel(i);
    String attributes =
        switch (channel) {
          case "unionpay" -> ",\"attributes\":{\"accNo\":\"6216261000000000018\"}";
          case "wechatpay" -> ",\"attributes\":{\"trade_type\":\"native\"}";
          default -> "";
        };
    long minor = 10_000 + i % 40; // 100.00 .. 100.39: no sandbox behaviour (.41-.48)
    return "{\"merchantId\":\"M100001\",\"merchantOrderNo\":\""
        + orderNo(i)
        + "\",\"channel\":\""
        + channel
        + "\",\"operation\":\"PAY\",\"amount\":{\"minor\":"
        + minor
        + ",\"currency\":\"CNY\"},\"subject\":\"Fault test\""
        + attributes
        + "}";
  }
}
