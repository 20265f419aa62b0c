package com.payhub.channel.alipay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.payhub.channel.ChannelCallException;
import com.payhub.channel.ChannelOutcome;
import com.payhub.channel.ChannelOutcomes;
import com.payhub.ingest.IngestService;
import com.payhub.model.PaymentOrder;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * Steps 9 and 10 around {@link AlipayResponseVerifyProcessor} ({@code bean: alipayResponses}): an
 * HTTP status other than 200 is no Alipay answer ({@link ChannelCallException}, so PENDING for PAY
 * and REFUND), and a verified answer is mapped to the {@link ChannelOutcome} in property {@value
 * ChannelOutcomes#OUTCOME}.
 */
@Component("alipayResponses")
public class AlipayResponses {

  private final ObjectMapper json;

  public AlipayResponses(ObjectMapper json) {
    this.json = json;
  }

  /** Before the signature check: Alipay answers every request, success or not, with HTTP 200. */
  public void checkHttp(Exchange exchange) {
    Integer status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
    if (status == null || status != 200) {
      throw new ChannelCallException(
          "HTTP_" + status, "the Alipay gateway answered HTTP " + status + ", not an answer");
    }
  }

  /** Body in: the verified {@code <method>_response} (or {@code error_response}) JSON text. */
  public void outcome(Exchange exchange) throws Exception {
    PaymentOrder order = exchange.getProperty(IngestService.ORDER, PaymentOrder.class);
    JsonNode member = json.readTree(exchange.getMessage().getBody(String.class));
    String outTradeNo = AlipayOutcomeMapping.text(member, "out_trade_no");
    if (outTradeNo != null && !outTradeNo.equals(order.merchantOrderNo())) {
      // signed, but about another trade: not an answer to this request
      throw new ChannelCallException(
          "RESPONSE_MISMATCH", "the answer names another out_trade_no than the request");
    }
    boolean refundQuery =
        AlipayRequests.REFUND_QUERY.equals(
            exchange.getProperty(AlipayRequests.METHOD, String.class));
    exchange.setProperty(
        ChannelOutcomes.OUTCOME,
        refundQuery
            ? AlipayRefundQueryMapping.map(member, order.refundNo())
            : AlipayOutcomeMapping.map(order.operation(), member));
  }
}
