package com.payhub.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.payhub.HubTestSupport;
import com.payhub.Samples;
import jakarta.jms.Message;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jms.core.JmsTemplate;

/**
 * A fault that is not a refused input never loses the request. Over HTTP the client gets a 503
 * problem saying nothing was dispatched; a queue message is rolled back: the broker redelivers it
 * and finally keeps it, unchanged, in DLQ.&lt;queue&gt;. Nothing is lost. The fault here is a
 * misconfigured route made from the production template (a dialect the hub does not know).
 */
class FaultIT extends HubTestSupport {

  @Autowired CamelContext camel;

  @Test
  void aFaultingMessageEndsInTheDeadLetterQueueUnchanged() throws Exception {
    TemplatedRouteBuilder.builder(camel, "queue-ingest")
        .routeId("ingest-queue-misconfigured")
        .parameter("queue", "payments.inbound.misconfigured")
        .parameter("dialect", "no-such-dialect")
        .add();

    String body = Samples.canonical("FAULT0001", null);
    String testCase = UUID.randomUUID().toString();
    send("payments.inbound.misconfigured", body, Map.of("testCase", testCase));

    JmsTemplate jms = jms();
    jms.setReceiveTimeout(40_000);
    Message dead =
        jms.receiveSelected(
            "DLA::DLQ.payments.inbound.misconfigured", "testCase = '" + testCase + "'");
    assertThat(dead).as("the message is kept in the dead-letter queue").isNotNull();
    assertThat(text(dead)).isEqualTo(body);
    assertThat(dead.getStringProperty("PayHubOriginalQueue"))
        .isEqualTo("payments.inbound.misconfigured");
    assertThat(dead.getStringProperty("PayHubFailureReason"))
        .as("why it failed travels with it")
        .contains("no-such-dialect");
    assertThat(dead.getStringProperty("PayHubFailedRoute")).isEqualTo("ingest-queue-misconfigured");
  }

  @Test
  void opsListADeadLetterWithItsReasonAndReplayItOntoItsQueue() throws Exception {
    TemplatedRouteBuilder.builder(camel, "queue-ingest")
        .routeId("ingest-queue-misconfigured-2")
        .parameter("queue", "payments.inbound.misconfigured2")
        .parameter("dialect", "no-such-dialect")
        .add();
    String body = Samples.canonical("FAULT0003", null);
    String testCase = UUID.randomUUID().toString();
    send("payments.inbound.misconfigured2", body, Map.of("testCase", testCase));

    JsonNode listed =
        org.awaitility.Awaitility.await()
            .atMost(java.time.Duration.ofSeconds(40))
            .until(() -> deadLetter("DLQ.payments.inbound.misconfigured2"), n -> n != null);
    assertThat(listed.path("reason").asText()).contains("no-such-dialect");
    assertThat(listed.path("originalQueue").asText()).isEqualTo("payments.inbound.misconfigured2");

    // fixed (here: the broken route is stopped), the message goes back, unchanged
    camel.getRouteController().stopRoute("ingest-queue-misconfigured-2");
    var replay =
        post(
            "/actuator/deadletters",
            "application/json",
            "{\"deadLetterQueue\":\"DLQ.payments.inbound.misconfigured2\",\"messageId\":\""
                + listed.path("messageId").asText()
                + "\"}");
    assertThat(replay.statusCode()).as(replay.body()).isEqualTo(200);
    assertThat(replay.body()).contains("\"replayed\":true");
    Message back = receive("payments.inbound.misconfigured2", "testCase = '" + testCase + "'");
    assertThat(text(back)).isEqualTo(body);
    assertThat(back.getStringProperty("PayHubFailureReason")).isNull();
    assertThat(back.getStringProperty("PayHubReplayOf"))
        .isEqualTo(listed.path("messageId").asText());
    assertThat(deadLetter("DLQ.payments.inbound.misconfigured2")).as("moved, not copied").isNull();
    // the endpoint left the hub's shared connection as it was: topics still work
    try (var events = tapEvents()) {
      assertThat(events.all()).isNotNull();
    }
  }

  private JsonNode deadLetter(String queue) throws Exception {
    for (JsonNode n : new ObjectMapper().readTree(get("/actuator/deadletters").body())) {
      if (n.path("deadLetterQueue").asText().equals(queue)) {
        return n;
      }
    }
    return null;
  }

  @Test
  void anHttpClientGetsA503ProblemAndNoInternals() throws Exception {
    TemplatedRouteBuilder.builder(camel, "http-ingest")
        .routeId("ingest-http-misconfigured")
        .parameter("path", "/inbound/misconfigured")
        .parameter("dialect", "no-such-dialect")
        .add();

    var r =
        post("/inbound/misconfigured", "application/json", Samples.canonical("FAULT0002", null));
    assertThat(r.statusCode()).isEqualTo(503);
    assertThat(r.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    assertThat(r.body())
        .contains("with the same merchant order number")
        .doesNotContain("no-such-dialect")
        .doesNotContain("Exception");
  }
}
