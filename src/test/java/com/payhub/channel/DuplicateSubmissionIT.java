package com.payhub.channel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.payhub.HubTestSupport;
import com.payhub.Samples;
import com.payhub.sandbox.alipay.AlipaySandboxRequests;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The same 500 merchant orders submitted twice at once, one copy over HTTP and one over the queue,
 * with the adapters running: the channel is asked to pay 500 times, not 1,000, and every payment
 * ends SUCCEEDED.
 */
class DuplicateSubmissionIT extends HubTestSupport {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int ORDERS = 500;

  @Autowired AlipaySandboxRequests alipay;
  @Autowired JdbcTemplate jdbc;

  @Test
  void fiveHundredOrdersTwiceMakeFiveHundredChannelCalls() throws Exception {
    String run = "D" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    ExecutorService pool = Executors.newFixedThreadPool(16);
    List<Future<JsonNode>> answers = new ArrayList<>();
    for (int i = 0; i < ORDERS; i++) {
      String orderNo = run + "_" + i;
      answers.add(pool.submit(() -> viaHttp(orderNo)));
      answers.add(pool.submit(() -> viaQueue(orderNo)));
    }
    int duplicates = 0;
    for (Future<JsonNode> f : answers) {
      duplicates += f.get().path("duplicate").asBoolean() ? 1 : 0;
    }
    pool.shutdown();
    assertThat(duplicates).as("one copy of each order is the duplicate").isEqualTo(ORDERS);

    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(180))
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> count("SUCCEEDED", run) == ORDERS);

    assertThat(count(null, run)).as("ledger rows").isEqualTo(ORDERS);
    int calls = 0;
    for (int i = 0; i < ORDERS; i++) {
      int n = alipay.count("alipay.trade.precreate", run + "_" + i);
      assertThat(n).as("precreates of order %d", i).isEqualTo(1);
      calls += n;
    }
    assertThat(calls).isEqualTo(ORDERS);
  }

  private int count(String status, String run) {
    return status == null
        ? jdbc.queryForObject(
            "select count(*) from payment where merchant_order_no like ?",
            Integer.class,
            run + "\\_%")
        : jdbc.queryForObject(
            "select count(*) from payment where merchant_order_no like ? and status = ?",
            Integer.class,
            run + "\\_%",
            status);
  }

  private JsonNode viaHttp(String orderNo) throws Exception {
    HttpResponse<String> r =
        post("/api/v1/payments", "application/json", Samples.canonical(orderNo, null));
    assertThat(r.statusCode()).as(r.body()).isIn(200, 202);
    return JSON.readTree(r.body());
  }

  private JsonNode viaQueue(String orderNo) throws Exception {
    String correlation = UUID.randomUUID().toString();
    send(
        "payments.inbound.canonical",
        Samples.canonical(orderNo, null),
        Map.of("JMSCorrelationID", correlation));
    return JSON.readTree(
        text(receive("payments.results", "JMSCorrelationID = '" + correlation + "'")));
  }
}
