package com.payhub.metrics;

import com.payhub.config.PayHubProperties;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.jms.ConnectionFactory;
import java.time.Duration;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Queue depths from the embedded broker when the hub runs one ({@code
 * spring.artemis.mode=embedded}, read from its {@code ActiveMQServer}), else from the broker the
 * hub is connected to, through Artemis management over JMS.
 */
@Configuration(proxyBeanMethods = false)
public class MetricsConfig {

  @Bean
  QueueMeters payhubQueueMeters(
      ObjectProvider<EmbeddedActiveMQ> embedded,
      ConnectionFactory connectionFactory,
      MeterRegistry meters,
      PayHubProperties properties,
      @Value("${payhub.metrics.queue-depth-interval:15s}") Duration interval) {
    EmbeddedActiveMQ broker = embedded.getIfAvailable();
    QueueCounts source =
        broker != null
            ? new EmbeddedQueueCounts(broker.getActiveMQServer())
            : new ManagementQueueCounts(connectionFactory, Duration.ofSeconds(5));
    return new QueueMeters(source, meters, properties.queues(), interval);
  }
}
