package com.payhub.config;

import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Shapes the embedded broker (used when {@code spring.artemis.mode=embedded}): a TCP acceptor so
 * back-office systems on this machine can connect, and a dead-letter address so that a message that
 * keeps failing is kept in {@code DLQ.<queue>} rather than deleted (Artemis's default).
 */
@Configuration(proxyBeanMethods = false)
public class EmbeddedBrokerConfig {

  @Bean
  ArtemisConfigurationCustomizer payhubBrokerCustomizer(
      @Value("${payhub.broker.tcp-acceptor:}") String tcpAcceptor,
      @Value("${payhub.broker.max-delivery-attempts:5}") int maxDeliveryAttempts) {
    return configuration -> {
      if (!tcpAcceptor.isBlank()) {
        try {
          configuration.addAcceptorConfiguration("payhub-tcp", tcpAcceptor);
        } catch (Exception e) {
          throw new IllegalStateException(
              "payhub.broker.tcp-acceptor is not a valid acceptor URL: " + tcpAcceptor, e);
        }
      }
      AddressSettings all =
          new AddressSettings()
              .setDeadLetterAddress(SimpleString.of("DLA"))
              .setAutoCreateDeadLetterResources(true)
              .setDeadLetterQueuePrefix(SimpleString.of("DLQ."))
              .setMaxDeliveryAttempts(maxDeliveryAttempts)
              .setRedeliveryDelay(500)
              .setRedeliveryMultiplier(2.0)
              .setMaxRedeliveryDelay(10_000);
      configuration.addAddressSetting("#", all);
    };
  }
}
