package com.payhub.channel;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.payhub.ingest.IngestService;
import com.payhub.ledger.Ledger;
import com.payhub.ledger.Payment;
import com.payhub.ledger.PaymentView;
import com.payhub.ledger.Refund;
import com.payhub.ledger.UnknownPaymentException;
import com.payhub.model.Channel;
import com.payhub.model.Operation;
import com.payhub.model.PaymentEvent;
import com.payhub.model.PaymentOrder;
import com.payhub.model.PaymentStatus;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.springframework.stereotype.Component;

/**
 * Steps 10 and 11 of every adapter ({@code bean: payhubOutcomes}): the channel's answer, already
 * mapped to a {@link ChannelOutcome} in property {@value #OUTCOME}, goes through the ledger; the
 * changes it applied become events (written to the outbox with the change, and listed in property
 * {@value #EVENTS}); the body becomes the result for {@code payments.results}.
 */
@Component("payhubOutcomes")
public class ChannelOutcomes {

  /** Exchange property: the {@link ChannelOutcome} the adapter mapped. */
  public static final String OUTCOME = "PayHubOutcome";

  /** Exchange property: the events to publish, as JSON text, in order. */
  public static final String EVENTS = "PayHubEvents";

  private final Ledger ledger;
  private final LedgerChanges changes;
  private final ObjectMapper json;

  public ChannelOutcomes(Ledger ledger, LedgerChanges changes, ObjectMapper json) {
    this.ledger = ledger;
    this.changes = changes;
    this.json = json;
  }

  /**
   * The outcome of one channel operation, as the sender reads it on {@code payments.results}.
   * {@code status} is where the payment (or refund) stands after the answer.
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record ChannelResult(
      String paymentId,
      String refundId,
      String merchantId,
      String merchantOrderNo,
      String refundNo,
      Channel channel,
      Operation operation,
      PaymentStatus status,
      String channelTransactionId,
      String channelCode,
      String channelMessage,
      Map<String, String> details,
      Instant at) {}

  /** Applies the outcome; body = the result (JSON), property {@value #EVENTS} = the events. */
  public void record(Exchange exchange) throws JsonProcessingException {
    PaymentOrder order = exchange.getProperty(IngestService.ORDER, PaymentOrder.class);
    ChannelOutcome outcome = exchange.getProperty(OUTCOME, ChannelOutcome.class);
    if (order == null || outcome == null) {
      throw new IllegalStateException(
          "payhubOutcomes.record needs the order and the outcome on the exchange");
    }
    String cause = "adapter:" + order.channel().id() + ":" + order.operation();
    LedgerChanges.Applied applied;
    Payment payment;
    Refund refund = null;
    if (order.operation() == Operation.REFUND) {
      // a refund's hub id is the dispatched order's id
      refund =
          ledger
              .findRefund(order.paymentId())
              .orElseThrow(() -> new UnknownPaymentException("refundId=" + order.paymentId()));
      payment = target(refund.paymentId());
      applied = changes.refund(payment, refund, outcome, cause);
    } else if (order.operation() == Operation.PAY) {
      payment = target(order.paymentId());
      applied = changes.payment(payment, outcome, cause);
    } else if (RefundQuery.is(order)) {
      // a QUERY about one of the payment's refunds (the janitor's): the answer moves the refund
      PaymentView view =
          ledger
              .findByMerchantOrder(order.merchantId(), order.merchantOrderNo())
              .orElseThrow(
                  () ->
                      new UnknownPaymentException(
                          order.merchantId() + "/" + order.merchantOrderNo()));
      payment = view.payment();
      refund = RefundQuery.refund(view, order).orElse(null);
      // a refund number the payment does not have (a merchant's typo): nothing to move
      applied =
          refund == null
              ? new LedgerChanges.Applied(List.of(), payment.status(), false)
              : changes.refund(payment, refund, outcome, cause);
    } else {
      // QUERY and CLOSE name the payment by the merchant's order number (sealed in the body; the
      // headers beside it are not)
      payment =
          ledger
              .findByMerchantOrder(order.merchantId(), order.merchantOrderNo())
              .map(PaymentView::payment)
              .orElseThrow(
                  () ->
                      new UnknownPaymentException(
                          order.merchantId() + "/" + order.merchantOrderNo()));
      applied = changes.payment(payment, outcome, cause);
    }
    if (!outcome.details().isEmpty()) {
      // what the merchant needs next (a QR code, say) is also readable from the query API
      ledger.rememberAnswer(
          payment.paymentId(),
          order.operation().name(),
          json.writeValueAsString(outcome.details()));
    }
    exchange.setProperty(EVENTS, eventsJson(applied.events()));
    ChannelResult result =
        new ChannelResult(
            payment.paymentId(),
            refund == null ? null : refund.refundId(),
            payment.merchantId(),
            payment.merchantOrderNo(),
            refund == null ? null : refund.refundNo(),
            payment.channel(),
            order.operation(),
            applied.status(),
            outcome.transactionId(),
            outcome.code(),
            outcome.message(),
            outcome.details(),
            Instant.now());
    Message m = exchange.getMessage();
    m.setBody(json.writeValueAsString(result));
    m.setHeader("PayHubPaymentId", payment.paymentId());
    m.setHeader("PayHubOperation", order.operation().name());
    m.setHeader("PayHubStatus", applied.status().name());
    m.setHeader("JMSCorrelationID", order.paymentId());
  }

  /**
   * The gateway could not be asked or its answer cannot be trusted (property {@link
   * Exchange#EXCEPTION_CAUGHT}): the request may have taken effect, so PAY and REFUND become
   * PENDING (a query or notification decides later) and QUERY or CLOSE change nothing.
   */
  public void unreachable(Exchange exchange) throws JsonProcessingException {
    PaymentOrder order = exchange.getProperty(IngestService.ORDER, PaymentOrder.class);
    Exception e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
    String code = code(e);
    String message = describe(e);
    ChannelOutcome outcome =
        order.operation() == Operation.PAY || order.operation() == Operation.REFUND
            ? ChannelOutcome.pending(code, message)
            : ChannelOutcome.unchanged(code, message);
    exchange.setProperty(OUTCOME, outcome);
    record(exchange);
  }

  static String code(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ChannelCallException c) {
        return c.code();
      }
      if (t instanceof HttpOperationFailedException h) {
        return "HTTP_" + h.getStatusCode();
      }
      if (t instanceof SocketTimeoutException || t instanceof HttpTimeoutException) {
        return "CHANNEL_TIMEOUT";
      }
      if (t instanceof ConnectException
          || t.getClass().getSimpleName().equals("ConnectTimeoutException")
          || t.getClass().getSimpleName().equals("HttpHostConnectException")) {
        return "CHANNEL_UNREACHABLE";
      }
      if (t.getClass().getSimpleName().endsWith("SignatureException")) {
        return "RESPONSE_SIGNATURE_INVALID";
      }
      if (t.getClass().getSimpleName().endsWith("MalformedMessageException")) {
        return "RESPONSE_MALFORMED";
      }
    }
    return "CHANNEL_ERROR";
  }

  /** The exception's type and message; never a body, a key or a signature. */
  private static String describe(Throwable e) {
    if (e == null) {
      return null;
    }
    String m = e.getMessage();
    String text = e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    return text.length() > 200 ? text.substring(0, 200) : text;
  }

  private Payment target(String paymentId) {
    return ledger
        .findPayment(paymentId)
        .orElseThrow(() -> new UnknownPaymentException("paymentId=" + paymentId));
  }

  public List<String> eventsJson(List<PaymentEvent> events) throws JsonProcessingException {
    List<String> out = new ArrayList<>(events.size());
    for (PaymentEvent e : events) {
      out.add(json.writeValueAsString(e));
    }
    return out;
  }
}
