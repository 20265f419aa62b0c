package com.payhub.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.Exchange;
import org.apache.camel.component.jms.JmsEndpoint;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.ExchangeCreatedEvent;

/**
 * Counts redeliveries ({@code payhub.redeliveries}) at every hub consumer: an exchange that a JMS
 * route creates from a message the broker delivers again ({@code JMSXDeliveryCount} above 1: an
 * earlier attempt rolled back, or the hub holding it died). Tagged with the route's queue (or
 * topic), a name from the route files. A message that keeps failing is counted on each attempt
 * after the first, then once more as a dead letter ({@code payhub.deadletters}).
 */
public class RedeliveryCounter extends ExchangeNotifier {

  public RedeliveryCounter(MeterRegistry meters) {
    super(meters);
  }

  @Override
  public boolean isEnabled(CamelEvent event) {
    return event instanceof ExchangeCreatedEvent e
        && e.getExchange().getFromEndpoint() instanceof JmsEndpoint;
  }

  @Override
  public void notify(CamelEvent event) {
    Exchange exchange = ((ExchangeCreatedEvent) event).getExchange();
    Integer count = exchange.getMessage().getHeader("JMSXDeliveryCount", Integer.class);
    if (count != null && count > 1) {
      String queue = ((JmsEndpoint) exchange.getFromEndpoint()).getDestinationName();
      HubMeters.redeliveries(meters(), queue).increment();
    }
  }
}
