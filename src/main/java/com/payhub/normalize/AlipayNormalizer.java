package com.payhub.normalize;

import com.payhub.model.Channel;
import com.payhub.model.Dialect;
import com.payhub.model.Money;
import com.payhub.model.Operation;
import com.payhub.model.PaymentOrder;
import com.payhub.model.RejectReason;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Normalises an Alipay OpenAPI request (form-encoded or JSON parameters with a {@code biz_content}
 * business JSON) into a {@link PaymentOrder}. The signature has already been checked upstream;
 * {@code sign} and {@code sign_type} are validated for shape only and never kept.
 *
 * <p>Attributes: {@code app_auth_token}, {@code format} and {@code return_url} under their Alipay
 * names; every biz_content member not mapped to a canonical field as {@code biz.<name>} (objects
 * and arrays as their JSON text). Field names in errors are Alipay's.
 */
@Component
public class AlipayNormalizer implements Normalizer {

  private static final Dialect D = Dialect.ALIPAY;
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").withResolverStyle(ResolverStyle.STRICT);
  private static final Map<String, Operation> METHODS =
      Map.of(
          "alipay.trade.precreate", Operation.PAY,
          "alipay.trade.page.pay", Operation.PAY,
          "alipay.trade.pay", Operation.PAY,
          "alipay.trade.wap.pay", Operation.PAY,
          "alipay.trade.app.pay", Operation.PAY,
          "alipay.trade.query", Operation.QUERY,
          "alipay.trade.refund", Operation.REFUND,
          "alipay.trade.close", Operation.CLOSE);
  private static final List<String> KEPT_PARAMS = List.of("app_auth_token", "format", "return_url");
  private static final String DEFAULT_CURRENCY = "CNY";

  @Override
  public Dialect dialect() {
    return D;
  }

  @Override
  public PaymentOrder normalize(InboundMessage message) {
    FieldErrors errors = new FieldErrors(D);
    AlipayRequestParser.Parsed parsed = AlipayRequestParser.parse(message, errors);
    Map<String, String> params = parsed.params();

    String appId = errors.require("app_id", params.get("app_id"));
    Operation operation = operation(params.get("method"), errors);
    checkProtocol(params, errors);

    AlipayRequestParser.Biz biz = parsed.biz();
    if (biz == null) {
      errors.require(AlipayRequestParser.BIZ_CONTENT, null);
      errors.throwIfAny();
      throw new IllegalStateException("unreachable: missing biz_content was recorded");
    }
    String outTradeNo = blankToNull(biz.take("out_trade_no"));
    String tradeNo = blankToNull(biz.take("trade_no"));
    String currency = currency(biz.take("trans_currency"), errors);

    Money amount = null;
    String subject = null;
    String refundNo = null;
    if (operation == Operation.PAY) {
      errors.require("out_trade_no", outTradeNo);
      amount = amount("total_amount", biz.take("total_amount"), currency, errors);
      subject = errors.require("subject", biz.take("subject"));
    } else if (operation != null) {
      if (outTradeNo == null && tradeNo == null) {
        errors.add(
            "out_trade_no",
            RejectReason.MISSING_FIELD,
            "'out_trade_no' or 'trade_no' is required for " + params.get("method"));
      }
      if (operation == Operation.REFUND) {
        amount = amount("refund_amount", biz.take("refund_amount"), currency, errors);
        refundNo = blankToNull(biz.take("out_request_no"));
      }
    }
    errors.throwIfAny();

    Map<String, String> attributes = new LinkedHashMap<>();
    for (String name : KEPT_PARAMS) {
      if (params.get(name) != null) {
        attributes.put(name, params.get(name));
      }
    }
    attributes.putAll(biz.remainingAttributes());
    return new PaymentOrder(
        null,
        appId,
        outTradeNo,
        Channel.ALIPAY,
        operation,
        amount,
        subject,
        refundNo,
        tradeNo,
        blankToNull(params.get("notify_url")),
        attributes,
        D,
        null);
  }

  private static Operation operation(String method, FieldErrors errors) {
    if (errors.require("method", method) == null) {
      return null;
    }
    Operation operation = METHODS.get(method);
    if (operation == null) {
      errors.add(
          "method",
          RejectReason.UNSUPPORTED_OPERATION,
          "the Alipay method '" + method + "' is not supported");
    }
    return operation;
  }

  private static void checkProtocol(Map<String, String> params, FieldErrors errors) {
    String charset = blankToNull(params.get("charset"));
    if (charset != null && !charset.equalsIgnoreCase("utf-8")) {
      errors.add("charset", RejectReason.INVALID_FIELD, "'charset' must be utf-8, was " + charset);
    }
    String signType = blankToNull(params.get("sign_type"));
    if (signType != null && !signType.equals("RSA2") && !signType.equals("RSA")) {
      errors.add(
          "sign_type",
          RejectReason.INVALID_FIELD,
          "'sign_type' must be RSA2 or RSA, was " + signType);
    }
    String timestamp = errors.require("timestamp", params.get("timestamp"));
    if (timestamp != null) {
      try {
        LocalDateTime.parse(timestamp, TIMESTAMP);
      } catch (DateTimeParseException e) {
        errors.add(
            "timestamp",
            RejectReason.INVALID_FIELD,
            "'timestamp' must be yyyy-MM-dd HH:mm:ss, was " + timestamp);
      }
    }
    String version = errors.require("version", params.get("version"));
    if (version != null && !version.equals("1.0")) {
      errors.add("version", RejectReason.INVALID_FIELD, "'version' must be 1.0, was " + version);
    }
  }

  /** The ISO 4217 code, CNY when absent; null (with an error recorded) when unknown. */
  private static String currency(String text, FieldErrors errors) {
    if (text == null || text.isBlank()) {
      return DEFAULT_CURRENCY;
    }
    try {
      return Currency.getInstance(text.trim().toUpperCase(Locale.ROOT)).getCurrencyCode();
    } catch (IllegalArgumentException e) {
      errors.add(
          "trans_currency",
          RejectReason.UNSUPPORTED_CURRENCY,
          "'trans_currency' is not an ISO 4217 currency code: " + text);
      return null;
    }
  }

  /** Parses the amount in the given currency; with an unknown currency only presence is checked. */
  private static Money amount(String field, String text, String currency, FieldErrors errors) {
    if (currency == null) {
      errors.require(field, text);
      return null;
    }
    return errors.positiveMajorAmount(field, text, currency);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
