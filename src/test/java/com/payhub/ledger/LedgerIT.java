package com.payhub.ledger;

import static com.payhub.Samples.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.payhub.HubTestSupport;
import com.payhub.Samples;
import com.payhub.ingest.IngestService;
import com.payhub.model.PaymentOrder;
import com.payhub.model.PaymentStatus;
import com.payhub.outbox.Outbox;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultExchange;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every merchant order is taken once: a resubmission (HTTP or queue, any dialect) is answered with
 * the existing payment and not dispatched again; the same order number with other terms is an
 * ORDER_CONFLICT; the query API tells what happened, with the history.
 */
class LedgerIT extends HubTestSupport {

  // this test reads the channel queues itself: the adapters would take the orders first
  @org.junit.jupiter.api.BeforeEach
  void pauseChannelAdapters() throws Exception {
    pauseAdapters();
  }

  @org.junit.jupiter.api.AfterEach
  void resumeChannelAdapters() throws Exception {
    resumeAdapters();
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired JdbcTemplate jdbc;
  @Autowired Outbox outbox;
  @Autowired IngestService ingest;
  @Autowired Ledger ledger;
  @Autowired org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ broker;

  @Test
  void aResubmittedOrderIsAnsweredWithTheExistingPaymentAndNotDispatchedTwice() throws Exception {
    String orderNo = "IDEM" + shortId();
    HttpResponse<String> first =
        post("/api/v1/payments", "application/json", Samples.canonical(orderNo, null));
    assertThat(first.statusCode()).isEqualTo(202);
    String paymentId = JSON.readTree(first.body()).get("paymentId").asText();

    // the same order again, now in the Alipay dialect (same merchant, same order number, same
    // terms)
    HttpResponse<String> again =
        post(
            "/inbound/alipay",
            "application/x-www-form-urlencoded",
            Samples.alipayForm(orderNo, null));
    assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
    JsonNode dup = JSON.readTree(again.body());
    assertThat(dup.get("duplicate").asBoolean()).isTrue();
    assertThat(dup.get("paymentId").asText()).isEqualTo(paymentId);
    assertThat(dup.get("status").asText()).isEqualTo("DISPATCHED");

    Message dispatched =
        receive("payments.channel.alipay", "PayHubPaymentId = '" + paymentId + "'");
    assertThat(property(dispatched, "_AMQ_DUPL_ID")).isEqualTo(paymentId + ":PAY");
    var quick = jms();
    quick.setReceiveTimeout(1_000);
    assertThat(
            quick.receiveSelected(
                "payments.channel.alipay", "PayHubPaymentId = '" + paymentId + "'"))
        .as("dispatched once")
        .isNull();
    assertThat(rows(orderNo)).isEqualTo(1);
  }

  @Test
  void aResubmissionFinishesTheDispatchOfAnOrderTheLedgerTookButNeverDispatched() throws Exception {
    // the first submission got as far as the ledger (RECEIVED), then the hub died
    String orderNo = "STUCK" + shortId();
    Exchange first = new DefaultExchange(camelContext);
    first.getMessage().setBody(Samples.canonical(orderNo, null));
    first.getMessage().setHeader("PayHubDialect", "canonical");
    first.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
    ingest.ingest(first);
    String paymentId =
        ledger
            .admit(first.getProperty(IngestService.ORDER, PaymentOrder.class), "test:died")
            .payment()
            .paymentId();

    // the sender did not get an answer and sends the order again
    HttpResponse<String> again =
        post("/api/v1/payments", "application/json", Samples.canonical(orderNo, null));
    assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
    assertThat(JSON.readTree(again.body()).get("paymentId").asText()).isEqualTo(paymentId);

    Message dispatched =
        receive("payments.channel.alipay", "PayHubPaymentId = '" + paymentId + "'");
    assertThat(property(dispatched, "_AMQ_DUPL_ID")).isEqualTo(paymentId + ":PAY");
    assertThat(JSON.readTree(text(dispatched)).get("paymentId").asText())
        .as("the sealed order carries the ledger's id, not the resubmission's")
        .isEqualTo(paymentId);
    assertThat(ledger.findPayment(paymentId).orElseThrow().status())
        .isEqualTo(PaymentStatus.DISPATCHED);

    // a third copy finds it DISPATCHED: answered, not dispatched again
    post("/api/v1/payments", "application/json", Samples.canonical(orderNo, null));
    var quick = jms();
    quick.setReceiveTimeout(1_000);
    assertThat(
            quick.receiveSelected(
                "payments.channel.alipay", "PayHubPaymentId = '" + paymentId + "'"))
        .isNull();
  }

  @Test
  void theBrokerDropsASecondCopyWithTheSameDuplicateId() throws Exception {
    String dedupe = "P" + shortId() + ":PAY";
    for (int i = 0; i < 2; i++) {
      send("test.dedupe", "copy " + i, Map.of("_AMQ_DUPL_ID", dedupe, "testCase", dedupe));
    }
    assertThat(text(receive("test.dedupe", "testCase = '" + dedupe + "'"))).isEqualTo("copy 0");
    var quick = jms();
    quick.setReceiveTimeout(1_000);
    assertThat(quick.receiveSelected("test.dedupe", "testCase = '" + dedupe + "'")).isNull();
  }

  @Test
  void theSameOrderNumberWithOtherTermsIsAConflictOverHttpAndQueue() throws Exception {
    String orderNo = "CONF" + shortId();
    assertThat(
            post("/api/v1/payments", "application/json", Samples.canonical(orderNo, null))
                .statusCode())
        .isEqualTo(202);
    String other =
        Samples.canonical(orderNo, with("amount", "{\"minor\":10001,\"currency\":\"CNY\"}"));
    HttpResponse<String> r = post("/api/v1/payments", "application/json", other);
    assertThat(r.statusCode()).isEqualTo(409);
    assertThat(JSON.readTree(r.body()).get("reason").asText()).isEqualTo("ORDER_CONFLICT");

    String testCase = UUID.randomUUID().toString();
    send("payments.inbound.canonical", other, Map.of("testCase", testCase));
    Message refused = receive("payments.rejected", "testCase = '" + testCase + "'");
    assertThat(property(refused, "PayHubRejectCode")).isEqualTo("ORDER_CONFLICT");
    assertThat(rows(orderNo)).isEqualTo(1);
  }

  @Test
  void theQueryApiTellsStatusAmountAndHistory() throws Exception {
    String orderNo = "QRY" + shortId();
    String paymentId =
        JSON.readTree(
                post("/api/v1/payments", "application/json", Samples.canonical(orderNo, null))
                    .body())
            .get("paymentId")
            .asText();

    HttpResponse<String> byId = get("/api/v1/payments/" + paymentId);
    assertThat(byId.statusCode()).isEqualTo(200);
    JsonNode view = JSON.readTree(byId.body());
    assertThat(view.at("/payment/status").asText()).isEqualTo("DISPATCHED");
    assertThat(view.at("/payment/amount/minor").asLong()).isEqualTo(10000);
    assertThat(view.get("history").findValuesAsText("to"))
        .containsExactly("RECEIVED", "DISPATCHED");

    HttpResponse<String> byOrder =
        get("/api/v1/payments?merchantId=M100001&merchantOrderNo=" + orderNo);
    assertThat(byOrder.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(byOrder.body()).at("/payment/paymentId").asText())
        .isEqualTo(paymentId);

    HttpResponse<String> unknown = get("/api/v1/payments/P00000000000000000000000000");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
  }

  @Test
  void fiveHundredOrdersSubmittedTwiceConcurrentlyOverHttpAndQueuesAreTakenOnce() throws Exception {
    String run = "C" + shortId().substring(0, 6);
    int orders = 500;
    Map<String, Set<String>> idsByOrder = new ConcurrentHashMap<>();
    List<Boolean> duplicates = Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(16);
    List<Future<?>> futures = new ArrayList<>();
    for (int i = 0; i < orders; i++) {
      String orderNo = run + "_" + i;
      for (int copy = 0; copy < 2; copy++) {
        boolean overHttp = (i + copy) % 2 == 0; // one copy over HTTP, one over the queue
        futures.add(
            pool.submit(
                () -> {
                  JsonNode result = overHttp ? viaHttp(orderNo) : viaQueue(orderNo);
                  idsByOrder
                      .computeIfAbsent(orderNo, k -> ConcurrentHashMap.newKeySet())
                      .add(result.get("paymentId").asText());
                  duplicates.add(result.get("duplicate").asBoolean());
                  return null;
                }));
      }
    }
    for (Future<?> f : futures) {
      f.get();
    }
    pool.shutdown();

    assertThat(idsByOrder).hasSize(orders);
    assertThat(idsByOrder.values())
        .allSatisfy(ids -> assertThat(ids).as("both copies name one payment").hasSize(1));
    // at least one copy of each order is answered as a duplicate; both are when the first copy's
    // queue transaction rolled back after the ledger took it (the redelivery finds it there)
    assertThat(duplicates.stream().filter(d -> d).count()).isGreaterThanOrEqualTo(orders);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from payment where merchant_order_no like ?",
                Integer.class,
                run + "\\_%"))
        .isEqualTo(orders);

    Set<String> paymentIds = new HashSet<>();
    idsByOrder.values().forEach(paymentIds::addAll);
    // the relay sends the committed orders from the outbox: take them off the channel queue (the
    // adapters are paused) until each order arrived, then check that no second copy follows
    Map<String, Integer> onQueue = new ConcurrentHashMap<>();
    drain(paymentIds, onQueue, Duration.ofSeconds(60), orders);
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> outbox.pending() == 0);
    drain(paymentIds, onQueue, Duration.ofSeconds(2), Integer.MAX_VALUE);
    var q = broker.getActiveMQServer().locateQueue("payments.channel.alipay");
    assertThat(onQueue)
        .as(
            "every order reached its channel queue (queue now: %d messages, %d delivering, %d"
                + " consumers, %d added)",
            q.getMessageCount(), q.getDeliveringCount(), q.getConsumerCount(), q.getMessagesAdded())
        .hasSize(orders);
    assertThat(onQueue.values()).as("each exactly once").containsOnly(1);
  }

  /** Receives from payments.channel.alipay until {@code enough} orders of ours or a quiet gap. */
  private void drain(Set<String> ours, Map<String, Integer> seen, Duration quiet, int enough) {
    jms()
        .execute(
            session -> {
              try (MessageConsumer c =
                  session.createConsumer(session.createQueue("payments.channel.alipay"))) {
                while (seen.size() < enough) {
                  Message m = c.receive(quiet.toMillis());
                  if (m == null) {
                    break;
                  }
                  String id = m.getStringProperty("PayHubPaymentId");
                  if (ours.contains(id)) {
                    seen.merge(id, 1, Integer::sum);
                  }
                }
              }
              return null;
            },
            true);
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

  private int rows(String orderNo) {
    return jdbc.queryForObject(
        "select count(*) from payment where merchant_order_no = ?", Integer.class, orderNo);
  }

  private static String shortId() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }
}
