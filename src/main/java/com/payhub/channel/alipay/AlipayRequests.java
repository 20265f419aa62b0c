package com.payhub.channel.alipay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.payhub.channel.RefundQuery;
import com.payhub.config.MerchantRegistry;
import com.payhub.ingest.IngestService;
import com.payhub.model.Channel;
import com.payhub.model.Dialect;
import com.payhub.model.Operation;
import com.payhub.model.PaymentOrder;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * Step 8, first half ({@code bean: alipayRequests}): the opened order (property {@code
 * PayHubOrder}) becomes the OpenAPI parameters of its method, unsigned, as a {@link Map} body for
 * {@link AlipaySignProcessor}; property {@value #METHOD} names the method for the response check.
 */
@Component("alipayRequests")
public class AlipayRequests {

  /** Exchange property: the OpenAPI method called, e.g. {@code alipay.trade.precreate}. */
  public static final String METHOD = "PayHubAlipayMethod";

  /** The query of one refund: a QUERY order that names a refund number ({@link RefundQuery}). */
  public static final String REFUND_QUERY = "alipay.trade.fastpay.refund.query";

  /** Alipay reads {@code timestamp} as Beijing time, whatever the server's zone. */
  static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(BEIJING);
  private static final String BIZ = "biz.";
  // set by the hub from the order itself; an attribute may not override them
  private static final Set<String> OWN_BIZ_FIELDS =
      Set.of(
          "out_trade_no",
          "trade_no",
          "total_amount",
          "subject",
          "refund_amount",
          "out_request_no",
          "trans_currency");

  private final AlipayGatewayProperties gateway;
  private final MerchantRegistry merchants;
  private final ObjectMapper json;
  private final Clock clock;

  public AlipayRequests(
      AlipayGatewayProperties gateway, MerchantRegistry merchants, ObjectMapper json, Clock clock) {
    this.gateway = gateway;
    this.merchants = merchants;
    this.json = json;
    this.clock = clock;
  }

  /** Body = the unsigned parameters; property {@value #METHOD} = the method. */
  public void build(Exchange exchange) throws JsonProcessingException {
    PaymentOrder order = exchange.getProperty(IngestService.ORDER, PaymentOrder.class);
    if (order == null) {
      throw new IllegalStateException("alipayRequests.build needs the opened order");
    }
    Map<String, String> params = params(order);
    exchange.setProperty(METHOD, params.get("method"));
    exchange.getMessage().setBody(params);
  }

  /** The OpenAPI parameters for one order, without {@code sign}. */
  public Map<String, String> params(PaymentOrder order) throws JsonProcessingException {
    String method = RefundQuery.is(order) ? REFUND_QUERY : method(order.operation());
    Map<String, String> params = new LinkedHashMap<>();
    params.put("app_id", appId(order));
    params.put("method", method);
    params.put("format", "JSON");
    params.put("charset", "utf-8");
    params.put("sign_type", gateway.signType());
    params.put("timestamp", TIMESTAMP.format(clock.instant()));
    params.put("version", "1.0");
    if (order.operation() == Operation.PAY || order.operation() == Operation.CLOSE) {
      // refunds and queries take no notify_url: Alipay notifies the trade's own (the PAY's)
      params.put("notify_url", gateway.notifyUrl());
    }
    String token = order.attributes().get("app_auth_token");
    if (token != null && !token.isBlank()) {
      params.put("app_auth_token", token);
    }
    params.put("biz_content", json.writeValueAsString(biz(order)));
    return params;
  }

  static String method(Operation operation) {
    return switch (operation) {
      case PAY -> "alipay.trade.precreate";
      case QUERY -> "alipay.trade.query";
      case REFUND -> "alipay.trade.refund";
      case CLOSE -> "alipay.trade.close";
    };
  }

  private ObjectNode biz(PaymentOrder order) {
    ObjectNode biz = json.createObjectNode();
    biz.put("out_trade_no", order.merchantOrderNo());
    switch (order.operation()) {
      case PAY -> {
        biz.put("total_amount", order.amount().toMajorString());
        biz.put("subject", order.subject());
        passThrough(order, biz);
      }
      case REFUND -> {
        biz.put("refund_amount", order.amount().toMajorString());
        if (order.refundNo() != null) {
          biz.put("out_request_no", order.refundNo());
        }
        passThrough(order, biz);
      }
      case QUERY, CLOSE -> {
        if (order.channelTransactionId() != null) {
          biz.put("trade_no", order.channelTransactionId());
        }
        if (RefundQuery.is(order)) {
          // the refund's out_request_no: the hub always sends the refund number with a refund
          biz.put("out_request_no", order.refundNo());
        }
      }
    }
    return biz;
  }

  /**
   * The merchant's own {@code biz_content} members (kept by ingest as {@code biz.<name>}), e.g.
   * {@code product_code}, {@code timeout_express}, {@code refund_reason}; objects and arrays were
   * kept as JSON text and go back as JSON.
   */
  private void passThrough(PaymentOrder order, ObjectNode biz) {
    order.attributes().entrySet().stream()
        .filter(e -> e.getKey().startsWith(BIZ))
        .filter(e -> !OWN_BIZ_FIELDS.contains(e.getKey().substring(BIZ.length())))
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> biz.set(e.getKey().substring(BIZ.length()), value(e.getValue())));
  }

  private JsonNode value(String text) {
    String t = text.strip();
    if (t.startsWith("{") || t.startsWith("[")) {
      try {
        return json.readTree(t);
      } catch (JsonProcessingException e) {
        // not JSON after all: it goes as the text it is
      }
    }
    return json.getNodeFactory().textNode(text);
  }

  /** The merchant's Alipay app id (its dialect id), else its hub id. */
  private String appId(PaymentOrder order) {
    return merchants
        .resolve(Dialect.CANONICAL, order.merchantId())
        .map(m -> m.dialectIds().get(Channel.ALIPAY))
        .orElse(order.merchantId());
  }
}
