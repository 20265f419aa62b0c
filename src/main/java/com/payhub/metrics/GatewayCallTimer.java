package com.payhub.metrics;

import com.payhub.ingest.IngestService;
import com.payhub.model.Channel;
import com.payhub.model.Operation;
import com.payhub.model.PaymentOrder;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.ExchangeSendingEvent;
import org.apache.camel.spi.CamelEvent.ExchangeSentEvent;

/**
 * Times each adapter's call to its channel's gateway ({@code payhub.channel.call}): the {@code to}
 * (or {@code toD}) of an {@code http:}/{@code https:} endpoint made by an exchange that came
 * through a channel intake (property {@code PayHubIntakeChannel}, set by {@code channel-intake}).
 * Camel reports the time the producer took, from request to the answer read, or to the failure.
 *
 * <p>An event notifier rather than bean steps before and after the call in each adapter's YAML: the
 * route files stay as they are (ops edit them, and a new adapter is timed without knowing about
 * it), and a call that fails (a timeout, a refused connection) is timed too, where a step after the
 * call would be skipped by the exception.
 */
public class GatewayCallTimer extends ExchangeNotifier {

  /** Exchange property set by {@code channel-intake}: the channel whose adapter this is. */
  static final String INTAKE_CHANNEL = "PayHubIntakeChannel";

  public GatewayCallTimer(MeterRegistry meters) {
    super(meters);
  }

  @Override
  public boolean isEnabled(CamelEvent event) {
    // Camel reports the sent event (with the time taken) only to a notifier that took the sending
    // event, so both are taken for gateway calls
    if (event instanceof ExchangeSendingEvent e) {
      return gatewayCall(e.getExchange(), e.getEndpoint());
    }
    if (event instanceof ExchangeSentEvent e) {
      return gatewayCall(e.getExchange(), e.getEndpoint());
    }
    return false;
  }

  @Override
  public void notify(CamelEvent event) {
    if (event instanceof ExchangeSentEvent sent) {
      Exchange exchange = sent.getExchange();
      Channel channel = Channel.fromId(exchange.getProperty(INTAKE_CHANNEL, String.class));
      if (channel == null) {
        return;
      }
      PaymentOrder order = exchange.getProperty(IngestService.ORDER, PaymentOrder.class);
      Operation operation = order == null ? null : order.operation();
      HubMeters.channelCall(meters(), channel, operation, outcome(exchange), sent.getTimeTaken());
    }
  }

  private static boolean gatewayCall(Exchange exchange, Endpoint endpoint) {
    if (exchange.getProperty(INTAKE_CHANNEL) == null || endpoint == null) {
      return false;
    }
    String uri = endpoint.getEndpointUri();
    return uri.startsWith("http:") || uri.startsWith("https:");
  }

  /**
   * {@code 2xx}, {@code 3xx}, {@code 4xx} or {@code 5xx} for an answer; {@code unreachable} (no
   * connection), {@code timeout} (no answer in time), {@code io_error} or {@code error} for none.
   */
  static String outcome(Exchange exchange) {
    Exception e = exchange.getException();
    if (e != null) {
      return failure(e);
    }
    Integer status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
    if (status == null || status < 100 || status > 599) {
      return "error";
    }
    return (status / 100) + "xx";
  }

  static String failure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String name = t.getClass().getSimpleName();
      if (t instanceof ConnectException
          || t instanceof UnknownHostException
          || name.equals("ConnectTimeoutException")
          || name.equals("HttpHostConnectException")) {
        return "unreachable";
      }
      if (t instanceof SocketTimeoutException || t instanceof HttpTimeoutException) {
        return "timeout";
      }
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof IOException) {
        return "io_error";
      }
    }
    return "error";
  }
}
