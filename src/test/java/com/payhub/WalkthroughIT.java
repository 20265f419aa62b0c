package com.payhub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.payhub.model.Money;
import com.payhub.model.PaymentEvent;
import com.payhub.model.PaymentStatus;
import com.payhub.tools.EventsCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The README's walkthrough, as written: pay 100.00 CNY with each channel over HTTP, watch the
 * events with {@code payhub events} over the broker's TCP acceptor, and read the payment back with
 * what the merchant needs next (the QR code or code_url).
 */
class WalkthroughIT extends HubTestSupport {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired EmbeddedActiveMQ broker;

  @ParameterizedTest(name = "{0}")
  @CsvSource({"alipay, qrCode", "wechatpay, codeUrl", "unionpay, ''"})
  void paysInTheSandboxAndShowsTheEvents(String channel, String detail) throws Exception {
    String orderNo = "WALK" + channel.toUpperCase() + System.nanoTime() % 1_000_000;
    Map<String, Object> overrides =
        "unionpay".equals(channel)
            ? Map.of("channel", "\"unionpay\"", "attributes", "{\"accNo\":\"6216261000000000018\"}")
            : Map.of("channel", "\"" + channel + "\"");
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    CompletableFuture<Integer> events;
    try (EventTap tap = tapEvents()) {
      // the subscriber is up before the payment is made (a topic keeps nothing for latecomers)
      events =
          CompletableFuture.supplyAsync(
              () ->
                  EventsCommand.run(
                      new String[] {
                        "--broker", "tcp://127.0.0.1:" + BROKER_PORT, "--timeout-seconds", "5"
                      },
                      new PrintStream(printed, true, StandardCharsets.UTF_8),
                      System.err));
      org.awaitility.Awaitility.await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> subscribers() >= 2);

      HttpResponse<String> accepted =
          post("/api/v1/payments", "application/json", Samples.canonical(orderNo, overrides));
      assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
      String paymentId = JSON.readTree(accepted.body()).path("paymentId").asText();

      PaymentEvent paid =
          tap.await(paymentId, e -> e.status() == PaymentStatus.SUCCEEDED, Duration.ofSeconds(20));
      assertThat(paid.amount()).isEqualTo(Money.ofMinor(10000, "CNY"));
      assertThat(paid.channelTransactionId()).isNotBlank();
      assertThat(tap.of(paymentId))
          .extracting(PaymentEvent::status)
          .containsExactlyInAnyOrder(PaymentStatus.PENDING, PaymentStatus.SUCCEEDED);

      JsonNode view = JSON.readTree(get("/api/v1/payments/" + paymentId).body());
      assertThat(view.path("payment").path("status").asText()).isEqualTo("SUCCEEDED");
      if (!detail.isEmpty()) {
        assertThat(view.path("channelDetails").path("PAY").path(detail).asText()).isNotBlank();
      }
      assertThat(events.get()).isZero();
      List<String> lines = printed.toString(StandardCharsets.UTF_8).lines().toList();
      assertThat(lines)
          .as("payhub events printed both changes of this payment")
          .filteredOn(l -> l.contains(paymentId))
          .hasSize(2);
    }
  }

  /** Subscribers on payments.events, as the broker counts them. */
  private int subscribers() throws Exception {
    return broker
        .getActiveMQServer()
        .getPostOffice()
        .getBindingsForAddress(SimpleString.of("payments.events"))
        .getBindings()
        .size();
  }
}
