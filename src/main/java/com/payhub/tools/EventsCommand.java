package com.payhub.tools;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import java.io.PrintStream;
import java.util.ArrayDeque;
import java.util.Deque;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * {@code payhub events}: what a back-office subscriber sees. Subscribes to {@code payments.events}
 * and prints each event (one JSON object per line) as it arrives, until {@code --count} events came
 * or none came for {@code --timeout-seconds}. Exit 0 when at least one event came (and all that
 * were asked for), 1 otherwise, 2 on usage errors.
 */
public final class EventsCommand {

  private static final String USAGE =
      """
      usage: payhub events [--broker tcp://127.0.0.1:61616] [--user U --password P]
                           [--topic payments.events] [--count N] [--timeout-seconds 30]""";

  private EventsCommand() {}

  public static int run(String[] args, PrintStream out, PrintStream err) {
    Deque<String> rest = new ArrayDeque<>(java.util.List.of(args));
    String broker = "tcp://127.0.0.1:61616";
    String user = null;
    String password = null;
    String topic = "payments.events";
    int count = Integer.MAX_VALUE;
    int timeoutSeconds = 30;
    try {
      while (!rest.isEmpty()) {
        switch (rest.pop()) {
          case "--broker" -> broker = rest.pop();
          case "--user" -> user = rest.pop();
          case "--password" -> password = rest.pop();
          case "--topic" -> topic = rest.pop();
          case "--count" -> count = Integer.parseInt(rest.pop());
          case "--timeout-seconds" -> timeoutSeconds = Integer.parseInt(rest.pop());
          default -> throw new IllegalArgumentException();
        }
      }
    } catch (RuntimeException e) {
      err.println(USAGE);
      return 2;
    }
    try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(broker, user, password);
        Connection connection = factory.createConnection()) {
      Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
      MessageConsumer consumer = session.createConsumer(session.createTopic(topic));
      connection.start();
      int seen = 0;
      while (seen < count) {
        Message m = consumer.receive(timeoutSeconds * 1000L);
        if (m == null) {
          break;
        }
        out.println(m.getBody(String.class));
        out.flush();
        seen++;
      }
      if (seen == 0 || (count != Integer.MAX_VALUE && seen < count)) {
        err.println("no more events within " + timeoutSeconds + " s (" + seen + " seen)");
        return 1;
      }
      return 0;
    } catch (JMSException e) {
      err.println("subscribe failed: " + e.getMessage());
      return 1;
    }
  }
}
