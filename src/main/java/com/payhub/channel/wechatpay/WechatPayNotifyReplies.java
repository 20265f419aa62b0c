package com.payhub.channel.wechatpay;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.payhub.channel.NotificationRefusedException;
import com.payhub.crypto.DecryptionFailedException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What {@code POST /notify/wechatpay} answers ({@code bean: wechatpayNotifyReplies}). WeChat reads
 * only the status: 200/204 stops its resends, anything else makes it resend later. So 204 only once
 * the change is recorded; a refusal is 4xx (401 signature, 400 unreadable or not matching, 404
 * unknown order) and a fault of the hub 500, each with {@code {"code":"FAIL","message":"…"}}.
 */
@Component("wechatpayNotifyReplies")
public class WechatPayNotifyReplies {

  private static final Logger LOG = LoggerFactory.getLogger(WechatPayNotifyReplies.class);

  private final ObjectMapper json;
  private final MeterRegistry meters;

  public WechatPayNotifyReplies(ObjectMapper json, MeterRegistry meters) {
    this.json = json;
    this.meters = meters;
  }

  /** 204 with an empty body. */
  public void acknowledged(Exchange exchange) {
    Message m = exchange.getMessage();
    m.getHeaders().clear();
    m.setHeader(Exchange.HTTP_RESPONSE_CODE, 204);
    m.setBody(null);
  }

  /** The refusal or fault in property {@code CamelExceptionCaught}, answered as WeChat expects. */
  public void refused(Exchange exchange) throws Exception {
    Exception e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
    int status;
    String message;
    String outcome;
    if (e instanceof WechatPaySignatureException s) {
      status = 401;
      message = "signature refused: " + s.reason();
      outcome = "refused_signature";
    } else if (e instanceof NotificationRefusedException r) {
      status = r.reason().httpStatus();
      message = r.getMessage();
      outcome = null; // counted by payhubNotices
    } else if (e instanceof WechatPayMalformedMessageException
        || e instanceof WechatPayUnsupportedAlgorithmException
        || e instanceof DecryptionFailedException) {
      status = 400;
      message = "the notification cannot be read: " + e.getClass().getSimpleName();
      outcome = "refused_unreadable";
    } else {
      status = 500;
      message = "PayHub could not record the notification; send it again";
      outcome = "failed";
      LOG.error("WeChat Pay notification not recorded", e);
    }
    if (status < 500) {
      LOG.warn("WeChat Pay notification refused with HTTP {}: {}", status, message);
    }
    if (outcome != null) {
      Counter.builder("payhub.notifications")
          .description("channel notifications by outcome (applied, unchanged, replayed, refused_*)")
          .tag("channel", "wechatpay")
          .tag("outcome", outcome.toLowerCase(Locale.ROOT))
          .register(meters)
          .increment();
    }
    Map<String, String> body = new LinkedHashMap<>();
    body.put("code", "FAIL");
    body.put("message", message);
    Message m = exchange.getMessage();
    m.getHeaders().clear();
    m.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
    m.setHeader(Exchange.CONTENT_TYPE, "application/json");
    m.setBody(json.writeValueAsString(body));
  }
}
