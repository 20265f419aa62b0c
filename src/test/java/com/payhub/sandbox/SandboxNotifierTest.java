package com.payhub.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sandbox channels' resend loop, against a real HTTP endpoint on loopback. */
class SandboxNotifierTest {

  private final AtomicInteger received = new AtomicInteger();
  private final SandboxProperties fast =
      new SandboxProperties(
          true,
          Duration.ofMillis(10),
          List.of(Duration.ofMillis(20), Duration.ofMillis(20), Duration.ofMillis(20)),
          Duration.ZERO,
          Duration.ZERO,
          0);
  private HttpServer hub;
  private SandboxNotifier notifier;
  private volatile int failFirst;

  @BeforeEach
  void start() throws IOException {
    hub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    hub.createContext(
        "/notify",
        exchange -> {
          int n = received.incrementAndGet();
          byte[] body =
              (n <= failFirst ? "failure" : "success").getBytes(StandardCharsets.US_ASCII);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    hub.start();
    notifier = new SandboxNotifier(fast);
  }

  @AfterEach
  void stop() {
    notifier.close();
    hub.stop(0);
  }

  @Test
  void resendsUntilTheExactAcknowledgementAndRebuildsEachAttempt() {
    failFirst = 2;
    AtomicInteger built = new AtomicInteger();

    notifier.send(
        "alipay:O-1",
        "alipay",
        () -> {
          built.incrementAndGet();
          return request();
        },
        r -> r.body().equals("success"));

    await().atMost(Duration.ofSeconds(5)).until(() -> delivery("alipay:O-1").acknowledged());
    SandboxNotifier.Delivery d = delivery("alipay:O-1");
    assertThat(d.attempts())
        .extracting(SandboxNotifier.Attempt::body)
        .containsExactly("failure", "failure", "success");
    assertThat(built).as("a fresh request per attempt").hasValue(3);
  }

  @Test
  void givesUpAfterTheScheduleAndSaysSo() {
    failFirst = Integer.MAX_VALUE;

    notifier.send("wechatpay:O-2", "wechatpay", this::request, r -> r.statusCode() == 204);

    await().atMost(Duration.ofSeconds(5)).until(() -> delivery("wechatpay:O-2").gaveUp());
    assertThat(delivery("wechatpay:O-2").attempts()).hasSize(4); // first try + 3 resends
    assertThat(delivery("wechatpay:O-2").acknowledged()).isFalse();
  }

  @Test
  void theSameKeyTwiceIsTwoDeliveries() {
    failFirst = 0;

    notifier.send("unionpay:O-3", "unionpay", this::request, r -> r.statusCode() == 200);
    notifier.send("unionpay:O-3", "unionpay", this::request, r -> r.statusCode() == 200);

    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () ->
                notifier.deliveries("unionpay:").stream()
                        .filter(SandboxNotifier.Delivery::acknowledged)
                        .count()
                    == 2);
    assertThat(received).hasValue(2);
  }

  @Test
  void amountsSteerTheBehaviourByTheirLastTwoDigits() {
    assertThat(SandboxBehaviour.of(10_000)).isEqualTo(SandboxBehaviour.SUCCEED);
    assertThat(SandboxBehaviour.of(10_041)).isEqualTo(SandboxBehaviour.DECLINE);
    assertThat(SandboxBehaviour.of(42)).isEqualTo(SandboxBehaviour.PENDING_THEN_SUCCEED);
    assertThat(SandboxBehaviour.of(1_45)).isEqualTo(SandboxBehaviour.TIMEOUT);
    assertThat(SandboxBehaviour.of(9_48)).isEqualTo(SandboxBehaviour.BAD_SIGNATURE);
    assertThat(SandboxBehaviour.of(1_46).pays()).isTrue();
    assertThat(SandboxBehaviour.of(1_47).pays()).isFalse();
  }

  private HttpRequest request() {
    return HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + hub.getAddress().getPort() + "/notify"))
        .POST(HttpRequest.BodyPublishers.ofString("x"))
        .build();
  }

  private SandboxNotifier.Delivery delivery(String key) {
    return notifier.deliveries(key).stream().findFirst().orElseThrow();
  }
}
