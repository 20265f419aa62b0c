package com.payhub.ingest;

import static org.assertj.core.api.Assertions.assertThat;

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
    assertThat(dead.getStringProperty("_AMQ_ORIG_QUEUE"))
        .isEqualTo("payments.inbound.misconfigured");
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
        .contains("Nothing was dispatched")
        .doesNotContain("no-such-dialect")
        .doesNotContain("Exception");
  }
}
