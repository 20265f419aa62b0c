package com.payhub.channel.wechatpay;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.payhub.channel.RefundQuery;
import com.payhub.config.MerchantRegistry;
import com.payhub.ingest.IngestService;
import com.payhub.ledger.Ledger;
import com.payhub.ledger.PaymentView;
import com.payhub.ledger.Refund;
import com.payhub.ledger.UnknownPaymentException;
import com.payhub.model.Channel;
import com.payhub.model.Dialect;
import com.payhub.model.Money;
import com.payhub.model.PaymentOrder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.stereotype.Component;

/**
 * Step 8 of the WeChat Pay adapter ({@code bean: wechatpayRequests}): the opened order (property
 * {@code PayHubOrder}) becomes the v3 request: method and URL in {@code CamelHttpMethod} / {@code
 * CamelHttpUri}, the JSON body as UTF-8 bytes (none for GET), the merchant's {@code mchid} in
 * {@value WechatPaySignProcessor#MCH_ID_HEADER} for the signing step, and a {@link WechatPayCall}
 * to check the answer against. Call it after the transport headers were removed.
 */
@Component("wechatpayRequests")
public class WechatPayRequests {

  /** WeChat's limit on {@code description}, in characters. */
  static final int MAX_DESCRIPTION = 127;

  private final WechatPayGatewayProperties gateway;
  private final MerchantRegistry merchants;
  private final Ledger ledger;
  private final ObjectMapper json;

  public WechatPayRequests(
      WechatPayGatewayProperties gateway,
      MerchantRegistry merchants,
      Ledger ledger,
      ObjectMapper json) {
    this.gateway = gateway;
    this.merchants = merchants;
    this.ledger = ledger;
    this.json = json;
  }

  public void encode(Exchange exchange) throws Exception {
    PaymentOrder order = exchange.getProperty(IngestService.ORDER, PaymentOrder.class);
    if (order == null || order.channel() != Channel.WECHATPAY) {
      throw new IllegalStateException("wechatpayRequests.encode needs a WeChat Pay order");
    }
    String mchId = mchId(order);
    String outTradeNo = order.merchantOrderNo();
    Message m = exchange.getMessage();
    String method;
    String target;
    ObjectNode body = null;
    Money expected = order.amount();
    switch (order.operation()) {
      case PAY -> {
        method = "POST";
        target = "/v3/pay/transactions/native";
        body = payBody(order, mchId);
      }
      case QUERY -> {
        method = "GET";
        if (RefundQuery.is(order)) {
          // a direct merchant's refund query names no mchid: the Authorization's is the one
          target = "/v3/refund/domestic/refunds/" + segment(order.refundNo());
          expected = RefundQuery.refund(payment(order), order).map(Refund::amount).orElse(null);
        } else {
          target = "/v3/pay/transactions/out-trade-no/" + segment(outTradeNo) + "?mchid=" + mchId;
          expected = payment(order).payment().amount();
        }
      }
      case CLOSE -> {
        method = "POST";
        target = "/v3/pay/transactions/out-trade-no/" + segment(outTradeNo) + "/close";
        body = json.createObjectNode().put("mchid", mchId);
      }
      case REFUND -> {
        method = "POST";
        target = "/v3/refund/domestic/refunds";
        body = refundBody(order, payment(order).payment().amount());
      }
      default -> throw new IllegalStateException("unhandled operation " + order.operation());
    }
    m.setHeader(Exchange.HTTP_METHOD, method);
    m.setHeader(Exchange.HTTP_URI, gateway.resolve(target).toString());
    m.setHeader("Accept", "application/json");
    m.setHeader(WechatPaySignProcessor.MCH_ID_HEADER, mchId);
    if (body == null) {
      m.setBody(null);
    } else {
      m.setHeader(Exchange.CONTENT_TYPE, "application/json");
      m.setBody(json.writeValueAsBytes(body));
    }
    exchange.setProperty(
        WechatPayCall.PROPERTY,
        new WechatPayCall(order.operation(), mchId, outTradeNo, order.refundNo(), expected));
  }

  private ObjectNode payBody(PaymentOrder order, String mchId) {
    ObjectNode body = json.createObjectNode();
    String appId = order.attributes().get("appid");
    body.put("appid", appId == null || appId.isBlank() ? gateway.appId() : appId);
    body.put("mchid", mchId);
    body.put("description", description(order));
    body.put("out_trade_no", order.merchantOrderNo());
    body.put("notify_url", gateway.notifyUrl().toString());
    ObjectNode amount = body.putObject("amount");
    amount.put("total", order.amount().minor());
    amount.put("currency", order.amount().currency());
    return body;
  }

  private ObjectNode refundBody(PaymentOrder order, Money paid) {
    ObjectNode body = json.createObjectNode();
    body.put("out_trade_no", order.merchantOrderNo());
    body.put("out_refund_no", order.refundNo());
    body.put("notify_url", gateway.notifyUrl().toString());
    ObjectNode amount = body.putObject("amount");
    amount.put("refund", order.amount().minor());
    // WeChat checks total against the original order: the ledger's amount, not the request's
    amount.put("total", paid.minor());
    amount.put("currency", order.amount().currency());
    return body;
  }

  /** The subject, else the order number: WeChat requires a description (1-127 characters). */
  static String description(PaymentOrder order) {
    String text =
        order.subject() == null || order.subject().isBlank()
            ? order.merchantOrderNo()
            : order.subject();
    return text.codePointCount(0, text.length()) <= MAX_DESCRIPTION
        ? text
        : text.substring(0, text.offsetByCodePoints(0, MAX_DESCRIPTION));
  }

  /** The merchant's own WeChat Pay account: a merchant without one cannot be sent. */
  private String mchId(PaymentOrder order) {
    return merchants
        .resolve(Dialect.CANONICAL, order.merchantId())
        .map(m -> m.dialectIds().get(Channel.WECHATPAY))
        .filter(id -> !id.isBlank())
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "merchant "
                        + order.merchantId()
                        + " has no WeChat Pay mchid (payhub.merchants[].dialect-ids.wechatpay)"));
  }

  private PaymentView payment(PaymentOrder order) {
    return ledger
        .findByMerchantOrder(order.merchantId(), order.merchantOrderNo())
        .orElseThrow(
            () -> new UnknownPaymentException(order.merchantId() + "/" + order.merchantOrderNo()));
  }

  /** A path segment as the official SDK encodes it ({@code |} becomes {@code %7C}). */
  static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
