package com.payhub.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.payhub.model.Channel;
import com.payhub.model.Money;
import com.payhub.model.Operation;
import com.payhub.model.PaymentEvent;
import com.payhub.model.PaymentStatus;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class HubMetersTest {

  private static final Instant CREATED = Instant.parse("2026-11-26T12:00:00Z");

  @Test
  void endToEndLatencyIsRecordedOnceWhenAPaymentFirstBecomesFinal() {
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    HubMeters.settled(meters, CREATED, event(PaymentStatus.DISPATCHED, PaymentStatus.PENDING, 2));
    HubMeters.settled(meters, CREATED, event(PaymentStatus.PENDING, PaymentStatus.SUCCEEDED, 7));
    // a refund later moves the payment on: its end-to-end time was already taken
    HubMeters.settled(meters, CREATED, event(PaymentStatus.SUCCEEDED, PaymentStatus.REFUNDED, 90));

    Timer t = meters.find(HubMeters.PAYMENT_LATENCY).timer();
    assertThat(meters.find(HubMeters.PAYMENT_LATENCY).timers()).hasSize(1);
    assertThat(t.getId().getTag("channel")).isEqualTo("alipay");
    assertThat(t.getId().getTag("operation")).isEqualTo("PAY");
    assertThat(t.getId().getTag("status")).isEqualTo("SUCCEEDED");
    assertThat(t.count()).isEqualTo(1);
    assertThat(t.totalTime(TimeUnit.SECONDS)).isEqualTo(7);
  }

  @Test
  void aReviewedPaymentIsTimedWhenItIsSettled() {
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    HubMeters.settled(
        meters, CREATED, event(PaymentStatus.PENDING, PaymentStatus.NEEDS_REVIEW, 60));
    HubMeters.settled(
        meters, CREATED, event(PaymentStatus.NEEDS_REVIEW, PaymentStatus.FAILED, 3600));
    Timer t = meters.find(HubMeters.PAYMENT_LATENCY).tag("status", "FAILED").timer();
    assertThat(t.count()).isEqualTo(1);
    assertThat(t.totalTime(TimeUnit.SECONDS)).isEqualTo(3600);
    assertThat(meters.find(HubMeters.PAYMENT_LATENCY).tag("status", "NEEDS_REVIEW").timer())
        .isNull();
  }

  @Test
  void gatewayCallFailuresHaveFewOutcomes() {
    assertThat(GatewayCallTimer.failure(new SocketTimeoutException("Read timed out")))
        .isEqualTo("timeout");
    assertThat(GatewayCallTimer.failure(new ConnectException("Connection refused")))
        .isEqualTo("unreachable");
    assertThat(
            GatewayCallTimer.failure(
                new UncheckedIOException(new IOException(new ConnectException("refused")))))
        .isEqualTo("unreachable");
    assertThat(GatewayCallTimer.failure(new IOException("Connection reset"))).isEqualTo("io_error");
    assertThat(GatewayCallTimer.failure(new IllegalStateException("bug"))).isEqualTo("error");
  }

  private static PaymentEvent event(PaymentStatus from, PaymentStatus to, long secondsLater) {
    return new PaymentEvent(
        "P01",
        "M100001",
        "ORDER1",
        Channel.ALIPAY,
        Operation.PAY,
        to,
        null,
        Money.ofMinor(100, "CNY"),
        CREATED.plusSeconds(secondsLater),
        null,
        null,
        null,
        null,
        from,
        "test",
        1);
  }
}
