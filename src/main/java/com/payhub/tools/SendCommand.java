package com.payhub.tools;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TextMessage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.UUID;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * {@code payhub send <queue> <file>}: what a back-office system does, from the command line. Puts
 * the file's text on a queue with a JMSReplyTo and a JMSCorrelationID, waits for the hub's result
 * and prints it. Exit 0 when a result came back, 1 when none did, 2 on usage errors.
 */
public final class SendCommand {

  private static final String USAGE =
      """
      usage: payhub send <queue> <file> [--broker tcp://127.0.0.1:61616] [--user U --password P]
                         [--operation pay|query|refund|close|<wechat v3 path>] [--timeout-seconds 15]""";

  private SendCommand() {}

  public static int run(String[] args, PrintStream out, PrintStream err) {
    Deque<String> rest = new ArrayDeque<>(java.util.List.of(args));
    String broker = "tcp://127.0.0.1:61616";
    String user = null;
    String password = null;
    String operation = null;
    int timeoutSeconds = 15;
    java.util.List<String> positional = new java.util.ArrayList<>();
    try {
      while (!rest.isEmpty()) {
        String a = rest.pop();
        switch (a) {
          case "--broker" -> broker = rest.pop();
          case "--user" -> user = rest.pop();
          case "--password" -> password = rest.pop();
          case "--operation" -> operation = rest.pop();
          case "--timeout-seconds" -> timeoutSeconds = Integer.parseInt(rest.pop());
          default -> positional.add(a);
        }
      }
    } catch (RuntimeException e) {
      err.println(USAGE);
      return 2;
    }
    if (positional.size() != 2 || !Files.isRegularFile(Path.of(positional.get(1)))) {
      err.println(USAGE);
      return 2;
    }
    try {
      String body = Files.readString(Path.of(positional.get(1))).strip();
      String result =
          sendAndWait(broker, user, password, positional.get(0), body, operation, timeoutSeconds);
      if (result == null) {
        err.println("no result within " + timeoutSeconds + " s");
        return 1;
      }
      out.println(result);
      return 0;
    } catch (IOException | JMSException e) {
      err.println("send failed: " + e.getMessage());
      return 1;
    }
  }

  static String sendAndWait(
      String broker,
      String user,
      String password,
      String queue,
      String body,
      String operation,
      int timeoutSeconds)
      throws JMSException {
    try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(broker, user, password);
        Connection connection = factory.createConnection()) {
      connection.start();
      Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
      TemporaryQueue replies = session.createTemporaryQueue();
      MessageConsumer consumer = session.createConsumer(replies);
      TextMessage request = session.createTextMessage(body);
      request.setJMSReplyTo(replies);
      request.setJMSCorrelationID(UUID.randomUUID().toString());
      if (operation != null) {
        request.setStringProperty("PayHubOperation", operation);
      }
      session.createProducer(session.createQueue(queue)).send(request);
      Message reply = consumer.receive(timeoutSeconds * 1000L);
      return reply == null ? null : reply.getBody(String.class);
    }
  }
}
