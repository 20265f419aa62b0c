package com.payhub.ingest;

import com.payhub.ledger.Admission;
import com.payhub.ledger.ChannelRef;
import com.payhub.ledger.Ledger;
import com.payhub.ledger.OrderConflictException;
import com.payhub.ledger.RefundNotAllowedException;
import com.payhub.ledger.UnknownPaymentException;
import com.payhub.model.Operation;
import com.payhub.model.PaymentOrder;
import com.payhub.model.PaymentStatus;
import com.payhub.model.RejectReason;
import com.payhub.model.RejectedInputException;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * Step 4 as route steps ({@code bean: payhubLedger}): {@link #admit} records each valid order
 * (RECEIVED) before dispatch and recognises a resubmission; {@link #dispatched} records that the
 * order is on its channel queue (DISPATCHED). A duplicate is answered with the existing payment and
 * never dispatched again.
 */
@Component("payhubLedger")
public class LedgerAdmission {

  /** Exchange property: true when the order had been taken before. */
  public static final String DUPLICATE = "PayHubDuplicate";

  /** Exchange property: the ledger's answer, for the reply. */
  public static final String ADMISSION = "PayHubAdmission";

  /** Artemis duplicate detection: the broker drops a second message with the same id. */
  public static final String DUPLICATE_ID = "_AMQ_DUPL_ID";

  private final Ledger ledger;

  public LedgerAdmission(Ledger ledger) {
    this.ledger = ledger;
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

  /** After the channel queue took the order. */
  public void dispatched(Exchange exchange) {
    PaymentOrder order = exchange.getProperty(IngestService.ORDER, PaymentOrder.class);
    Admission admission = exchange.getProperty(ADMISSION, Admission.class);
    String cause = cause(exchange, order);
    if (order.operation() == Operation.PAY) {
      ledger.transition(
          admission.payment().paymentId(), PaymentStatus.DISPATCHED, cause, ChannelRef.NONE);
    } else if (order.operation() == Operation.REFUND) {
      ledger.transitionRefund(
          admission.refund().refundId(), PaymentStatus.DISPATCHED, cause, ChannelRef.NONE);
    }
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
