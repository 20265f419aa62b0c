package com.payhub.ops;

import com.payhub.metrics.HubMeters;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Dead-lettering with the reason ({@code bean: payhubDeadLetters}): on a queue message's last
 * delivery attempt, the route's error handler puts the original message on its dead-letter queue
 * itself, with why it failed in headers, instead of letting the broker move it without a word.
 * {@code DeadLetterEndpoint} lists and replays them.
 */
@Component("payhubDeadLetters")
public class DeadLetters {

  /** Header: the failure, as "ExceptionType: message" (never a body). */
  public static final String REASON = "PayHubFailureReason";

  /** Header: the queue the message failed on, where a replay puts it back. */
  public static final String ORIGINAL_QUEUE = "PayHubOriginalQueue";

  /** Header: the route that failed. */
  public static final String FAILED_ROUTE = "PayHubFailedRoute";

  /** Exchange property: the dead-letter queue to send to (FQQN on the dead-letter address). */
  public static final String TARGET = "PayHubDeadLetterQueue";

  private final int maxAttempts;
  private final MeterRegistry meters;

  public DeadLetters(
      @Value("${payhub.broker.max-delivery-attempts:5}") int maxAttempts, MeterRegistry meters) {
    this.maxAttempts = maxAttempts;
    this.meters = meters;
  }

  /** True on the last attempt the broker would make: this one must not roll back again. */
  public boolean lastAttempt(Exchange exchange) {
    Integer count = exchange.getMessage().getHeader("JMSXDeliveryCount", Integer.class);
    return count != null && count >= maxAttempts;
  }

  /** Adds the reason headers and names the dead-letter queue, {@code DLA::DLQ.<queue>}. */
  public void prepare(Exchange exchange) throws JMSException {
    Message m = exchange.getMessage();
    String queue = queueName(m.getHeader("JMSDestination"));
    Exception e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
    String reason =
        e == null
            ? "unknown"
            : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    m.setHeader(REASON, reason.length() > 500 ? reason.substring(0, 500) : reason);
    m.setHeader(ORIGINAL_QUEUE, queue);
    m.setHeader(FAILED_ROUTE, exchange.getFromRouteId());
    exchange.setProperty(TARGET, "DLA::DLQ." + queue);
    HubMeters.deadLetters(meters, queue).increment();
  }

  private static String queueName(Object destination) throws JMSException {
    if (destination instanceof Queue q) {
      return q.getQueueName();
    }
    if (destination instanceof String s && !s.isBlank()) {
      return s;
    }
    throw new IllegalStateException("a dead letter needs the queue it came from");
  }
}
