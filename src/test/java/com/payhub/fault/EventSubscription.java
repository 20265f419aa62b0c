package com.payhub.fault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * What a back office sees on {@code payments.events}: a durable subscription made before the run
 * (so it keeps every event the broker accepted, across a broker crash, while nobody reads), drained
 * at the end. A test counts events per payment and per (payment, status) from it.
 */
final class EventSubscription {

  private static final String TOPIC = "payments.events";
  private static final String CLIENT_ID = "payhub-fault-backoffice";
  private static final String NAME = "fault-events";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String url;
  private final String user;
  private final String password;

  private EventSubscription(String url, String user, String password) {
    this.url = url;
    this.user = user;
    this.password = password;
  }

  /** Creates the durable subscription and disconnects; events keep until {@link #drain}. */
  static EventSubscription create(String url, String user, String password) throws JMSException {
    EventSubscription s = new EventSubscription(url, user, password);
    try (ActiveMQConnectionFactory factory = s.factory();
        Connection c = factory.createConnection()) {
      c.setClientID(CLIENT_ID);
      Session session = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
      session.createDurableConsumer(session.createTopic(TOPIC), NAME).close();
    }
    return s;
  }

  /**
   * Takes every event waiting on the subscription, until none arrives for {@code quiet} (the hub
   * publishes right after each ledger change, so a quiet broker means the last one is in).
   */
  List<JsonNode> drain(Duration quiet) throws JMSException, IOException {
    List<JsonNode> events = new ArrayList<>();
    try (ActiveMQConnectionFactory factory = factory();
        Connection c = factory.createConnection()) {
      c.setClientID(CLIENT_ID);
      Session session = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
      Topic topic = session.createTopic(TOPIC);
      try (MessageConsumer consumer = session.createDurableConsumer(topic, NAME)) {
        c.start();
        Message m;
        while ((m = consumer.receive(quiet.toMillis())) != null) {
          events.add(JSON.readTree(((TextMessage) m).getText()));
        }
      }
    }
    return events;
  }

  private ActiveMQConnectionFactory factory() {
    return new ActiveMQConnectionFactory(url, user, password);
  }
}
