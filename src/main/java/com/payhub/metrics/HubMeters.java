package com.payhub.metrics;

import com.payhub.model.Channel;
import com.payhub.model.Operation;
import com.payhub.model.PaymentEvent;
import com.payhub.model.PaymentStatus;
import com.payhub.model.Rejection;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The meters this package adds, in one place: names, descriptions, tags and histogram buckets.
 * Every tag takes its values from a closed set (an enum, the hub's queue names, the three
 * channels), so the number of series stays bounded. The hooks in other classes are one call each.
 *
 * <p>Prometheus names: {@code payhub_payment_latency_seconds}, {@code payhub_channel_call_seconds}
 * (histograms: {@code _bucket}, {@code _count}, {@code _sum}, {@code _max}), {@code
 * payhub_inputs_rejected_total}, {@code payhub_channel_signature_rejected_total}, {@code
 * payhub_redeliveries_total}, {@code payhub_deadletters_total}, {@code payhub_queue_depth}, {@code
 * payhub_queue_depth_failures_total}. README "What to watch" says what each means.
 */
public final class HubMeters {

  public static final String PAYMENT_LATENCY = "payhub.payment.latency";
  public static final String CHANNEL_CALL = "payhub.channel.call";
  public static final String INPUTS_REJECTED = "payhub.inputs.rejected";
  public static final String CHANNEL_SIGNATURE_REJECTED = "payhub.channel.signature.rejected";
  public static final String REDELIVERIES = "payhub.redeliveries";
  public static final String DEAD_LETTERS = "payhub.deadletters";
  public static final String QUEUE_DEPTH = "payhub.queue.depth";
  public static final String QUEUE_DEPTH_FAILURES = "payhub.queue.depth.failures";

  /** Where a payment or refund ends: the statuses its end-to-end latency is recorded at. */
  static final Set<PaymentStatus> FINAL =
      EnumSet.of(
          PaymentStatus.SUCCEEDED,
          PaymentStatus.FAILED,
          PaymentStatus.CLOSED,
          PaymentStatus.REFUNDED);

  // a payment settles in seconds when the channel answers at once, in minutes when a payer scans a
  // QR code, in hours when the janitor's queries decide it
  private static final Duration[] PAYMENT_SLOS = {
    Duration.ofSeconds(1),
    Duration.ofSeconds(5),
    Duration.ofSeconds(30),
    Duration.ofMinutes(2),
    Duration.ofMinutes(10),
    Duration.ofHours(1)
  };

  // gateway calls: the read timeouts are 10-15 s in production (2 s in the tests)
  private static final Duration[] CALL_SLOS = {
    Duration.ofMillis(100),
    Duration.ofMillis(250),
    Duration.ofMillis(500),
    Duration.ofSeconds(1),
    Duration.ofSeconds(2),
    Duration.ofSeconds(5),
    Duration.ofSeconds(10)
  };

  private HubMeters() {}

  /**
   * A payment or refund reached a final status (from one that was not): the time since the ledger
   * took its order. {@code createdAt} is the payment's for a PAY event, the refund's for a REFUND
   * event; both instants come from the ledger's clock. Anything else records nothing.
   */
  public static void settled(MeterRegistry meters, Instant createdAt, PaymentEvent e) {
    if (createdAt == null
        || e.at() == null
        || !FINAL.contains(e.status())
        || (e.previousStatus() != null && FINAL.contains(e.previousStatus()))) {
      return;
    }
    Duration took = Duration.between(createdAt, e.at());
    Timer.builder(PAYMENT_LATENCY)
        .description(
            "end to end: from the order's acceptance (ledger createdAt) to its final status")
        .tag("channel", e.channel().id())
        .tag("operation", e.operation().name())
        .tag("status", e.status().name())
        .publishPercentileHistogram()
        .serviceLevelObjectives(PAYMENT_SLOS)
        .minimumExpectedValue(Duration.ofMillis(50))
        .maximumExpectedValue(Duration.ofHours(2))
        .register(meters)
        .record(took.isNegative() ? Duration.ZERO : took);
  }

  /** One HTTP call to a channel's gateway, as the adapter made it. */
  public static void channelCall(
      MeterRegistry meters, Channel channel, Operation operation, String outcome, long millis) {
    Timer.builder(CHANNEL_CALL)
        .description("the HTTP call of a channel adapter to its gateway, by outcome")
        .tag("channel", channel.id())
        .tag("operation", operation == null ? "UNKNOWN" : operation.name())
        .tag("outcome", outcome)
        .publishPercentileHistogram()
        .serviceLevelObjectives(CALL_SLOS)
        .minimumExpectedValue(Duration.ofMillis(5))
        .maximumExpectedValue(Duration.ofSeconds(60))
        .register(meters)
        .record(Math.max(0, millis), TimeUnit.MILLISECONDS);
  }

  /** An input refused with a {@code RejectedInputException}, answered over HTTP or queued. */
  public static void rejected(MeterRegistry meters, Rejection r, String transport) {
    Counter.builder(INPUTS_REJECTED)
        .description("inputs refused (problem+json over HTTP, or payments.rejected), by reason")
        .tag("reason", r.reason().name())
        .tag("dialect", r.dialect() == null ? "unknown" : r.dialect().id())
        .tag("transport", transport)
        .register(meters)
        .increment();
  }

  /** A channel's answer or notification whose signature the hub did not accept. */
  public static void channelSignatureRejected(
      MeterRegistry meters, Channel channel, String message, String reason) {
    Counter.builder(CHANNEL_SIGNATURE_REJECTED)
        .description("channel answers and notifications refused because of their signature")
        .tag("channel", channel.id())
        .tag("message", message)
        .tag("reason", reason)
        .register(meters)
        .increment();
  }

  /** The redeliveries counter of one queue (a delivery with JMSXDeliveryCount above 1). */
  public static Counter redeliveries(MeterRegistry meters, String queue) {
    return Counter.builder(REDELIVERIES)
        .description("messages a hub consumer received again (JMSXDeliveryCount > 1), by queue")
        .tag("queue", queue)
        .register(meters);
  }

  /** The dead-letter counter of one queue (messages the hub put on DLQ.&lt;queue&gt;). */
  public static Counter deadLetters(MeterRegistry meters, String queue) {
    return Counter.builder(DEAD_LETTERS)
        .description("messages the hub moved to their dead-letter queue, by original queue")
        .tag("queue", queue)
        .register(meters);
  }
}
