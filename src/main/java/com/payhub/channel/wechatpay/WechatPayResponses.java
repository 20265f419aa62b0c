package com.payhub.channel.wechatpay;

import com.payhub.channel.ChannelCallException;
import com.payhub.channel.ChannelOutcomes;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.stereotype.Component;

/**
 * Steps 9 and 10 of the WeChat Pay adapter ({@code bean: wechatpayResponses}) around the signature
 * check: {@link #check} refuses what is not a WeChat Pay answer before anything reads it, {@link
 * #outcome} maps the verified answer into property {@value ChannelOutcomes#OUTCOME}.
 */
@Component("wechatpayResponses")
public class WechatPayResponses {

  /**
   * 5xx, and an error status WeChat did not sign (its 401 SIGN_ERROR, a proxy's page), tell nothing
   * about the payment: {@link ChannelCallException} with {@code HTTP_<status>}. Everything else
   * goes on to the signature check, a 2xx without signature headers included (it is refused there).
   */
  public void check(Exchange exchange) {
    Message m = exchange.getMessage();
    int status = status(m);
    boolean signed = WechatPayHeaders.get(m.getHeaders(), WechatPayHeaders.SIGNATURE) != null;
    if (status >= 500 || (status < 200 || status >= 300) && !signed) {
      throw new ChannelCallException(
          "HTTP_" + status,
          "WeChat Pay answered HTTP " + status + (signed ? "" : " without a signature"));
    }
  }

  /** After {@code wechatpayVerify}: the answer as a {@link com.payhub.channel.ChannelOutcome}. */
  public void outcome(Exchange exchange) throws Exception {
    Message m = exchange.getMessage();
    if (!Boolean.TRUE.equals(m.getHeader(WechatPayVerifyProcessor.VERIFIED_HEADER))) {
      throw new IllegalStateException("wechatpayResponses.outcome runs after wechatpayVerify");
    }
    WechatPayCall call = exchange.getProperty(WechatPayCall.PROPERTY, WechatPayCall.class);
    byte[] body = m.getBody() == null ? new byte[0] : m.getMandatoryBody(byte[].class);
    exchange.setProperty(ChannelOutcomes.OUTCOME, WechatPayAnswers.map(call, status(m), body));
  }

  private static int status(Message m) {
    Integer status = m.getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
    if (status == null) {
      throw new ChannelCallException("NO_HTTP_STATUS", "the gateway call gave no HTTP status");
    }
    return status;
  }
}
