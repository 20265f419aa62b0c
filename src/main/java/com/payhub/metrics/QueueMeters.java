package com.payhub.metrics;

import com.payhub.config.PayHubProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Queue depths ({@code payhub.queue.depth{queue}}): one gauge per hub queue ({@code
 * payhub.queues.*} but the events topic), one per its dead-letter queue {@code DLQ.<queue>}, and
 * one per any other {@code DLQ.*} queue the broker has (a route added in {@code routes/}
 * dead-letters there too), and one for Artemis's default {@code DLQ} if the broker has it (a broker
 * without the hub's address settings dead-letters there).
 *
 * <p>The counts are sampled on a schedule by a thread of their own ({@code
 * payhub.metrics.queue-depth-interval}), never on the scrape thread: a scrape reads the last sample
 * and never waits on the broker. A queue the broker does not have (yet) counts 0. A sample that
 * fails is counted in {@code payhub.queue.depth.failures}, sets every gauge to NaN (unknown, not
 * zero) until the next sample succeeds, and is logged once per run of failures; nothing is thrown.
 *
 * <p>It also registers the redelivery and dead-letter counters of each queue the hub consumes at 0,
 * so that their series exist from the start ({@code increase()} then sees the first one).
 */
public class QueueMeters implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(QueueMeters.class);
  static final String DLQ_PREFIX = "DLQ.";

  /**
   * Artemis's own default dead-letter queue, where a broker without the hub's settings puts them.
   */
  static final String BROKER_DLQ = "DLQ";

  private final QueueCounts source;
  private final MeterRegistry meters;
  private final Duration interval;
  private final Set<String> hubQueues;
  private final Map<String, Double> depths = new ConcurrentHashMap<>();
  private final Counter failures;
  private volatile boolean failing;
  private ScheduledExecutorService scheduler;

  public QueueMeters(
      QueueCounts source, MeterRegistry meters, PayHubProperties.Queues queues, Duration interval) {
    this.source = source;
    this.meters = meters;
    this.interval = interval;
    List<String> consumed =
        List.of(
            queues.inboundCanonical(),
            queues.inboundAlipay(),
            queues.inboundWechatpay(),
            queues.inboundUnionpay(),
            queues.channelAlipay(),
            queues.channelWechatpay(),
            queues.channelUnionpay());
    Set<String> all = new LinkedHashSet<>(consumed);
    all.add(queues.results());
    all.add(queues.rejected());
    this.hubQueues = Set.copyOf(all);
    this.failures =
        Counter.builder(HubMeters.QUEUE_DEPTH_FAILURES)
            .description("queue-depth samples that failed (the broker could not be asked)")
            .register(meters);
    for (String q : all) {
      gauge(q);
      gauge(DLQ_PREFIX + q);
    }
    for (String q : consumed) {
      HubMeters.redeliveries(meters, q);
      HubMeters.deadLetters(meters, q);
    }
  }

  /** Starts sampling at once, then every interval after the last sample ended. */
  @Override
  public synchronized void start() {
    if (scheduler != null) {
      return;
    }
    scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "payhub-queue-depths");
              t.setDaemon(true);
              return t;
            });
    scheduler.scheduleWithFixedDelay(this::sample, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void stop() {
    if (scheduler != null) {
      scheduler.shutdownNow();
      scheduler = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return scheduler != null;
  }

  /** One sample; public so that a test can take one without waiting for the schedule. */
  public void sample() {
    Map<String, Long> counts;
    try {
      counts =
          source.count(
              q -> hubQueues.contains(q) || q.startsWith(DLQ_PREFIX) || q.equals(BROKER_DLQ));
    } catch (Exception e) {
      if (Thread.currentThread().isInterrupted()) {
        return; // stopping: the hub is shutting down, not the broker failing
      }
      failures.increment();
      depths.replaceAll((q, v) -> Double.NaN);
      if (!failing) {
        failing = true;
        LOG.warn(
            "Queue depths could not be sampled (the gauges read NaN until they can): {}",
            e.toString());
      }
      return;
    }
    if (failing) {
      failing = false;
      LOG.info("Queue depths are sampled again");
    }
    for (String q : depths.keySet()) {
      depths.put(q, (double) counts.getOrDefault(q, 0L));
    }
    counts.forEach(
        (q, n) -> {
          if (!depths.containsKey(q)) {
            gauge(q);
            depths.put(q, (double) n);
          }
        });
  }

  /** The last sampled depth of a queue (NaN when unknown); for tests. */
  public double depth(String queue) {
    return depths.getOrDefault(queue, Double.NaN);
  }

  private void gauge(String queue) {
    depths.putIfAbsent(queue, Double.NaN);
    Gauge.builder(HubMeters.QUEUE_DEPTH, depths, d -> d.getOrDefault(queue, Double.NaN))
        .description("messages in a queue, as last sampled from the broker (NaN: unknown)")
        .tag("queue", queue)
        .strongReference(true)
        .register(meters);
  }
}
