package com.payhub.metrics;

import com.payhub.channel.alipay.AlipaySignatureException;
import com.payhub.channel.unionpay.UnionPaySignatureException;
import com.payhub.channel.wechatpay.WechatPaySignatureException;
import com.payhub.model.Channel;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.Exchange;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.ExchangeFailureHandledEvent;

/**
 * Counts the channel-side signature failures ({@code payhub.channel.signature.rejected}): a
 * gateway's answer or a channel's notification whose signature did not verify. Each channel's
 * verifier throws its own exception with a reason enum, and the routes handle it in four places
 * (the adapters' {@code channel-call-errors}, and each notify route's error handler, in YAML or in
 * Java); this counts wherever it was handled, from the one event Camel raises when an error handler
 * has dealt with a failure. {@code message} is {@code answer} for an exchange that came through a
 * channel intake (the adapter's call), {@code notification} otherwise.
 */
public class ChannelSignatureFailures extends ExchangeNotifier {

  public ChannelSignatureFailures(MeterRegistry meters) {
    super(meters);
  }

  @Override
  public boolean isEnabled(CamelEvent event) {
    return event instanceof ExchangeFailureHandledEvent;
  }

  @Override
  public void notify(CamelEvent event) {
    Exchange exchange = ((ExchangeFailureHandledEvent) event).getExchange();
    Throwable e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
    String message =
        exchange.getProperty(GatewayCallTimer.INTAKE_CHANNEL) != null ? "answer" : "notification";
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof AlipaySignatureException a) {
        HubMeters.channelSignatureRejected(meters(), Channel.ALIPAY, message, a.reason().name());
        return;
      }
      if (t instanceof WechatPaySignatureException w) {
        HubMeters.channelSignatureRejected(meters(), Channel.WECHATPAY, message, w.reason().name());
        return;
      }
      if (t instanceof UnionPaySignatureException u) {
        HubMeters.channelSignatureRejected(meters(), Channel.UNIONPAY, message, u.reason().name());
        return;
      }
    }
  }
}
