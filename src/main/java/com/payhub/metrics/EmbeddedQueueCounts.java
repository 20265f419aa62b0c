package com.payhub.metrics;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.Queue;

/** Depths read from the embedded broker's own queues ({@code spring.artemis.mode=embedded}). */
public class EmbeddedQueueCounts implements QueueCounts {

  private final ActiveMQServer server;

  public EmbeddedQueueCounts(ActiveMQServer server) {
    this.server = server;
  }

  @Override
  public Map<String, Long> count(Predicate<String> wanted) {
    if (!server.isStarted()) {
      throw new IllegalStateException("the embedded broker is not running");
    }
    Map<String, Long> counts = new TreeMap<>();
    server
        .getPostOffice()
        .getAllBindings()
        .forEach(
            b -> {
              if (b.getBindable() instanceof Queue q && wanted.test(q.getName().toString())) {
                counts.put(q.getName().toString(), q.getMessageCount());
              }
            });
    return counts;
  }
}
