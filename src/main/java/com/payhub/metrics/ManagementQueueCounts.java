package com.payhub.metrics;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.apache.activemq.artemis.api.core.management.ResourceNames;
import org.apache.activemq.artemis.api.jms.management.JMSManagementHelper;

/**
 * Depths asked of a broker over JMS, through Artemis's management address ({@code
 * activemq.management}): the broker's queue names, then each wanted queue's {@code messageCount}.
 * Works against any Artemis broker the hub is connected to ({@code spring.artemis.mode=native});
 * the hub's user needs the {@code manage} permission there (as for {@code /actuator/deadletters}).
 * One session and one temporary reply queue per sample; a broker that does not answer within the
 * timeout fails the whole sample.
 */
public class ManagementQueueCounts implements QueueCounts {

  private static final String MANAGEMENT_ADDRESS = "activemq.management";

  private final ConnectionFactory factory;
  private final Duration timeout;

  public ManagementQueueCounts(ConnectionFactory factory, Duration timeout) {
    this.factory = factory;
    this.timeout = timeout;
  }

  @Override
  public Map<String, Long> count(Predicate<String> wanted) throws JMSException {
    Map<String, Long> counts = new TreeMap<>();
    // plain Connection/Session (never a QueueConnection): the hub's caching factory shares one
    // connection, see DeadLetterEndpoint
    try (Connection c = factory.createConnection();
        Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
      c.start();
      TemporaryQueue replies = s.createTemporaryQueue();
      try (MessageProducer producer = s.createProducer(s.createQueue(MANAGEMENT_ADDRESS));
          MessageConsumer consumer = s.createConsumer(replies)) {
        for (Object name :
            array(ask(s, producer, consumer, replies, ResourceNames.BROKER, "queueNames"))) {
          String queue = String.valueOf(name);
          if (name != null && wanted.test(queue)) {
            Object n =
                ask(s, producer, consumer, replies, ResourceNames.QUEUE + queue, "messageCount");
            counts.put(queue, number(n, queue));
          }
        }
      } finally {
        replies.delete();
      }
    }
    return counts;
  }

  private Object ask(
      Session s,
      MessageProducer producer,
      MessageConsumer consumer,
      TemporaryQueue replies,
      String resource,
      String attribute)
      throws JMSException {
    Message request = s.createMessage();
    JMSManagementHelper.putAttribute(request, resource, attribute);
    request.setJMSReplyTo(replies);
    producer.send(request);
    Message reply = consumer.receive(timeout.toMillis());
    if (reply == null) {
      throw new IllegalStateException(
          "the broker did not answer " + resource + "." + attribute + " within " + timeout);
    }
    Object[] results;
    try {
      if (!JMSManagementHelper.hasOperationSucceeded(reply)) {
        throw new IllegalStateException(
            "the broker refused "
                + resource
                + "."
                + attribute
                + ": "
                + JMSManagementHelper.getResult(reply));
      }
      results = JMSManagementHelper.getResults(reply);
    } catch (JMSException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("unreadable answer to " + resource + "." + attribute, e);
    }
    return results.length == 1 ? results[0] : results;
  }

  private static Object[] array(Object result) {
    return result instanceof Object[] a ? a : new Object[] {result};
  }

  private static long number(Object result, String queue) {
    if (result instanceof Number n) {
      return n.longValue();
    }
    throw new IllegalStateException("messageCount of " + queue + " is not a number: " + result);
  }
}
