package com.payhub.envelope;

import static com.payhub.Samples.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.payhub.HubTestSupport;
import com.payhub.Samples;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.jms.Message;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The hub seal end to end: ingest signs each dispatched order and encrypts its sensitive
 * attributes; the channel intake (the production template, on test queues so the other tests keep
 * theirs) opens only what the hub sealed. Unsealed, tampered, foreign-key and wrong-channel
 * messages land on payments.rejected with their reason and are counted; none reaches the adapter.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SealIT extends HubTestSupport {

  // this test reads the channel queues itself: the adapters would take the orders first
  @org.junit.jupiter.api.BeforeEach
  void pauseChannelAdapters() throws Exception {
    pauseAdapters();
  }

  @org.junit.jupiter.api.AfterEach
  void resumeChannelAdapters() throws Exception {
    resumeAdapters();
  }

  private static final String CARD = "6222020200112233445";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired CamelContext camel;
  @Autowired MeterRegistry meters;

  @BeforeAll
  void intakes() throws Exception {
    for (String channel : new String[] {"alipay", "wechatpay"}) {
      TemplatedRouteBuilder.builder(camel, "channel-intake")
          .routeId("test-intake-" + channel)
          .parameter("queue", "test.intake." + channel)
          .parameter("channel", channel)
          .parameter("adapter", "jms:queue:test.adapter.received?exchangePattern=InOnly")
          .add();
    }
  }

  @Test
  void aDispatchedOrderIsSealedAndItsCardNumberNeverSitsOnTheQueueInClear() throws Exception {
    Message sealed = dispatchWithCard();
    assertThat(text(sealed)).doesNotContain(CARD).contains("enc:v1:fields-1:");
    assertThat(property(sealed, HubSeal.SEAL)).isNotBlank();
    assertThat(property(sealed, HubSeal.SEAL_KEY_ID)).isEqualTo("seal-1");
  }

  @Test
  void theIntakeOpensASealedOrderAndHandsItOnDecrypted() throws Exception {
    Message sealed = dispatchWithCard();
    String paymentId = property(sealed, "PayHubPaymentId");
    resend(sealed, "test.intake.alipay", text(sealed), Map.of());
    Message opened = receive("test.adapter.received", "PayHubPaymentId = '" + paymentId + "'");
    assertThat(JSON.readTree(text(opened)).get("attributes").get("accNo").asText()).isEqualTo(CARD);
  }

  @Test
  void aTamperedBodyIsRefusedAndCounted() throws Exception {
    Message sealed = dispatchWithCard();
    String tampered = text(sealed).replace("\"minor\":10000", "\"minor\":10001");
    assertThat(tampered).isNotEqualTo(text(sealed));
    assertRefused(sealed, "test.intake.alipay", tampered, Map.of(), "SEAL_SIGNATURE_INVALID");
  }

  @Test
  void aFlippedSignatureIsRefused() throws Exception {
    Message sealed = dispatchWithCard();
    String sig = property(sealed, HubSeal.SEAL);
    String flipped = (sig.charAt(10) == 'A' ? "B" : "A");
    assertRefused(
        sealed,
        "test.intake.alipay",
        text(sealed),
        Map.of(HubSeal.SEAL, sig.substring(0, 10) + flipped + sig.substring(11)),
        "SEAL_SIGNATURE_INVALID");
  }

  @Test
  void aMessageInjectedWithoutASealIsRefused() throws Exception {
    String testCase = UUID.randomUUID().toString();
    String order =
        "{\"paymentId\":\"P01M8BWRCRX6K47Y4KF7GVMMSXY\",\"merchantId\":\"M100001\","
            + "\"merchantOrderNo\":\"INJECTED1\",\"channel\":\"alipay\",\"operation\":\"PAY\","
            + "\"amount\":{\"minor\":99999900,\"currency\":\"CNY\"}}";
    double before = rejected("UNSEALED");
    send(
        "test.intake.alipay",
        order,
        Map.of("testCase", testCase, "PayHubPaymentId", "P01M8BWRCRX6K47Y4KF7GVMMSXY"));
    Message refused = receive("payments.rejected", "testCase = '" + testCase + "'");
    assertThat(property(refused, "PayHubRejectCode")).isEqualTo("SEAL_UNSEALED");
    assertThat(text(refused)).isEqualTo(order);
    assertThat(rejected("UNSEALED")).isEqualTo(before + 1);
    assertNotHandedOn("P01M8BWRCRX6K47Y4KF7GVMMSXY");
  }

  @Test
  void aSealByAKeyTheHubDoesNotHoldIsRefused() throws Exception {
    Message sealed = dispatchWithCard();
    assertRefused(
        sealed,
        "test.intake.alipay",
        text(sealed),
        Map.of(HubSeal.SEAL_KEY_ID, "seal-9"),
        "SEAL_UNKNOWN_KEY");
  }

  @Test
  void anOrderOnAnotherChannelsQueueIsRefused() throws Exception {
    Message sealed = dispatchWithCard();
    assertRefused(sealed, "test.intake.wechatpay", text(sealed), Map.of(), "SEAL_WRONG_CHANNEL");
  }

  private Message dispatchWithCard() throws Exception {
    String orderNo = "S" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    var r =
        post(
            "/api/v1/payments",
            "application/json",
            Samples.canonical(
                orderNo, with("attributes", "{\"accNo\":\"" + CARD + "\",\"note\":\"keep\"}")));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    String paymentId = JSON.readTree(r.body()).get("paymentId").asText();
    return receive("payments.channel.alipay", "PayHubPaymentId = '" + paymentId + "'");
  }

  private void assertRefused(
      Message sealed, String queue, String body, Map<String, String> changed, String code)
      throws Exception {
    String paymentId = property(sealed, "PayHubPaymentId");
    String reason = code.substring("SEAL_".length());
    double before = rejected(reason);
    String testCase = UUID.randomUUID().toString();
    Map<String, String> props = new HashMap<>(changed);
    props.put("testCase", testCase);
    resend(sealed, queue, body, props);
    Message refused = receive("payments.rejected", "testCase = '" + testCase + "'");
    assertThat(property(refused, "PayHubRejectCode")).isEqualTo(code);
    assertThat(text(refused)).as("refused unchanged").isEqualTo(body);
    assertThat(rejected(reason)).isEqualTo(before + 1);
    assertNotHandedOn(paymentId);
  }

  private void resend(Message original, String queue, String body, Map<String, String> overrides)
      throws Exception {
    Map<String, String> props = new HashMap<>();
    for (String name :
        new String[] {
          HubSeal.SEAL, HubSeal.SEAL_KEY_ID, "PayHubPaymentId", "PayHubChannel", "PayHubOperation"
        }) {
      props.put(name, original.getStringProperty(name));
    }
    props.putAll(overrides);
    send(queue, body, props);
  }

  private void assertNotHandedOn(String paymentId) {
    var quick = jms();
    quick.setReceiveTimeout(1_000);
    assertThat(
            quick.receiveSelected("test.adapter.received", "PayHubPaymentId = '" + paymentId + "'"))
        .as("nothing reaches the adapter")
        .isNull();
  }

  private double rejected(String reason) {
    // every channel's series of that reason (other tests in this context refuse on other queues)
    return meters.find("payhub.seal.rejected").tag("reason", reason).counters().stream()
        .mapToDouble(io.micrometer.core.instrument.Counter::count)
        .sum();
  }
}
