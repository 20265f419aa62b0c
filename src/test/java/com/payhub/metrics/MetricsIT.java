package com.payhub.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.payhub.EventTap;
import com.payhub.HubTestSupport;
import com.payhub.Samples;
import com.payhub.model.PaymentStatus;
import jakarta.jms.Message;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What ops scrape: after one sandbox payment of each channel reaches SUCCEEDED (and a refused
 * input, a bad merchant signature, badly signed channel answers and notifications, a seal refusal
 * and a dead letter), {@code /actuator/prometheus} has every series the README and the dashboard
 * name, with their tags; the queue depths are the broker's, read by both sources; and every metric
 * the Grafana dashboard queries is in that scrape.
 */
class MetricsIT extends HubTestSupport {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path DASHBOARD = Path.of("monitoring/grafana/dashboards/payhub.json");
  private static final String FAULT_QUEUE = "payments.inbound.metricsfault";

  /** The traffic below is made once for both tests (the hub's context is shared). */
  private static Scrape before;

  private static final Map<String, String> PAYMENTS = new LinkedHashMap<>();

  @Autowired QueueMeters queueMeters;

  @BeforeEach
  void makeTrafficOnce() throws Exception {
    if (before != null) {
      return;
    }
    before = scrape();
    try (EventTap events = tapEvents()) {
      for (String channel : List.of("alipay", "wechatpay", "unionpay")) {
        PAYMENTS.put(channel, pay(channel, 10000));
      }
      for (String channel : List.of("alipay", "wechatpay", "unionpay")) {
        events.await(
            PAYMENTS.get(channel),
            e -> e.status() == PaymentStatus.SUCCEEDED,
            Duration.ofSeconds(30));
      }
      // then (the sandbox's first call of a channel can be slow enough to time out; these must
      // not): the sandbox Alipay signs .48 with a key the hub does not trust, answers .44 with 503
      PAYMENTS.put("badSignature", pay("alipay", 10048));
      PAYMENTS.put("serverError", pay("alipay", 10044));
      events.await(
          PAYMENTS.get("badSignature"),
          e -> e.status() == PaymentStatus.PENDING,
          Duration.ofSeconds(30));
      events.await(
          PAYMENTS.get("serverError"),
          e -> e.status() == PaymentStatus.PENDING,
          Duration.ofSeconds(30));
    }

    // notifications nobody signed, one per channel
    assertThat(post("/notify/alipay", FORM, "notify_id=x&out_trade_no=y").body())
        .isEqualTo("failure");
    assertThat(post("/notify/wechatpay", "application/json", "{\"id\":\"x\"}").statusCode())
        .isEqualTo(401);
    assertThat(post("/notify/unionpay", FORM, "orderId=x&merId=y").statusCode()).isEqualTo(401);

    // a merchant that must sign, unsigned; and a signature that is not even base64
    assertThat(
            post(
                    "/api/v1/payments",
                    "application/json",
                    Samples.canonical(orderNo(), Samples.with("merchantId", "\"M400004\"")))
                .statusCode())
        .isEqualTo(401);
    assertThat(
            postWith(
                    "/api/v1/payments",
                    Samples.canonical(orderNo(), null),
                    Map.of("PayHubSignature", "not base64!"))
                .statusCode())
        .isEqualTo(401);

    // a refused input over HTTP and over a queue
    String unknownMerchant =
        Samples.canonical(orderNo(), Samples.with("merchantId", "\"M999999\""));
    assertThat(post("/api/v1/payments", "application/json", unknownMerchant).statusCode())
        .isEqualTo(403);
    String testCase = UUID.randomUUID().toString();
    send("payments.inbound.canonical", unknownMerchant, Map.of("testCase", testCase));
    Message refused = receive("payments.rejected", "testCase = '" + testCase + "'");
    assertThat(property(refused, "PayHubRejectCode")).isEqualTo("UNKNOWN_MERCHANT");

    // an order on a channel queue that the hub did not seal
    String unsealed = UUID.randomUUID().toString();
    send(
        "payments.channel.wechatpay",
        "{\"channel\":\"wechatpay\",\"operation\":\"PAY\"}",
        Map.of("testCase", unsealed));
    assertThat(
            property(
                receive("payments.rejected", "testCase = '" + unsealed + "'"), "PayHubRejectCode"))
        .isEqualTo("SEAL_UNSEALED");

    // a message that fails on every delivery: 4 redeliveries, then the hub dead-letters it
    TemplatedRouteBuilder.builder(camelContext, "queue-ingest")
        .routeId("ingest-queue-metrics-fault")
        .parameter("queue", FAULT_QUEUE)
        .parameter("dialect", "no-such-dialect")
        .add();
    send(FAULT_QUEUE, Samples.canonical(orderNo(), null), Map.of());
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> scrape().value("payhub_deadletters_total", "queue", FAULT_QUEUE) >= 1);
  }

  @Test
  void theScrapeHasEveryNamedMetricWithItsTags() throws Exception {
    // Spring skips a notifier bean silently if it cannot be made while Camel starts
    assertThat(camelContext.getManagementStrategy().getEventNotifiers())
        .hasAtLeastOneElementOfType(GatewayCallTimer.class)
        .hasAtLeastOneElementOfType(RedeliveryCounter.class)
        .hasAtLeastOneElementOfType(ChannelSignatureFailures.class);
    Scrape now = scrape();

    for (String channel : List.of("alipay", "wechatpay", "unionpay")) {
      Map<String, String> paid =
          Map.of("channel", channel, "operation", "PAY", "status", "SUCCEEDED");
      assertThat(now.delta(before, "payhub_payments_total", paid)).as(channel).isGreaterThan(0);
      // end to end, with the SLO buckets and the percentile histogram's own
      assertThat(now.delta(before, "payhub_payment_latency_seconds_count", paid))
          .as(channel)
          .isGreaterThan(0);
      assertThat(now.has("payhub_payment_latency_seconds_bucket", with(paid, "le", "1.0")))
          .isTrue();
      assertThat(now.has("payhub_payment_latency_seconds_bucket", with(paid, "le", "+Inf")))
          .isTrue();
      assertThat(now.labelValues("payhub_payment_latency_seconds_bucket", "le", paid).size())
          .as("percentile histogram buckets")
          .isGreaterThan(20);
      // each adapter's gateway call (a first call may time out: the notification still pays)
      assertThat(
              now.delta(
                  before,
                  "payhub_channel_call_seconds_count",
                  Map.of("channel", channel, "operation", "PAY")))
          .as(channel)
          .isGreaterThan(0);
      assertThat(
              now.has(
                  "payhub_channel_call_seconds_bucket", Map.of("channel", channel, "le", "0.25")))
          .isTrue();
    }
    assertThat(now.labelValues("payhub_channel_call_seconds_count", "outcome", Map.of()))
        .isSubsetOf("2xx", "3xx", "4xx", "5xx", "timeout", "unreachable", "io_error", "error")
        .contains("2xx");
    assertThat(
            now.delta(
                before,
                "payhub_channel_call_seconds_count",
                Map.of("channel", "alipay", "operation", "PAY", "outcome", "5xx")))
        .as("the .44 payment's 503")
        .isEqualTo(1);

    // signatures: the merchant's by reason, the channels' answers and notifications by reason
    assertThat(
            now.delta(
                before,
                "payhub_signature_rejected_total",
                Map.of("dialect", "canonical", "reason", "UNSIGNED")))
        .isEqualTo(1);
    assertThat(
            now.delta(
                before,
                "payhub_signature_rejected_total",
                Map.of("dialect", "canonical", "reason", "MALFORMED_SIGNATURE")))
        .isEqualTo(1);
    assertThat(
            now.delta(
                before,
                "payhub_channel_signature_rejected_total",
                Map.of("channel", "alipay", "message", "answer")))
        .as("the .48 payment's answer")
        .isEqualTo(1);
    assertThat(
            now.delta(
                before,
                "payhub_channel_signature_rejected_total",
                Map.of(
                    "channel",
                    "alipay",
                    "message",
                    "notification",
                    "reason",
                    "UNSUPPORTED_SIGN_TYPE")))
        .isEqualTo(1);
    assertThat(
            now.delta(
                before,
                "payhub_channel_signature_rejected_total",
                Map.of(
                    "channel", "wechatpay", "message", "notification", "reason", "MISSING_HEADER")))
        .isEqualTo(1);
    assertThat(
            now.delta(
                before,
                "payhub_channel_signature_rejected_total",
                Map.of(
                    "channel",
                    "unionpay",
                    "message",
                    "notification",
                    "reason",
                    "MISSING_SIGNATURE")))
        .isEqualTo(1);
    assertThat(
            now.delta(
                before,
                "payhub_seal_rejected_total",
                Map.of("channel", "wechatpay", "reason", "UNSEALED")))
        .isEqualTo(1);

    // refused inputs: the reason, the dialect and the transport
    for (String transport : List.of("http", "queue")) {
      assertThat(
              now.delta(
                  before,
                  "payhub_inputs_rejected_total",
                  Map.of(
                      "reason",
                      "UNKNOWN_MERCHANT",
                      "dialect",
                      "canonical",
                      "transport",
                      transport)))
          .as(transport)
          .isEqualTo(1);
    }
    // the signature refusals are refused inputs too
    assertThat(
            now.delta(
                before,
                "payhub_inputs_rejected_total",
                Map.of("reason", "SIGNATURE_INVALID", "transport", "http")))
        .isEqualTo(2);

    // 5 deliveries: 4 redeliveries, then one dead letter
    assertThat(now.value("payhub_redeliveries_total", "queue", FAULT_QUEUE)).isEqualTo(4);
    assertThat(now.value("payhub_deadletters_total", "queue", FAULT_QUEUE)).isEqualTo(1);
    // the hub's own queues have their counters from the start
    assertThat(now.has("payhub_redeliveries_total", Map.of("queue", "payments.channel.alipay")))
        .isTrue();
    assertThat(now.has("payhub_deadletters_total", Map.of("queue", "payments.inbound.canonical")))
        .isTrue();

    // a depth per hub queue and its DLQ, and the DLQ that the fault filled
    for (String q :
        List.of(
            "payments.inbound.canonical",
            "payments.inbound.alipay",
            "payments.inbound.wechatpay",
            "payments.inbound.unionpay",
            "payments.channel.alipay",
            "payments.channel.wechatpay",
            "payments.channel.unionpay",
            "payments.results",
            "payments.rejected")) {
      assertThat(now.has("payhub_queue_depth", Map.of("queue", q))).as(q).isTrue();
      assertThat(now.has("payhub_queue_depth", Map.of("queue", "DLQ." + q))).as(q).isTrue();
    }
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> scrape().value("payhub_queue_depth", "queue", "DLQ." + FAULT_QUEUE) == 1);
    assertThat(now.has("payhub_queue_depth_failures_total", Map.of())).isTrue();
  }

  @Test
  void queueDepthsAreTheBrokersFromBothSources() throws Exception {
    pauseAdapters();
    try {
      String orderNo = orderNo();
      assertThat(
              post("/api/v1/payments", "application/json", Samples.canonical(orderNo, null))
                  .statusCode())
          .isEqualTo(202);
      // the sampler (embedded broker) sees the order waiting on the channel queue ...
      Awaitility.await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> queueMeters.depth("payments.channel.alipay") >= 1);
      // ... and so does a scrape, without waiting on the broker
      double scraped = scrape().value("payhub_queue_depth", "queue", "payments.channel.alipay");
      assertThat(scraped).isGreaterThanOrEqualTo(1);
      // the management source (what a native broker is asked) reads the same counts over JMS
      Map<String, Long> embedded =
          new EmbeddedQueueCounts(
                  camelContext
                      .getRegistry()
                      .findSingleByType(
                          org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ.class)
                      .getActiveMQServer())
              .count(q -> q.startsWith("payments.channel."));
      Map<String, Long> managed =
          new ManagementQueueCounts(connectionFactory, Duration.ofSeconds(5))
              .count(q -> q.startsWith("payments.channel."));
      assertThat(managed).isEqualTo(embedded).containsKey("payments.channel.alipay");
      assertThat(managed.get("payments.channel.alipay")).isGreaterThanOrEqualTo(1);
    } finally {
      resumeAdapters();
    }
    // the adapter takes the order: the next samples say so
    Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> queueMeters.depth("payments.channel.alipay") == 0);
  }

  @Test
  void theDashboardQueriesOnlyMetricsTheHubExposes() throws Exception {
    JsonNode dashboard = JSON.readTree(Files.readString(DASHBOARD));
    Set<String> used = DashboardQueries.metricNames(dashboard);
    assertThat(used)
        .as("the dashboard's metrics")
        .contains(
            "payhub_payments_total",
            "payhub_payment_latency_seconds_bucket",
            "payhub_channel_call_seconds_bucket",
            "payhub_signature_rejected_total",
            "payhub_channel_signature_rejected_total",
            "payhub_inputs_rejected_total",
            "payhub_redeliveries_total",
            "payhub_deadletters_total",
            "payhub_queue_depth",
            "payhub_outbox_pending",
            "payhub_janitor_total",
            "payhub_webhooks_total");
    Set<String> scraped = scrape().names();
    assertThat(scraped).as("every metric the dashboard queries is scraped").containsAll(used);
    // every panel and query reads the Prometheus data source chosen in the dashboard's variable
    assertThat(DashboardQueries.dataSourceUids(dashboard)).containsOnly("${datasource}");
  }

  // ---------------------------------------------------------------------------------------------

  private static final String FORM = "application/x-www-form-urlencoded";

  private String pay(String channel, long minor) throws Exception {
    Map<String, Object> overrides = new LinkedHashMap<>();
    overrides.put("channel", "\"" + channel + "\"");
    overrides.put("amount", "{\"minor\":" + minor + ",\"currency\":\"CNY\"}");
    if (channel.equals("unionpay")) {
      overrides.put("attributes", "{\"accNo\":\"6216261000000000018\"}");
    }
    HttpResponse<String> r =
        post("/api/v1/payments", "application/json", Samples.canonical(orderNo(), overrides));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    return JSON.readTree(r.body()).path("paymentId").asText();
  }

  private HttpResponse<String> postWith(String path, String body, Map<String, String> headers)
      throws Exception {
    var b =
        java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + path))
            .header("Content-Type", "application/json")
            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(b::header);
    return java.net.http.HttpClient.newHttpClient()
        .send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private Scrape scrape() throws java.io.IOException {
    HttpResponse<String> r = get("/actuator/prometheus");
    assertThat(r.statusCode()).isEqualTo(200);
    // the last scrape stays for a human to read
    Files.writeString(Path.of("target/metrics-it-scrape.txt"), r.body());
    return Scrape.parse(r.body());
  }

  private static String orderNo() {
    return "MET" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
  }

  private static Map<String, String> with(Map<String, String> labels, String key, String value) {
    Map<String, String> m = new LinkedHashMap<>(labels);
    m.put(key, value);
    return m;
  }

  /** The samples of one scrape in the Prometheus text format. */
  record Scrape(List<Sample> samples) {

    record Sample(String name, Map<String, String> labels, double value) {}

    private static final Pattern LINE =
        Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s+(\\S+)(?:\\s+\\d+)?$");
    private static final Pattern LABEL =
        Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    static Scrape parse(String text) {
      List<Sample> samples = new ArrayList<>();
      for (String line : text.split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        Matcher m = LINE.matcher(line.trim());
        if (!m.matches()) {
          throw new AssertionError("not a Prometheus sample line: " + line);
        }
        Map<String, String> labels = new LinkedHashMap<>();
        if (m.group(2) != null) {
          Matcher l = LABEL.matcher(m.group(2));
          while (l.find()) {
            labels.put(l.group(1), l.group(2));
          }
        }
        samples.add(new Sample(m.group(1), labels, Double.parseDouble(m.group(3))));
      }
      return new Scrape(samples);
    }

    Set<String> names() {
      Set<String> names = new TreeSet<>();
      samples.forEach(s -> names.add(s.name()));
      return names;
    }

    boolean has(String name, Map<String, String> labels) {
      return samples.stream().anyMatch(s -> matches(s, name, labels));
    }

    /** The sum over the series of {@code name} whose labels include {@code labels}. */
    double value(String name, Map<String, String> labels) {
      return samples.stream()
          .filter(s -> matches(s, name, labels))
          .mapToDouble(Sample::value)
          .sum();
    }

    double value(String name, String label, String value) {
      return value(name, Map.of(label, value));
    }

    double delta(Scrape earlier, String name, Map<String, String> labels) {
      return value(name, labels) - earlier.value(name, labels);
    }

    Set<String> labelValues(String name, String label, Map<String, String> labels) {
      Set<String> values = new TreeSet<>();
      samples.stream()
          .filter(s -> matches(s, name, labels))
          .forEach(s -> values.add(s.labels().get(label)));
      return values;
    }

    private static boolean matches(Sample s, String name, Map<String, String> labels) {
      return s.name().equals(name) && s.labels().entrySet().containsAll(labels.entrySet());
    }
  }
}
