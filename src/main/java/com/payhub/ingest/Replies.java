package com.payhub.ingest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.payhub.ledger.Admission;
import com.payhub.metrics.HubMeters;
import com.payhub.model.PaymentOrder;
import com.payhub.model.PaymentStatus;
import com.payhub.model.RejectedInputException;
import com.payhub.model.Rejection;
import com.payhub.model.Rejection.FieldError;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * What senders get back ({@code bean: payhubReplies}): an acceptance body for HTTP and result
 * queues, an RFC 9457 problem for refused HTTP requests, reason headers for refused queue messages.
 */
@Component("payhubReplies")
public class Replies {

  public static final String REJECT_CODE = "PayHubRejectCode";
  public static final String REJECT_MESSAGE = "PayHubRejectReason";
  public static final String REJECT_DIALECT = "PayHubSourceDialect";
  public static final String REJECT_FIELDS = "PayHubRejectFields";

  private final ObjectMapper json;
  private final MeterRegistry meters;

  public Replies(ObjectMapper json, MeterRegistry meters) {
    this.json = json;
    this.meters = meters;
  }

  /** The result of an accepted request. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Result(
      String paymentId,
      String refundId,
      String merchantId,
      String merchantOrderNo,
      String channel,
      String operation,
      String status,
      boolean duplicate,
      Rejection rejection) {}

  /**
   * Body of an accepted request: the order was put on its channel queue (HTTP 202), or it had been
   * taken before and the existing payment is the answer (HTTP 200, {@code duplicate: true}).
   */
  public void accepted(Exchange exchange) throws JsonProcessingException {
    PaymentOrder o = exchange.getProperty(IngestService.ORDER, PaymentOrder.class);
    Admission a = exchange.getProperty(LedgerAdmission.ADMISSION, Admission.class);
    boolean duplicate = a != null && a.duplicate();
    String status = PaymentStatus.DISPATCHED.name();
    if (duplicate) {
      status = (a.refund() != null ? a.refund().status() : a.payment().status()).name();
    }
    Result r =
        new Result(
            a == null ? o.paymentId() : a.payment().paymentId(),
            a == null || a.refund() == null ? null : a.refund().refundId(),
            o.merchantId(),
            a == null ? o.merchantOrderNo() : a.payment().merchantOrderNo(),
            o.channel().id(),
            o.operation().name(),
            status,
            duplicate,
            null);
    exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
    exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, duplicate ? 200 : 202);
    exchange.getMessage().setBody(json.writeValueAsString(r));
  }

  /** Body and status of a refused HTTP request, as {@code application/problem+json}. */
  public void problem(Exchange exchange) throws JsonProcessingException {
    Rejection r = rejection(exchange);
    HubMeters.rejected(meters, r, "http");
    Problem p =
        new Problem(
            "urn:payhub:problem:" + r.reason().name().toLowerCase().replace('_', '-'),
            r.reason().title(),
            r.reason().httpStatus(),
            r.message(),
            r.reason().name(),
            r.dialect().id(),
            r.errors());
    var msg = exchange.getMessage();
    msg.removeHeaders("*");
    msg.setHeader(Exchange.HTTP_RESPONSE_CODE, p.status());
    msg.setHeader(Exchange.CONTENT_TYPE, "application/problem+json");
    msg.setBody(json.writeValueAsString(p));
  }

  /** Reason headers on the unchanged original message, for {@code payments.rejected}. */
  public void rejectionHeaders(Exchange exchange) {
    Rejection r = rejection(exchange);
    HubMeters.rejected(meters, r, "queue");
    var msg = exchange.getMessage();
    msg.setHeader(REJECT_CODE, r.reason().name());
    msg.setHeader(REJECT_MESSAGE, r.message());
    msg.setHeader(REJECT_DIALECT, r.dialect().id());
    msg.setHeader(
        REJECT_FIELDS, String.join(",", r.errors().stream().map(FieldError::field).toList()));
  }

  /** The result message telling a queue sender its input was refused. */
  public String rejectedResult(Exchange exchange) throws JsonProcessingException {
    return json.writeValueAsString(
        new Result(null, null, null, null, null, null, "REJECTED", false, rejection(exchange)));
  }

  private static Rejection rejection(Exchange exchange) {
    Exception e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
    if (e instanceof RejectedInputException r) {
      return r.rejection();
    }
    throw new IllegalStateException("no rejected input on this exchange", e);
  }

  /** RFC 9457 problem details, with PayHub's reason code and the field errors. */
  public record Problem(
      String type,
      String title,
      int status,
      String detail,
      String reason,
      String dialect,
      List<FieldError> errors) {}
}
