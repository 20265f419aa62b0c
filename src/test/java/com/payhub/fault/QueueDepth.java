package com.payhub.fault;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import java.util.Collections;
import java.util.List;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * How many orders wait on the channel queues, browsed straight on the broker: the evidence that
 * orders wait out an outage on their queues (rather than being consumed and lost, or
 * dead-lettered).
 */
final class QueueDepth {

  static final List<String> CHANNEL_QUEUES =
      List.of("payments.channel.alipay", "payments.channel.wechatpay", "payments.channel.unionpay");

  private QueueDepth() {}

  /** Messages on the three channel queues together, as a browser sees them now. */
  static int channelQueues(ArtemisProcess broker) throws JMSException {
    int n = 0;
    try (ActiveMQConnectionFactory factory =
            new ActiveMQConnectionFactory(broker.url(), ArtemisProcess.USER, broker.password());
        Connection c = factory.createConnection()) {
      Session session = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
      c.start();
      for (String queue : CHANNEL_QUEUES) {
        try (QueueBrowser browser = session.createBrowser(session.createQueue(queue))) {
          n += Collections.list(browser.getEnumeration()).size();
        }
      }
    }
    return n;
  }
}
