package com.payhub.channel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.payhub.ingest.IngestService;
import com.payhub.ledger.Ledger;
import com.payhub.model.Channel;
import com.payhub.model.Operation;
import com.payhub.model.PaymentOrder;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Exactly one channel call per payment ({@code bean: payhubAttempts}, in the {@code channel-intake}
 * template): the attempt is recorded in the ledger before the adapter calls the channel. An order
 * whose attempt is already recorded (the broker redelivered it after a crash or a rollback) may
 * have reached the channel: a PAY is turned into a QUERY of the same payment, so the channel is
 * asked, never paid again. REFUND and CLOSE go out again under the same refund number / order
 * number, which the channels take once (they refuse or return the earlier one).
 */
@Component("payhubAttempts")
public class ChannelAttempts {

  private static final Logger LOG = LoggerFactory.getLogger(ChannelAttempts.class);

  /** Exchange property: the attempt number of this delivery (1 = first). */
  public static final String ATTEMPT = "PayHubAttempt";

  /** Exchange property: the PAY a redelivery turned into a QUERY, with its body. */
  static final String REDELIVERED_PAY = "PayHubRedeliveredPay";

  /** Exchange property: true when the channel said it never got that PAY: send it now. */
  public static final String REPAY = "PayHubRepay";

  /**
   * What each channel answers a query about an order it never received. Only this answer, to the
   * query of a redelivered PAY, lets the PAY go out: the hub (or its link to the channel) died
   * between recording the attempt and sending it.
   */
  private static final Map<Channel, String> NOT_AT_CHANNEL =
      Map.of(
          Channel.ALIPAY, "ACQ.TRADE_NOT_EXIST",
          Channel.WECHATPAY, "ORDER_NOT_EXIST",
          Channel.UNIONPAY, "34");

  private record Redelivered(PaymentOrder order, Object body) {}

  private final Ledger ledger;
  private final ObjectMapper json;
  private final MeterRegistry meters;

  public ChannelAttempts(Ledger ledger, ObjectMapper json, MeterRegistry meters) {
    this.ledger = ledger;
    this.json = json;
    this.meters = meters;
  }

  public void begin(Exchange exchange) throws JsonProcessingException {
    PaymentOrder order = exchange.getProperty(IngestService.ORDER, PaymentOrder.class);
    if (order.operation() == Operation.QUERY) {
      return; // asking twice is harmless
    }
    int attempt = ledger.recordAttempt(order.paymentId(), order.operation().name());
    exchange.setProperty(ATTEMPT, attempt);
    if (attempt == 1) {
      return;
    }
    Counter.builder("payhub.channel.reattempts")
        .description("orders redelivered to an adapter after an attempt was recorded")
        .tag("channel", order.channel().id())
        .tag("operation", order.operation().name())
        .register(meters)
        .increment();
    if (order.operation() == Operation.PAY) {
      exchange.setProperty(
          REDELIVERED_PAY, new Redelivered(order, exchange.getMessage().getBody()));
      PaymentOrder query =
          new PaymentOrder(
              order.paymentId(),
              order.merchantId(),
              order.merchantOrderNo(),
              order.channel(),
              Operation.QUERY,
              null,
              null,
              null,
              order.channelTransactionId(),
              null,
              null,
              order.sourceDialect(),
              order.createdAt());
      LOG.warn(
          "Order {} was already sent to {} (attempt {}): querying instead of paying again",
          order.paymentId(),
          order.channel().id(),
          attempt);
      exchange.setProperty(IngestService.ORDER, query);
      exchange.getMessage().setBody(json.writeValueAsString(query));
      exchange.getMessage().setHeader("PayHubOperation", Operation.QUERY.name());
    }
  }

  /**
   * In {@code direct:channel-outcome}, before anything is recorded: when this was a redelivered PAY
   * and the channel answered its query that it has no such order, the PAY is restored (property
   * {@value #REPAY} = true) for the adapter to send, once. Any other answer stands.
   */
  public void checkRepay(Exchange exchange) {
    Redelivered pay = exchange.getProperty(REDELIVERED_PAY, Redelivered.class);
    ChannelOutcome outcome = exchange.getProperty(ChannelOutcomes.OUTCOME, ChannelOutcome.class);
    exchange.removeProperty(REDELIVERED_PAY);
    boolean repay =
        pay != null
            && outcome != null
            && outcome.status() == null
            && NOT_AT_CHANNEL.get(pay.order().channel()).equals(outcome.code());
    exchange.setProperty(REPAY, repay);
    if (!repay) {
      return;
    }
    LOG.warn(
        "{} never received order {} (it answered {}): paying now",
        pay.order().channel().id(),
        pay.order().paymentId(),
        outcome.code());
    Counter.builder("payhub.channel.repays")
        .description("redelivered orders sent after the channel said it never received them")
        .tag("channel", pay.order().channel().id())
        .register(meters)
        .increment();
    exchange.removeProperty(ChannelOutcomes.OUTCOME);
    exchange.setProperty(IngestService.ORDER, pay.order());
    exchange.getMessage().setBody(pay.body());
    exchange.getMessage().setHeader("PayHubOperation", Operation.PAY.name());
  }
}
