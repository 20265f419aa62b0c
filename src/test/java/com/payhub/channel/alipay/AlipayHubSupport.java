package com.payhub.channel.alipay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.payhub.EventTap;
import com.payhub.HubTestSupport;
import com.payhub.Samples;
import com.payhub.model.Operation;
import com.payhub.model.PaymentEvent;
import com.payhub.model.PaymentStatus;
import com.payhub.sandbox.SandboxNotifier;
import com.payhub.sandbox.alipay.AlipaySandboxRequests;
import jakarta.jms.Message;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.springframework.beans.factory.annotation.Autowired;

/** The Alipay ITs' shared moves: canonical requests over HTTP or the queue, and what came back. */
abstract class AlipayHubSupport extends HubTestSupport {

  static final ObjectMapper JSON = new ObjectMapper();
  static final Duration WAIT = Duration.ofSeconds(20);

  @Autowired AlipaySandboxRequests sandboxRequests;
  @Autowired SandboxNotifier sandboxNotifier;

  static String orderNo(String prefix) {
    return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
  }

  /** Sends a canonical request over "http" or "queue"; returns the ingest answer. */
  JsonNode submit(String transport, String canonicalJson) throws Exception {
    if (transport.equals("http")) {
      HttpResponse<String> r = post("/api/v1/payments", "application/json", canonicalJson);
      assertThat(r.statusCode()).as(r.body()).isIn(200, 202);
      return JSON.readTree(r.body());
    }
    String correlation = UUID.randomUUID().toString();
    send("payments.inbound.canonical", canonicalJson, Map.of("JMSCorrelationID", correlation));
    Message m = receive("payments.results", "JMSCorrelationID = '" + correlation + "'");
    JsonNode result = JSON.readTree(text(m));
    assertThat(result.get("status").asText()).as(text(m)).isEqualTo("DISPATCHED");
    return result;
  }

  /** A PAY for {@code minor} fen; returns the payment id. */
  String pay(String transport, String orderNo, long minor) throws Exception {
    return submit(
            transport,
            Samples.canonical(
                orderNo, Samples.with("amount", "{\"minor\":" + minor + ",\"currency\":\"CNY\"}")))
        .get("paymentId")
        .asText();
  }

  JsonNode query(String transport, String orderNo) throws Exception {
    return submit(transport, operation(orderNo, "QUERY"));
  }

  JsonNode close(String transport, String orderNo) throws Exception {
    return submit(transport, operation(orderNo, "CLOSE"));
  }

  JsonNode refund(String transport, String orderNo, String refundNo, long minor) throws Exception {
    return submit(
        transport,
        Samples.canonical(
            orderNo,
            Samples.with(
                "operation",
                "\"REFUND\"",
                "refundNo",
                "\"" + refundNo + "\"",
                "amount",
                "{\"minor\":" + minor + ",\"currency\":\"CNY\"}",
                "subject",
                null,
                "notifyUrl",
                null)));
  }

  private static String operation(String orderNo, String operation) {
    return Samples.canonical(
        orderNo,
        Samples.with(
            "operation",
            "\"" + operation + "\"",
            "amount",
            null,
            "subject",
            null,
            "notifyUrl",
            null));
  }

  static PaymentEvent await(EventTap tap, String paymentId, PaymentStatus status) {
    return tap.await(paymentId, e -> e.operation() == Operation.PAY && e.status() == status, WAIT);
  }

  static PaymentEvent awaitRefund(EventTap tap, String paymentId, PaymentStatus status) {
    return tap.await(
        paymentId, e -> e.operation() == Operation.REFUND && e.status() == status, WAIT);
  }

  /**
   * The payment's events are exactly these, one each, and stay so for a while (no late duplicate).
   * Compared in any order: the adapter's event and the notification's can reach the topic in either
   * order (each names its previous status).
   */
  static void onlyEvents(EventTap tap, String paymentId, PaymentStatus... statuses) {
    onlyEvents(
        tap,
        paymentId,
        java.util.Arrays.stream(statuses).map(s -> "PAY:" + s).toArray(String[]::new));
  }

  /** As above, each event as {@code OPERATION:STATUS}. */
  static void onlyEvents(EventTap tap, String paymentId, String... events) {
    List<String> expected = java.util.Arrays.stream(events).sorted().toList();
    Awaitility.await()
        .during(Duration.ofMillis(700))
        .atMost(Duration.ofSeconds(8))
        .until(
            () ->
                tap.of(paymentId).stream()
                    .map(e -> e.operation() + ":" + e.status())
                    .sorted()
                    .toList(),
            expected::equals);
  }

  /** How many requests of this method the sandbox received for this order. */
  int sandboxCalls(String orderNo, String method) {
    return (int)
        sandboxRequests.forTrade(orderNo).stream()
            .filter(r -> method.equals(r.params().get("method")))
            .count();
  }

  /** The notifications the sandbox delivered for this order (every copy, every attempt). */
  List<SandboxNotifier.Delivery> deliveries(String orderNo) {
    return sandboxNotifier.deliveries("alipay:" + orderNo + ":");
  }

  /** Waits until every notification for the order was acknowledged with exactly "success". */
  void awaitAcknowledged(String orderNo, int expected) {
    Awaitility.await()
        .atMost(WAIT)
        .until(
            () -> deliveries(orderNo),
            d ->
                d.size() == expected
                    && d.stream().allMatch(SandboxNotifier.Delivery::acknowledged));
    for (SandboxNotifier.Delivery d : deliveries(orderNo)) {
      SandboxNotifier.Attempt last = d.attempts().get(d.attempts().size() - 1);
      assertThat(last.body()).isEqualTo("success");
      assertThat(last.status()).isEqualTo(200);
    }
  }

  /** The sandbox's own keys (generated on the hub's first start). */
  static String sandboxPem(String file) throws Exception {
    return Files.readString(
        DATA_DIR.resolve("keys/sandbox").resolve(file), StandardCharsets.US_ASCII);
  }

  static Path sandboxFile(String file) {
    return DATA_DIR.resolve("keys/sandbox").resolve(file);
  }
}
