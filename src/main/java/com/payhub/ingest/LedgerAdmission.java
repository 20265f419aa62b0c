package com.payhub.ingest;

import com.payhub.ledger.Admission;
import com.payhub.ledger.ChannelRef;
import com.payhub.ledger.IllegalTransitionException;
import com.payhub.ledger.Ledger;
import com.payhub.ledger.OrderConflictException;
import com.payhub.ledger.RefundNotAllowedException;
import com.payhub.ledger.UnknownPaymentException;
import com.payhub.model.Operation;
import com.payhub.model.PaymentOrder;
import com.payhub.model.PaymentStatus;
import com.payhub.model.RejectReason;
import com.payhub.model.RejectedInputException;
import com.payhub.outbox.Outbox;
import com.payhub.outbox.OutboxMessage;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Step 4 as route steps ({@code bean: payhubLedger}): {@link #admit} records each valid order
 * (RECEIVED) and recognises a resubmission; {@link #dispatch} moves it to DISPATCHED and puts the
 * sealed order in the {@link Outbox} in one database transaction, so the order reaches its channel
 * queue even if the broker or the hub fails right after the commit. A duplicate is answered with
 * the existing payment and not dispatched again, unless it never got past RECEIVED (the hub or the
 * database failed between the two steps): then the resubmission finishes the dispatch.
 */
@Component("payhubLedger")
public class LedgerAdmission {

  /** Exchange property: true when the order had been taken before. */
  public static final String DUPLICATE = "PayHubDuplicate";

  /** Exchange property: the ledger's answer, for the reply. */
  public static final String ADMISSION = "PayHubAdmission";

  /** Exchange property: true when the order is to be dispatched (new, or stuck in RECEIVED). */
  public static final String DISPATCH = "PayHubDispatch";

  /** Exchange property: the channel queue the dispatch router chose. */
  public static final String CHANNEL_QUEUE = "PayHubChannelQueue";

  /** Artemis duplicate detection: the broker drops a second message with the same id. */
  public static final String DUPLICATE_ID = Outbox.DUPLICATE_ID;

  private static final Pattern HEADER = Pattern.compile("PayHub[A-Za-z0-9]*");

  private final Ledger ledger;
  private final Outbox outbox;
  private final TransactionTemplate tx;

  public LedgerAdmission(Ledger ledger, Outbox outbox, PlatformTransactionManager transactions) {
    this.ledger = ledger;
    this.outbox = outbox;
    this.tx = new TransactionTemplate(transactions);
  }

  public void admit(Exchange exchange) {
    PaymentOrder order = exchange.getProperty(IngestService.ORDER, PaymentOrder.class);
    Admission admission;
    try {
      admission = ledger.admit(order, cause(exchange, order));
    } catch (OrderConflictException e) {
      throw reject(order, RejectReason.ORDER_CONFLICT, orderField(order), e.getMessage());
    } catch (UnknownPaymentException e) {
      throw reject(order, RejectReason.UNKNOWN_PAYMENT, orderField(order), e.getMessage());
    } catch (RefundNotAllowedException e) {
      throw reject(order, RejectReason.REFUND_NOT_ALLOWED, "amount", e.getMessage());
    }
    exchange.setProperty(ADMISSION, admission);
    if (order.merchantOrderNo() == null && order.operation() != Operation.PAY) {
      // named by the channel's transaction id only: the adapters (and the ledger, for their
      // answers) find the payment by the merchant's order number, sealed with the order
      exchange.setProperty(
          IngestService.ORDER, order.withMerchantOrderNo(admission.payment().merchantOrderNo()));
    }
    exchange.setProperty(DUPLICATE, admission.duplicate());
    boolean redrive = admission.duplicate() && stuckInReceived(order, admission);
    exchange.setProperty(DISPATCH, !admission.duplicate() || redrive);
    if (redrive) {
      // finishing the first submission's dispatch: under the hub id the ledger holds
      String held =
          order.operation() == Operation.PAY
              ? admission.payment().paymentId()
              : admission.refund().refundId();
      exchange.setProperty(
          IngestService.ORDER,
          exchange.getProperty(IngestService.ORDER, PaymentOrder.class).withPaymentId(held));
      exchange.getMessage().setHeader(IngestService.PAYMENT_ID, held);
    }
    // the hub id of the thing this order is: the payment (PAY) or the refund (REFUND); QUERY and
    // CLOSE act on the payment, each with its own dispatch id
    String id =
        switch (order.operation()) {
          case PAY -> admission.payment().paymentId();
          case REFUND -> admission.refund().refundId();
          case QUERY, CLOSE -> order.paymentId();
        };
    String dedupe =
        order.operation() == Operation.PAY || order.operation() == Operation.REFUND
            ? id + ":" + order.operation()
            : admission.payment().paymentId() + ":" + order.operation() + ":" + order.paymentId();
    exchange.getMessage().setHeader(DUPLICATE_ID, dedupe);
    exchange.getMessage().setHeader("PayHubLedgerId", admission.payment().paymentId());
  }

  /**
   * After the seal, with the channel queue in property {@value #CHANNEL_QUEUE}: a PAY or REFUND
   * becomes DISPATCHED and its sealed order goes into the outbox, together or not at all. Of two
   * resubmissions racing to finish a dispatch, only the one whose move changed the row adds the
   * order. QUERY and CLOSE orders (the janitor's too) are added as they are.
   */
  public void dispatch(Exchange exchange) {
    PaymentOrder order = exchange.getProperty(IngestService.ORDER, PaymentOrder.class);
    Admission admission = exchange.getProperty(ADMISSION, Admission.class);
    String queue = exchange.getProperty(CHANNEL_QUEUE, String.class);
    Message m = exchange.getMessage();
    Map<String, String> headers = new LinkedHashMap<>();
    m.getHeaders()
        .forEach(
            (name, value) -> {
              if (value != null && HEADER.matcher(name).matches()) {
                headers.put(name, value.toString());
              }
            });
    String dedupe = m.getHeader(DUPLICATE_ID, String.class);
    OutboxMessage message =
        new OutboxMessage(
            dedupe != null ? dedupe : order.operation() + ":" + order.paymentId(),
            false,
            queue,
            headers,
            m.getBody(String.class));
    String cause = cause(exchange, order);
    try {
      tx.executeWithoutResult(
          status -> {
            boolean owed =
                switch (admission == null ? Operation.QUERY : order.operation()) {
                  case PAY ->
                      ledger
                          .move(
                              admission.payment().paymentId(),
                              PaymentStatus.DISPATCHED,
                              cause,
                              ChannelRef.NONE)
                          .changed();
                  case REFUND ->
                      ledger
                          .moveRefund(
                              admission.refund().refundId(),
                              PaymentStatus.DISPATCHED,
                              cause,
                              ChannelRef.NONE)
                          .changed();
                  case QUERY, CLOSE -> true;
                };
            if (owed) {
              outbox.add(message);
            }
          });
    } catch (IllegalTransitionException e) {
      // already past DISPATCHED: another submission finished the dispatch and the channel answered
      exchange.setProperty(DISPATCH, false);
    }
  }

  private static boolean stuckInReceived(PaymentOrder order, Admission admission) {
    return switch (order.operation()) {
      case PAY -> admission.payment().status() == PaymentStatus.RECEIVED;
      case REFUND -> admission.refund().status() == PaymentStatus.RECEIVED;
      case QUERY, CLOSE -> false;
    };
  }

  private static String cause(Exchange exchange, PaymentOrder order) {
    String transport = exchange.getProperty("PayHubCorrelationId") != null ? "queue" : "http";
    return "ingest:" + transport + ":" + order.sourceDialect().id();
  }

  private static String orderField(PaymentOrder order) {
    return order.operation() == Operation.REFUND ? "refundNo" : "merchantOrderNo";
  }

  private static RejectedInputException reject(
      PaymentOrder order, RejectReason reason, String field, String message) {
    return RejectedInputException.of(order.sourceDialect(), reason, field, message);
  }
}
