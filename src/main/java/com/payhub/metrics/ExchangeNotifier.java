package com.payhub.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.support.EventNotifierSupport;

/**
 * An event notifier that only looks at exchange events: Camel skips it for context, route, service
 * and step events without asking. Added to Camel by {@link CamelMeters}.
 */
abstract class ExchangeNotifier extends EventNotifierSupport {

  private final MeterRegistry meters;

  ExchangeNotifier(MeterRegistry meters) {
    this.meters = meters;
    setIgnoreCamelContextEvents(true);
    setIgnoreRouteEvents(true);
    setIgnoreServiceEvents(true);
    setIgnoreStepEvents(true);
  }

  MeterRegistry meters() {
    return meters;
  }
}
