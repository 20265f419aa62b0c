package com.payhub.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.EventNotifier;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.springframework.stereotype.Component;

/**
 * Adds the hub's event notifiers ({@link GatewayCallTimer}, {@link RedeliveryCounter}, {@link
 * ChannelSignatureFailures}) to Camel before it starts.
 *
 * <p>Not as {@code EventNotifier} beans: Camel's Spring Boot starter collects those while it
 * creates the CamelContext, and a notifier bean that Spring happens to create first (which makes
 * Spring create the CamelContext, to hand it to the notifier) is "currently in creation" at that
 * moment and silently left out.
 */
@Component
public class CamelMeters implements CamelContextConfiguration {

  private final List<EventNotifier> notifiers;

  public CamelMeters(MeterRegistry meters) {
    this.notifiers =
        List.of(
            new GatewayCallTimer(meters),
            new RedeliveryCounter(meters),
            new ChannelSignatureFailures(meters));
  }

  @Override
  public void beforeApplicationStart(CamelContext camelContext) {
    for (EventNotifier n : notifiers) {
      if (!camelContext.getManagementStrategy().getEventNotifiers().contains(n)) {
        camelContext.getManagementStrategy().addEventNotifier(n);
      }
    }
  }

  @Override
  public void afterApplicationStart(CamelContext camelContext) {}
}
