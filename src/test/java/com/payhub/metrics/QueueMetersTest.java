package com.payhub.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.payhub.config.PayHubProperties;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.ConnectException;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class QueueMetersTest {

  private static final PayHubProperties.Queues QUEUES =
      new PayHubProperties.Queues(
          "payments.inbound.canonical",
          "payments.inbound.alipay",
          "payments.inbound.wechatpay",
          "payments.inbound.unionpay",
          "payments.channel.alipay",
          "payments.channel.wechatpay",
          "payments.channel.unionpay",
          "payments.results",
          "payments.events",
          "payments.rejected");

  /** A broker with these queues; it can be made to fail. */
  private static final class Broker implements QueueCounts {
    final Map<String, Long> queues = new java.util.concurrent.ConcurrentSkipListMap<>();
    Exception failure;

    @Override
    public Map<String, Long> count(Predicate<String> wanted) throws Exception {
      if (failure != null) {
        throw failure;
      }
      Map<String, Long> out = new TreeMap<>();
      queues.forEach(
          (q, n) -> {
            if (wanted.test(q)) {
              out.put(q, n);
            }
          });
      return out;
    }
  }

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final Broker broker = new Broker();
  private final QueueMeters queueMeters =
      new QueueMeters(broker, meters, QUEUES, Duration.ofSeconds(15));

  @Test
  void everyHubQueueAndItsDeadLetterQueueHasAGaugeFromTheStart() {
    assertThat(meters.find(HubMeters.QUEUE_DEPTH).gauges()).hasSize(18);
    assertThat(depth("payments.channel.alipay")).isNaN();
    assertThat(depth("DLQ.payments.rejected")).isNaN();
    assertThat(meters.find(HubMeters.QUEUE_DEPTH).tag("queue", "payments.events").gauge())
        .as("a topic has no depth")
        .isNull();
    // the consumed queues' redelivery and dead-letter counters exist at 0
    assertThat(meters.find(HubMeters.REDELIVERIES).counters()).hasSize(7);
    assertThat(
            meters
                .find(HubMeters.DEAD_LETTERS)
                .tag("queue", "payments.channel.unionpay")
                .counter()
                .count())
        .isZero();
  }

  @Test
  void aSampleSetsTheGaugesAndFindsOtherDeadLetterQueues() {
    broker.queues.put("payments.channel.alipay", 3L);
    broker.queues.put("DLQ.payments.inbound.canonical", 2L);
    broker.queues.put("DLQ.some.route.queue", 1L);
    broker.queues.put("someone.elses.queue", 9L);
    broker.queues.put("DLQ", 4L);
    queueMeters.sample();

    assertThat(depth("payments.channel.alipay")).isEqualTo(3);
    assertThat(depth("payments.channel.wechatpay")).as("a queue not created yet").isZero();
    assertThat(depth("DLQ.payments.inbound.canonical")).isEqualTo(2);
    assertThat(depth("DLQ.some.route.queue")).isEqualTo(1);
    assertThat(depth("DLQ")).as("Artemis's default dead-letter queue").isEqualTo(4);
    assertThat(meters.find(HubMeters.QUEUE_DEPTH).tag("queue", "someone.elses.queue").gauge())
        .isNull();
  }

  @Test
  void aFailedSampleIsCountedAndMakesTheDepthsUnknownWithoutThrowing() {
    broker.queues.put("payments.channel.alipay", 3L);
    queueMeters.sample();
    broker.failure = new ConnectException("broker down");
    queueMeters.sample();
    queueMeters.sample();

    assertThat(meters.find(HubMeters.QUEUE_DEPTH_FAILURES).counter().count()).isEqualTo(2);
    assertThat(depth("payments.channel.alipay")).isNaN();

    broker.failure = null;
    queueMeters.sample();
    assertThat(depth("payments.channel.alipay")).isEqualTo(3);
    assertThat(meters.find(HubMeters.QUEUE_DEPTH_FAILURES).counter().count()).isEqualTo(2);
  }

  @Test
  void samplingRunsOnItsOwnThreadUntilStopped() {
    QueueMeters fast =
        new QueueMeters(broker, new SimpleMeterRegistry(), QUEUES, Duration.ofMillis(20));
    broker.queues.put("payments.results", 5L);
    fast.start();
    try {
      org.awaitility.Awaitility.await()
          .atMost(Duration.ofSeconds(5))
          .until(() -> fast.depth("payments.results") == 5);
      broker.queues.put("payments.results", 6L);
      org.awaitility.Awaitility.await()
          .atMost(Duration.ofSeconds(5))
          .until(() -> fast.depth("payments.results") == 6);
    } finally {
      fast.stop();
    }
    assertThat(fast.isRunning()).isFalse();
  }

  private double depth(String queue) {
    Gauge g = meters.find(HubMeters.QUEUE_DEPTH).tag("queue", queue).gauge();
    assertThat(g).as(queue).isNotNull();
    return g.value();
  }
}
