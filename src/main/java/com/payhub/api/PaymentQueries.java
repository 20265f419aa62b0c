package com.payhub.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.payhub.ledger.Ledger;
import com.payhub.ledger.PaymentView;
import com.payhub.model.Dialect;
import com.payhub.model.RejectReason;
import com.payhub.model.RejectedInputException;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.stereotype.Component;

/** The query API's answers ({@code bean: payhubQueries}): a payment view as JSON, or 404. */
@Component("payhubQueries")
public class PaymentQueries {

  private final Ledger ledger;
  private final ObjectMapper json;

  public PaymentQueries(Ledger ledger, ObjectMapper json) {
    this.ledger = ledger;
    this.json = json;
  }

  public void byId(Exchange exchange) throws JsonProcessingException {
    String id = exchange.getMessage().getHeader("paymentId", String.class);
    answer(exchange, ledger.find(id), "paymentId", "no payment '" + id + "'");
  }

  public void byMerchantOrder(Exchange exchange) throws JsonProcessingException {
    Message m = exchange.getMessage();
    String merchantId = m.getHeader("merchantId", String.class);
    String orderNo = m.getHeader("merchantOrderNo", String.class);
    if (merchantId == null || merchantId.isBlank() || orderNo == null || orderNo.isBlank()) {
      throw RejectedInputException.of(
          Dialect.CANONICAL,
          RejectReason.MISSING_FIELD,
          merchantId == null || merchantId.isBlank() ? "merchantId" : "merchantOrderNo",
          "query with ?merchantId=…&merchantOrderNo=…, or GET /api/v1/payments/{paymentId}");
    }
    answer(
        exchange,
        ledger.findByMerchantOrder(merchantId, orderNo),
        "merchantOrderNo",
        "no payment for merchant '" + merchantId + "' and order '" + orderNo + "'");
  }

  private void answer(Exchange exchange, Optional<PaymentView> view, String field, String notFound)
      throws JsonProcessingException {
    if (view.isEmpty()) {
      throw RejectedInputException.of(
          Dialect.CANONICAL, RejectReason.UNKNOWN_PAYMENT, field, notFound);
    }
    Message m = exchange.getMessage();
    m.removeHeaders("*");
    m.setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
    m.setHeader(Exchange.CONTENT_TYPE, "application/json");
    ObjectNode body = json.valueToTree(view.get());
    Map<String, String> answers = ledger.answers(view.get().payment().paymentId());
    if (!answers.isEmpty()) {
      ObjectNode details = body.putObject("channelDetails");
      for (Map.Entry<String, String> a : answers.entrySet()) {
        details.set(a.getKey(), json.readTree(a.getValue()));
      }
    }
    m.setBody(json.writeValueAsString(body));
  }
}
