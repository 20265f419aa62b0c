package com.payhub.fault;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import java.util.List;
import org.apache.activemq.artemis.api.core.management.ResourceNames;
import org.apache.activemq.artemis.api.jms.management.JMSManagementHelper;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * How many orders are on the channel queues, as the broker counts them through its management
 * address ({@code messageCount}: waiting, or delivered to an adapter and not yet acknowledged; a
 * browser would miss the latter, which sit in the consumers' buffers). The evidence that orders
 * wait out an outage on their queues, and that nothing is left to process at the end.
 */
final class QueueDepth {

  static final List<String> CHANNEL_QUEUES =
      List.of("payments.channel.alipay", "payments.channel.wechatpay", "payments.channel.unionpay");

  private QueueDepth() {}

  /** Messages on the three channel queues together (a queue not created yet holds none). */
  static long channelQueues(ArtemisProcess broker) throws JMSException {
    long n = 0;
    try (ActiveMQConnectionFactory factory =
            new ActiveMQConnectionFactory(broker.url(), ArtemisProcess.USER, broker.password());
        Connection c = factory.createConnection()) {
      Session session = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
      c.start();
      TemporaryQueue replies = session.createTemporaryQueue();
      try (MessageProducer management =
              session.createProducer(session.createQueue("activemq.management"));
          MessageConsumer answers = session.createConsumer(replies)) {
        for (String queue : CHANNEL_QUEUES) {
          Message request = session.createMessage();
          JMSManagementHelper.putAttribute(request, ResourceNames.QUEUE + queue, "messageCount");
          request.setJMSReplyTo(replies);
          management.send(request);
          Message reply = answers.receive(10_000);
          if (reply == null) {
            throw new IllegalStateException("the broker did not answer for " + queue);
          }
          if (JMSManagementHelper.hasOperationSucceeded(reply)) {
            n += count(reply);
          }
        }
      } finally {
        replies.delete();
      }
    }
    return n;
  }

  private static long count(Message reply) {
    try {
      return ((Number) JMSManagementHelper.getResult(reply)).longValue();
    } catch (Exception e) {
      throw new IllegalStateException("not a message count: " + reply, e);
    }
  }
}
