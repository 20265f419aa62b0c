package com.payhub.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.payhub.model.Channel;
import com.payhub.model.Dialect;
import com.payhub.model.Money;
import com.payhub.model.Operation;
import com.payhub.model.PaymentOrder;
import com.payhub.model.RejectReason;
import com.payhub.model.RejectedInputException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Normalises WeChat Pay API v3 style JSON bodies (transactions and domestic refunds). The operation
 * comes from the hint (see {@link WechatPayRoute}); amounts are JSON integers in fen.
 *
 * <p>Attributes: {@code trade_type} (PAY), {@code appid}, {@code payer.<member>} (e.g. {@code
 * payer.openid}), {@code amount.total} (REFUND: the original total in fen), other {@code
 * amount.<member>}s, every other top-level member under its own name (objects and arrays as their
 * JSON text).
 */
@Component
public class WechatPayNormalizer implements Normalizer {

  static final int MAX_DESCRIPTION = 127;

  /** Members mapped to canonical fields (description only for PAY), never copied to attributes. */
  private static final Set<String> MAPPED =
      Set.of(
          "mchid",
          "out_trade_no",
          "transaction_id",
          "notify_url",
          "out_refund_no",
          "amount",
          "payer");

  @Override
  public Dialect dialect() {
    return Dialect.WECHATPAY;
  }

  @Override
  public PaymentOrder normalize(InboundMessage message) {
    if (!message.isJson()) {
      throw RejectedInputException.of(
          Dialect.WECHATPAY,
          RejectReason.UNSUPPORTED_MEDIA_TYPE,
          "body",
          "WeChat Pay v3 requests must be application/json, not "
              + Objects.requireNonNullElse(message.contentType(), "a non-JSON body"));
    }
    ObjectNode body = WechatPayFields.parseObject(message.body());
    WechatPayRoute route = WechatPayRoute.parse(message.operationHint());
    Operation op = route.operation();

    FieldErrors errors = new FieldErrors(Dialect.WECHATPAY);
    WechatPayFields f = new WechatPayFields(body, errors);
    Map<String, String> attributes = new LinkedHashMap<>();

    String mchid = f.required("mchid");
    String outTradeNo = fromPathOrBody(f, errors, "out_trade_no", route.outTradeNo());
    String transactionId = fromPathOrBody(f, errors, "transaction_id", route.transactionId());
    String notifyUrl = f.optional("notify_url");
    ObjectNode amount = f.object("amount", RejectReason.INVALID_AMOUNT);
    boolean amountReported = amount == null && WechatPayFields.present(body.get("amount"));
    ObjectNode payer = f.object("payer", RejectReason.INVALID_FIELD);
    String openid = f.nested(payer, "openid", "payer.openid");

    Money money = null;
    String subject = null;
    String refundNo = null;
    switch (op) {
      case PAY -> {
        f.required("appid");
        subject = description(f, errors);
        errors.require("out_trade_no", outTradeNo);
        errors.require("notify_url", notifyUrl);
        Long total = f.fen(amount, "total", "amount.total", !amountReported);
        money = money(total, f.currency(amount));
        if ("jsapi".equals(route.tradeType())) {
          errors.require("payer.openid", openid);
        }
      }
      case QUERY -> requireOrderOrTransaction(errors, outTradeNo, transactionId);
      case CLOSE -> errors.require("out_trade_no", outTradeNo);
      case REFUND -> {
        refundNo = f.required("out_refund_no");
        requireOrderOrTransaction(errors, outTradeNo, transactionId);
        Long refund = f.fen(amount, "refund", "amount.refund", !amountReported);
        Long total = f.fen(amount, "total", "amount.total", false);
        if (refund != null && total != null && refund > total) {
          errors.add(
              "amount.refund",
              RejectReason.INVALID_AMOUNT,
              "'amount.refund' (" + refund + ") must not exceed 'amount.total' (" + total + ")");
        }
        money = money(refund, f.currency(amount));
        if (total != null) {
          attributes.put("amount.total", Long.toString(total));
        }
      }
      default -> throw new IllegalStateException("unhandled operation " + op);
    }
    errors.throwIfAny();

    collectAttributes(body, op, route, amount, payer, attributes);
    return new PaymentOrder(
        null,
        mchid,
        outTradeNo,
        Channel.WECHATPAY,
        op,
        money,
        subject,
        refundNo,
        transactionId,
        notifyUrl,
        attributes,
        Dialect.WECHATPAY,
        null);
  }

  /** The id from the body, or from the hint's path when the body lacks it; both must agree. */
  private static String fromPathOrBody(
      WechatPayFields f, FieldErrors errors, String name, String fromPath) {
    String fromBody = f.optional(name);
    if (fromPath != null && fromBody != null && !fromPath.equals(fromBody)) {
      errors.add(
          name,
          RejectReason.INVALID_FIELD,
          "'"
              + name
              + "' in the body ("
              + fromBody
              + ") differs from the one in the path ("
              + fromPath
              + ")");
    }
    return fromBody != null ? fromBody : fromPath;
  }

  private static String description(WechatPayFields f, FieldErrors errors) {
    String description = f.required("description");
    if (description != null
        && description.codePointCount(0, description.length()) > MAX_DESCRIPTION) {
      errors.add(
          "description",
          RejectReason.INVALID_FIELD,
          "'description' must be at most " + MAX_DESCRIPTION + " characters");
      return null;
    }
    return description;
  }

  private static void requireOrderOrTransaction(
      FieldErrors errors, String outTradeNo, String transactionId) {
    if (outTradeNo == null && transactionId == null) {
      errors.add(
          "out_trade_no",
          RejectReason.MISSING_FIELD,
          "'out_trade_no' or 'transaction_id' is required");
    }
  }

  private static Money money(Long minor, String currency) {
    return minor == null || currency == null ? null : Money.ofMinor(minor, currency);
  }

  private static void collectAttributes(
      ObjectNode body,
      Operation op,
      WechatPayRoute route,
      ObjectNode amount,
      ObjectNode payer,
      Map<String, String> attributes) {
    body.fields()
        .forEachRemaining(
            e -> {
              boolean mapped =
                  MAPPED.contains(e.getKey())
                      || (op == Operation.PAY && e.getKey().equals("description"));
              putIfPresent(attributes, e.getKey(), mapped ? null : e.getValue());
            });
    if (payer != null) {
      payer
          .fields()
          .forEachRemaining(e -> putIfPresent(attributes, "payer." + e.getKey(), e.getValue()));
    }
    if (amount != null && (op == Operation.PAY || op == Operation.REFUND)) {
      amount
          .fields()
          .forEachRemaining(
              e -> {
                boolean mapped = Set.of("total", "refund", "currency").contains(e.getKey());
                putIfPresent(attributes, "amount." + e.getKey(), mapped ? null : e.getValue());
              });
    }
    if (op == Operation.PAY) {
      attributes.put("trade_type", route.tradeType());
    }
  }

  private static void putIfPresent(Map<String, String> attributes, String key, JsonNode value) {
    String text = WechatPayFields.attributeText(value);
    if (text != null) {
      attributes.put(key, text);
    }
  }
}
