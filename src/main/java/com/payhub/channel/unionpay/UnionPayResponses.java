package com.payhub.channel.unionpay;

import com.payhub.channel.ChannelCallException;
import com.payhub.channel.ChannelOutcomes;
import com.payhub.ingest.IngestService;
import com.payhub.model.PaymentOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * Steps 9 and 10 of the UnionPay adapter ({@code bean: unionpayResponses}). {@link #read} turns the
 * gateway's HTTP answer into fields for the signature check (an HTTP error or a body that is not an
 * acp answer is a {@link ChannelCallException}: the request may have taken effect); after the
 * check, {@link #outcome} maps the verified fields into {@code PayHubOutcome}.
 */
@Component("unionpayResponses")
public class UnionPayResponses {

  /** Body in: the raw response bytes; body out: the fields, not yet trusted. */
  public void read(Exchange exchange) {
    int status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
    if (status != 200) {
      throw new ChannelCallException("HTTP_" + status, "UnionPay answered HTTP " + status);
    }
    byte[] body = exchange.getMessage().getBody(byte[].class);
    Map<String, String> fields;
    try {
      // acp answers in the request's encoding, which the adapter always sets to UTF-8
      fields =
          UnionPayResponseText.parse(body == null ? "" : new String(body, StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      throw new ChannelCallException("RESPONSE_MALFORMED", "not an acp answer: " + e.getMessage());
    }
    if (!fields.containsKey("respCode")) {
      throw new ChannelCallException("RESPONSE_MALFORMED", "the answer has no respCode");
    }
    exchange.getMessage().setBody(fields);
  }

  /** Body in: the verified fields; property {@code PayHubOutcome} out. */
  @SuppressWarnings("unchecked")
  public void outcome(Exchange exchange) {
    Map<String, String> fields = exchange.getMessage().getBody(Map.class);
    Map<String, String> sent = exchange.getProperty(UnionPayRequests.SENT, Map.class);
    for (String key : sent.keySet()) {
      String answered = fields.get(key);
      // an error answer may leave them out; an answer about another order is never ours
      if (answered != null && !answered.isBlank() && !answered.trim().equals(sent.get(key))) {
        throw new ChannelCallException(
            "RESPONSE_MISMATCH", "the answer names another " + key + " than the request");
      }
    }
    PaymentOrder order = exchange.getProperty(IngestService.ORDER, PaymentOrder.class);
    exchange.setProperty(
        ChannelOutcomes.OUTCOME, UnionPayOutcomes.response(order.operation(), fields));
  }
}
