package com.payhub;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.payhub.model.PaymentEvent;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * A subscriber to {@code payments.events} for tests: open it before sending, then wait for the
 * events of one payment. Every event that arrives is kept, so a test can also assert that no other
 * event came.
 */
public final class EventTap implements AutoCloseable {

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  private final Connection connection;
  private final List<PaymentEvent> events = new CopyOnWriteArrayList<>();

  public EventTap(ConnectionFactory factory, String topic) {
    try {
      connection = factory.createConnection();
      Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
      session
          .createConsumer(session.createTopic(topic))
          .setMessageListener(
              m -> {
                try {
                  events.add(JSON.readValue(((TextMessage) m).getText(), PaymentEvent.class));
                } catch (Exception e) {
                  throw new IllegalStateException("not a PaymentEvent on " + topic, e);
                }
              });
      connection.start();
    } catch (JMSException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every event received so far, in arrival order. */
  public List<PaymentEvent> all() {
    return List.copyOf(events);
  }

  /** The events of one payment (its refunds' events included), in arrival order. */
  public List<PaymentEvent> of(String paymentId) {
    return events.stream().filter(e -> paymentId.equals(e.paymentId())).toList();
  }

  /** Waits (up to {@code timeout}) for an event of the payment that matches, and returns it. */
  public PaymentEvent await(String paymentId, Predicate<PaymentEvent> match, Duration timeout) {
    return org.awaitility.Awaitility.await()
        .atMost(timeout)
        .until(() -> of(paymentId).stream().filter(match).findFirst().orElse(null), e -> e != null);
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (JMSException e) {
      throw new IllegalStateException(e);
    }
  }
}
