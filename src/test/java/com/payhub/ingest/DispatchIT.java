package com.payhub.ingest;

import static com.payhub.Samples.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import com.payhub.HubTestSupport;
import com.payhub.Samples;
import com.payhub.model.PaymentOrderSchemaTest;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jms.core.JmsTemplate;

/**
 * Each dialect, over HTTP and over its inbound queue, ends on its channel queue as canonical JSON
 * with the exact minor-unit amount.
 */
class DispatchIT extends HubTestSupport {

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

  record Input(
      String dialect,
      String path,
      String contentType,
      String queue,
      String channel,
      String body,
      long expectedMinor,
      String merchantOrderNo) {}

  static Stream<Arguments> inputs() {
    String a = "A" + shortId();
    String w = "W" + shortId();
    String u = "U" + shortId();
    String c = "C" + shortId();
    return Stream.of(
            new Input(
                "canonical",
                "/api/v1/payments",
                "application/json",
                "payments.inbound.canonical",
                "wechatpay",
                Samples.canonical(
                    c,
                    with(
                        "channel",
                        "\"wechatpay\"",
                        "amount",
                        "{\"minor\":12345,\"currency\":\"CNY\"}")),
                12345,
                c),
            new Input(
                "alipay",
                "/inbound/alipay",
                "application/x-www-form-urlencoded",
                "payments.inbound.alipay",
                "alipay",
                Samples.alipayForm(a, with("biz_content", Samples.alipayBiz(a, "100.10"))),
                10010,
                a),
            new Input(
                "wechatpay",
                "/inbound/wechatpay/v3/pay/transactions/native",
                "application/json",
                "payments.inbound.wechatpay",
                "wechatpay",
                Samples.wechat(w, with("amount", "{\"total\":1,\"currency\":\"CNY\"}")),
                1,
                w),
            new Input(
                "unionpay",
                "/inbound/unionpay",
                "application/x-www-form-urlencoded",
                "payments.inbound.unionpay",
                "unionpay",
                Samples.unionpay(u, with("txnAmt", "987654321")),
                987654321,
                u))
        .flatMap(i -> Stream.of(Arguments.of("http", i), Arguments.of("queue", i)));
  }

  @ParameterizedTest(name = "{1} over {0}")
  @MethodSource("inputs")
  void endsOnItsChannelQueueAsCanonicalJson(String transport, Input in) throws Exception {
    // the same merchant order number twice (once per transport) would be a duplicate once the
    // ledger exists; suffix it per transport
    String orderNo = in.merchantOrderNo() + transport.charAt(0);
    String body = in.body().replace(in.merchantOrderNo(), orderNo);
    String paymentId;
    if (transport.equals("http")) {
      HttpResponse<String> r = post(in.path(), in.contentType(), body);
      assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
      JsonNode result = JSON.readTree(r.body());
      assertThat(result.get("status").asText()).isEqualTo("DISPATCHED");
      paymentId = result.get("paymentId").asText();
    } else {
      String correlation = UUID.randomUUID().toString();
      send(in.queue(), body, Map.of("JMSCorrelationID", correlation));
      Message m = receive("payments.results", "JMSCorrelationID = '" + correlation + "'");
      JsonNode result = JSON.readTree(text(m));
      assertThat(result.get("status").asText()).as(text(m)).isEqualTo("DISPATCHED");
      paymentId = result.get("paymentId").asText();
    }
    assertThat(paymentId).matches("P[0-9A-Z]{26}");

    Message dispatched =
        receive("payments.channel." + in.channel(), "PayHubPaymentId = '" + paymentId + "'");
    JsonNode order = JSON.readTree(text(dispatched));
    assertThat(order.get("paymentId").asText()).isEqualTo(paymentId);
    assertThat(order.get("merchantId").asText()).isEqualTo("M100001");
    assertThat(order.get("merchantOrderNo").asText()).isEqualTo(orderNo);
    assertThat(order.get("channel").asText()).isEqualTo(in.channel());
    assertThat(order.get("operation").asText()).isEqualTo("PAY");
    assertThat(order.get("amount").get("minor").isIntegralNumber()).isTrue();
    assertThat(order.get("amount").get("minor").longValue()).isEqualTo(in.expectedMinor());
    assertThat(order.get("amount").get("currency").asText()).isEqualTo("CNY");
    assertThat(order.get("sourceDialect").asText()).isEqualTo(in.dialect().toUpperCase());
    assertThat(PaymentOrderSchemaTest.schema().validate(text(dispatched), InputFormat.JSON))
        .as("the dispatched order follows the published schema")
        .isEmpty();
    assertThat(dispatched.getJMSDeliveryMode()).isEqualTo(jakarta.jms.DeliveryMode.PERSISTENT);
    assertThat(property(dispatched, "PayHubChannel")).isEqualTo(in.channel());
  }

  @Test
  void aQueueSenderWithJmsReplyToGetsItsResultThereAndNotOnTheResultsQueue() throws Exception {
    String orderNo = "R" + shortId();
    String correlation = UUID.randomUUID().toString();
    JmsTemplate jms = jms();
    Message reply =
        jms.sendAndReceive(
            "payments.inbound.canonical",
            session -> {
              TextMessage m = session.createTextMessage(Samples.canonical(orderNo, null));
              m.setJMSCorrelationID(correlation);
              return m;
            });
    assertThat(reply).as("a reply within the receive timeout").isNotNull();
    assertThat(reply.getJMSCorrelationID()).isEqualTo(correlation);
    JsonNode result = JSON.readTree(text(reply));
    assertThat(result.get("status").asText()).isEqualTo("DISPATCHED");
    assertThat(result.get("merchantOrderNo").asText()).isEqualTo(orderNo);

    JmsTemplate quick = jms();
    quick.setReceiveTimeout(500);
    assertThat(
            quick.receiveSelected("payments.results", "JMSCorrelationID = '" + correlation + "'"))
        .as("no second copy of the result on payments.results")
        .isNull();
  }

  private static String shortId() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }
}
