package com.payhub.channel.wechatpay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.payhub.EventTap;
import com.payhub.HubTestSupport;
import com.payhub.Samples;
import com.payhub.model.PaymentEvent;
import com.payhub.model.PaymentStatus;
import com.payhub.sandbox.SandboxNotifier;
import com.payhub.sandbox.wechatpay.WechatPaySandboxNotifications;
import com.payhub.sandbox.wechatpay.WechatPaySandboxRequests;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The hub with its WeChat Pay adapter and sandbox: canonical requests in over HTTP or the queue,
 * and the sandbox's records to judge what went out and came back.
 */
abstract class WechatPayHubSupport extends HubTestSupport {

  static final ObjectMapper JSON = new ObjectMapper();
  static final Duration WAIT = Duration.ofSeconds(20);

  @Autowired WechatPaySandboxRequests sandboxRequests;
  @Autowired SandboxNotifier notifier;

  WechatPaySdkOracle oracle() {
    return new WechatPaySdkOracle(DATA_DIR.resolve("keys/sandbox"));
  }

  static String orderNo(String prefix) {
    return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
  }

  static String pay(String orderNo, long minor) {
    return Samples.canonical(
        orderNo,
        Samples.with(
            "channel",
            "\"wechatpay\"",
            "amount",
            "{\"minor\":" + minor + ",\"currency\":\"CNY\"}",
            "subject",
            "\"Green tea\""));
  }

  static String byOrder(String orderNo, String operation) {
    return Samples.canonical(
        orderNo,
        Samples.with(
            "channel",
            "\"wechatpay\"",
            "operation",
            "\"" + operation + "\"",
            "amount",
            null,
            "subject",
            null,
            "notifyUrl",
            null));
  }

  static String refund(String orderNo, String refundNo, long minor) {
    return Samples.canonical(
        orderNo,
        Samples.with(
            "channel",
            "\"wechatpay\"",
            "operation",
            "\"REFUND\"",
            "refundNo",
            "\"" + refundNo + "\"",
            "amount",
            "{\"minor\":" + minor + ",\"currency\":\"CNY\"}",
            "subject",
            null,
            "notifyUrl",
            null));
  }

  /** Submits a canonical request over HTTP or the inbound queue; returns ingest's result. */
  JsonNode submit(String transport, String body) throws Exception {
    if (transport.equals("http")) {
      HttpResponse<String> r = post("/api/v1/payments", "application/json", body);
      assertThat(r.statusCode()).as(r.body()).isIn(200, 202);
      return JSON.readTree(r.body());
    }
    String correlation = UUID.randomUUID().toString();
    send("payments.inbound.canonical", body, Map.of("JMSCorrelationID", correlation));
    return JSON.readTree(
        text(receive("payments.results", "JMSCorrelationID = '" + correlation + "'")));
  }

  /** PAY, answered by the sandbox; returns the payment id once the payment is PENDING. */
  String payPending(EventTap events, String transport, String orderNo, long minor)
      throws Exception {
    JsonNode accepted = submit(transport, pay(orderNo, minor));
    assertThat(accepted.path("status").asText()).as(accepted.toString()).isEqualTo("DISPATCHED");
    String paymentId = accepted.path("paymentId").asText();
    events.await(paymentId, e -> e.status() == PaymentStatus.PENDING, WAIT);
    return paymentId;
  }

  /**
   * PAY, answered by the sandbox; returns the payment id once it has its first event (PENDING from
   * the answer, or SUCCEEDED when the notification overtook the answer: the ledger then refuses the
   * late PENDING, and publishes nothing for it).
   */
  String payAccepted(EventTap events, String transport, String orderNo, long minor)
      throws Exception {
    JsonNode accepted = submit(transport, pay(orderNo, minor));
    assertThat(accepted.path("status").asText()).as(accepted.toString()).isEqualTo("DISPATCHED");
    String paymentId = accepted.path("paymentId").asText();
    events.await(paymentId, e -> true, WAIT);
    return paymentId;
  }

  /**
   * The payment's events, in ledger order, are exactly {@code expected}, where an entry written
   * {@code ?X} may be missing: the adapter's PENDING when the notification overtook the answer.
   */
  static void assertTransitions(EventTap events, String paymentId, String... expected) {
    java.util.List<String> actual = statuses(events, paymentId);
    java.util.List<String> required =
        java.util.Arrays.stream(expected).filter(x -> !x.startsWith("?")).toList();
    int i = 0;
    for (String want : expected) {
      String name = want.startsWith("?") ? want.substring(1) : want;
      if (i < actual.size() && actual.get(i).equals(name)) {
        i++;
      } else if (!want.startsWith("?")) {
        break;
      }
    }
    assertThat(i == actual.size() && actual.containsAll(required))
        .as("events %s match %s", actual, java.util.Arrays.toString(expected))
        .isTrue();
  }

  static PaymentEvent awaitStatus(EventTap events, String paymentId, PaymentStatus status) {
    return events.await(paymentId, e -> e.status() == status, WAIT);
  }

  /** Waits until every sandbox delivery for the order was acknowledged. */
  void awaitDeliveries(String orderNo, int expected) {
    Awaitility.await()
        .atMost(WAIT)
        .until(
            () -> notifier.deliveries(WechatPaySandboxNotifications.KEY_PREFIX + orderNo),
            d ->
                d.size() == expected
                    && d.stream().allMatch(SandboxNotifier.Delivery::acknowledged));
  }

  /**
   * The statuses of the payment's events in ledger order (refund events prefixed with REFUND:).
   * Sorted by their time, not by arrival: the adapter publishes inside its queue transaction, so a
   * notification's event can overtake the adapter's on the topic.
   */
  static java.util.List<String> statuses(EventTap events, String paymentId) {
    return events.of(paymentId).stream()
        .sorted(java.util.Comparator.comparing(PaymentEvent::at))
        .map(e -> (e.operation().name().equals("REFUND") ? "REFUND:" : "") + e.status())
        .toList();
  }
}
