package com.payhub.ops;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.apache.activemq.artemis.api.core.management.ResourceNames;
import org.apache.activemq.artemis.api.jms.management.JMSManagementHelper;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/deadletters}: what ended on a dead-letter queue and why, and a replay that puts
 * one message back on the queue it failed on, unchanged, in one broker transaction (it is never on
 * both queues, never on neither). Works against the embedded and an external broker (through
 * Artemis's management address; the hub's user needs the {@code manage} permission there).
 */
@Component
@Endpoint(id = "deadletters")
public class DeadLetterEndpoint {

  private static final String PREFIX = "DLQ.";
  private static final int MAX_PER_QUEUE = 200;

  // plain Connection/Session only: the hub's caching factory shares one connection, and a
  // QueueConnection taken from it would leave every later user unable to reach a topic
  private final ConnectionFactory factory;

  public DeadLetterEndpoint(ConnectionFactory factory) {
    this.factory = factory;
  }

  /** One dead letter. */
  public record DeadLetter(
      String deadLetterQueue,
      String messageId,
      String originalQueue,
      String reason,
      String failedRoute,
      String paymentId,
      long timestamp) {}

  @ReadOperation
  public List<DeadLetter> list() throws JMSException {
    List<DeadLetter> out = new ArrayList<>();
    try (Connection c = factory.createConnection()) {
      Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
      c.start();
      for (String dlq : deadLetterQueues(s)) {
        try (QueueBrowser b = s.createBrowser(s.createQueue(fqqn(dlq)))) {
          int n = 0;
          for (Object o : Collections.list(b.getEnumeration())) {
            if (n++ == MAX_PER_QUEUE) {
              break;
            }
            Message m = (Message) o;
            out.add(
                new DeadLetter(
                    dlq,
                    m.getJMSMessageID(),
                    original(m, dlq),
                    m.getStringProperty(DeadLetters.REASON),
                    m.getStringProperty(DeadLetters.FAILED_ROUTE),
                    m.getStringProperty("PayHubPaymentId"),
                    m.getJMSTimestamp()));
          }
        }
      }
    }
    return out;
  }

  /**
   * Moves one message from {@code deadLetterQueue} back to the queue it failed on (its reason
   * headers removed), in one transacted session.
   */
  @WriteOperation
  public Map<String, Object> replay(String deadLetterQueue, String messageId) throws JMSException {
    if (deadLetterQueue == null || !deadLetterQueue.startsWith(PREFIX)) {
      throw new IllegalArgumentException("deadLetterQueue must name a DLQ.<queue>");
    }
    try (Connection c = factory.createConnection()) {
      Session s = c.createSession(true, Session.SESSION_TRANSACTED);
      c.start();
      String selector = "JMSMessageID = '" + messageId.replace("'", "''") + "'";
      try (MessageConsumer consumer =
          s.createConsumer(s.createQueue(fqqn(deadLetterQueue)), selector)) {
        Message m = consumer.receive(5_000);
        if (m == null) {
          s.rollback();
          return Map.of("replayed", false, "reason", "no such message on " + deadLetterQueue);
        }
        String target = original(m, deadLetterQueue);
        Message copy = copyWithoutReason(s, m);
        s.createProducer(s.createQueue(target)).send(copy);
        s.commit();
        return Map.of("replayed", true, "queue", target);
      }
    }
  }

  private static List<String> deadLetterQueues(Session s) throws JMSException {
    Queue management = s.createQueue("activemq.management");
    TemporaryQueue replies = s.createTemporaryQueue();
    Message request = s.createMessage();
    JMSManagementHelper.putAttribute(request, ResourceNames.BROKER, "queueNames");
    request.setJMSReplyTo(replies);
    Message reply;
    try (MessageProducer producer = s.createProducer(management);
        MessageConsumer consumer = s.createConsumer(replies)) {
      producer.send(request);
      reply = consumer.receive(10_000);
    } finally {
      replies.delete();
    }
    if (reply == null) {
      throw new IllegalStateException("the broker did not answer the management request");
    }
    Object[] result;
    try {
      // the attribute's value is the one result: the array of queue names
      Object[] results = JMSManagementHelper.getResults(reply);
      result = results.length == 1 && results[0] instanceof Object[] a ? a : results;
    } catch (Exception e) {
      throw new IllegalStateException("the broker did not list its queues", e);
    }
    List<String> names = new ArrayList<>();
    for (Object o : result) {
      if (o != null && o.toString().startsWith(PREFIX)) {
        names.add(o.toString());
      }
    }
    Collections.sort(names);
    return names;
  }

  private static String fqqn(String dlq) {
    return "DLA::" + dlq;
  }

  private static String original(Message m, String dlq) throws JMSException {
    String q = m.getStringProperty(DeadLetters.ORIGINAL_QUEUE);
    if (q == null) {
      q = m.getStringProperty("_AMQ_ORIG_QUEUE");
    }
    return q != null ? q : dlq.substring(PREFIX.length());
  }

  private static Message copyWithoutReason(Session s, Message m) throws JMSException {
    Message copy =
        m instanceof jakarta.jms.TextMessage t
            ? s.createTextMessage(t.getText())
            : s.createBytesMessage();
    if (copy instanceof jakarta.jms.BytesMessage b && m instanceof jakarta.jms.BytesMessage src) {
      byte[] bytes = new byte[(int) src.getBodyLength()];
      src.readBytes(bytes);
      b.writeBytes(bytes);
    }
    // broker properties stay behind: a kept _AMQ_DUPL_ID would make the broker drop the replay
    for (Object name : Collections.list(m.getPropertyNames())) {
      String n = name.toString();
      if (n.startsWith("_AMQ")
          || n.startsWith("JMSX")
          || n.equals(DeadLetters.REASON)
          || n.equals(DeadLetters.FAILED_ROUTE)
          || n.equals(DeadLetters.ORIGINAL_QUEUE)) {
        continue;
      }
      copy.setObjectProperty(n, m.getObjectProperty(n));
    }
    copy.setJMSCorrelationID(m.getJMSCorrelationID());
    copy.setJMSReplyTo(m.getJMSReplyTo());
    copy.setStringProperty("PayHubReplayOf", m.getJMSMessageID());
    return copy;
  }
}
