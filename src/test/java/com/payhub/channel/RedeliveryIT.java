package com.payhub.channel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.payhub.EventTap;
import com.payhub.HubTestSupport;
import com.payhub.Samples;
import com.payhub.ledger.Ledger;
import com.payhub.model.PaymentEvent;
import com.payhub.model.PaymentStatus;
import com.payhub.sandbox.unionpay.UnionPaySandboxGateway;
import jakarta.jms.Message;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Exactly one channel call per payment: the same sealed order delivered to its adapter twice (as
 * the broker does after a crash between the call and the commit) pays once; the second delivery
 * asks the channel instead.
 */
class RedeliveryIT extends HubTestSupport {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired UnionPaySandboxGateway unionpay;

  @Autowired Ledger ledger;

  /**
   * A UnionPay order taken over HTTP and caught on its channel queue, sealed, before an adapter.
   */
  private record Caught(
      String orderNo, String paymentId, String sealed, Map<String, String> properties) {}

  private Caught catchSealedOrder(String orderNo) throws Exception {
    Map<String, String> properties = new HashMap<>();
    pauseAdapters();
    try {
      HttpResponse<String> r =
          post(
              "/api/v1/payments",
              "application/json",
              Samples.canonical(
                  orderNo,
                  Map.of(
                      "channel",
                      "\"unionpay\"",
                      "attributes",
                      "{\"accNo\":\"6216261000000000018\"}")));
      assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
      String paymentId = JSON.readTree(r.body()).path("paymentId").asText();
      Message m = receive("payments.channel.unionpay", "PayHubPaymentId = '" + paymentId + "'");
      for (Object name : Collections.list(m.getPropertyNames())) {
        String n = name.toString();
        // a broker redelivery is the same message: it never meets duplicate detection
        if (!n.startsWith("_AMQ") && !n.startsWith("JMSX")) {
          properties.put(n, m.getStringProperty(n));
        }
      }
      return new Caught(orderNo, paymentId, text(m), properties);
    } finally {
      resumeAdapters();
    }
  }

  @Test
  void aRedeliveredPayQueriesTheChannelInsteadOfPayingAgain() throws Exception {
    String orderNo = "REDELIV" + System.nanoTime() % 10_000_000;
    Caught caught = catchSealedOrder(orderNo);
    String paymentId = caught.paymentId();
    String sealed = caught.sealed();
    Map<String, String> properties = caught.properties();

    try (EventTap events = tapEvents()) {
      send("payments.channel.unionpay", sealed, properties);
      events.await(paymentId, e -> e.status() == PaymentStatus.PENDING, Duration.ofSeconds(20));
      send("payments.channel.unionpay", sealed, properties);

      PaymentEvent paid =
          events.await(
              paymentId, e -> e.status() == PaymentStatus.SUCCEEDED, Duration.ofSeconds(20));
      assertThat(paid.amount().minor()).isEqualTo(10000);
      org.awaitility.Awaitility.await()
          .atMost(Duration.ofSeconds(20))
          .until(
              () ->
                  unionpay.received(orderNo).stream()
                      .anyMatch(q -> "00".equals(q.fields().get("txnType"))));
      assertThat(unionpay.received(orderNo))
          .filteredOn(q -> "01".equals(q.fields().get("txnType")))
          .as("one consume reached UnionPay, however often the order was delivered")
          .hasSize(1);
      assertThat(events.of(paymentId))
          .extracting(PaymentEvent::status)
          .containsExactlyInAnyOrder(PaymentStatus.PENDING, PaymentStatus.SUCCEEDED);
    }
  }

  @Test
  void aPayRecordedButNeverSentGoesOutOnceTheChannelSaysItNeverGotIt() throws Exception {
    String orderNo = "NEVERSENT" + System.nanoTime() % 10_000_000;
    Caught caught = catchSealedOrder(orderNo);
    // the hub recorded the attempt, then died before the request left it
    assertThat(ledger.recordAttempt(caught.paymentId(), "PAY")).isEqualTo(1);

    try (EventTap events = tapEvents()) {
      send("payments.channel.unionpay", caught.sealed(), caught.properties());

      PaymentEvent paid =
          events.await(
              caught.paymentId(),
              e -> e.status() == PaymentStatus.SUCCEEDED,
              Duration.ofSeconds(30));
      assertThat(paid.amount().minor()).isEqualTo(10000);
      assertThat(unionpay.received(orderNo))
          .extracting(q -> q.fields().get("txnType"))
          .as("asked first (respCode 34: no such order), then paid once")
          .startsWith("00")
          .containsOnlyOnce("01");
    }
  }
}
