package com.payhub.normalize;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.payhub.model.Channel;
import com.payhub.model.Dialect;
import com.payhub.model.Money;
import com.payhub.model.Operation;
import com.payhub.model.PaymentOrder;
import com.payhub.model.RejectReason;
import com.payhub.model.RejectedInputException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * PayHub's own JSON (see {@code docs/schema/payment-order.schema.json}): checked field by field,
 * nothing converted. Unknown members are refused so that a typo is not silently ignored.
 */
@Component
public class CanonicalNormalizer implements Normalizer {

  private static final Set<String> KNOWN =
      Set.of(
          "merchantId",
          "merchantOrderNo",
          "channel",
          "operation",
          "amount",
          "subject",
          "refundNo",
          "channelTransactionId",
          "notifyUrl",
          "attributes");
  private static final Set<String> HUB_ISSUED = Set.of("paymentId", "createdAt", "sourceDialect");
  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(
              StreamReadFeature
                  .STRICT_DUPLICATE_DETECTION) // two merchantIds is no order to guess at
          .build();
  private static final Set<String> MONEY_MEMBERS = Set.of("minor", "currency");

  @Override
  public Dialect dialect() {
    return Dialect.CANONICAL;
  }

  @Override
  public PaymentOrder normalize(InboundMessage message) {
    if (!message.isJson()) {
      throw RejectedInputException.of(
          Dialect.CANONICAL,
          RejectReason.UNSUPPORTED_MEDIA_TYPE,
          "body",
          "canonical orders are JSON: send Content-Type: application/json (was "
              + message.contentType()
              + ")");
    }
    JsonNode root = parse(message.body());
    FieldErrors errors = new FieldErrors(Dialect.CANONICAL);
    root.fieldNames()
        .forEachRemaining(
            name -> {
              if (HUB_ISSUED.contains(name)) {
                errors.add(
                    name,
                    RejectReason.INVALID_FIELD,
                    "'" + name + "' is issued by the hub and must not be sent");
              } else if (!KNOWN.contains(name)) {
                errors.add(
                    name,
                    RejectReason.INVALID_FIELD,
                    "'" + name + "' is not a field of a canonical order");
              }
            });
    String merchantId = errors.require("merchantId", text(root, "merchantId"));
    Channel channel = null;
    String channelText = errors.require("channel", text(root, "channel"));
    if (channelText != null && (channel = Channel.fromId(channelText)) == null) {
      errors.add(
          "channel",
          RejectReason.UNKNOWN_CHANNEL,
          "'channel' must be alipay, wechatpay or unionpay, was '" + channelText + "'");
    }
    Operation operation = operation(root, errors);
    String orderNo = text(root, "merchantOrderNo");
    String channelTxnId = text(root, "channelTransactionId");
    if (operation == Operation.PAY) {
      errors.require("merchantOrderNo", orderNo);
    } else if (operation != null && blank(orderNo) && blank(channelTxnId)) {
      errors.add(
          "merchantOrderNo",
          RejectReason.MISSING_FIELD,
          "'merchantOrderNo' or 'channelTransactionId' is required for " + operation);
    }
    Money amount = null;
    if (operation == Operation.PAY || operation == Operation.REFUND || root.has("amount")) {
      amount = amount(root.get("amount"), errors);
    }
    String subject = text(root, "subject");
    if (operation == Operation.PAY) {
      errors.require("subject", subject);
    }
    String refundNo = text(root, "refundNo");
    if (operation == Operation.REFUND) {
      errors.require("refundNo", refundNo);
    }
    Map<String, String> attributes = attributes(root.get("attributes"), errors);
    errors.throwIfAny();
    return new PaymentOrder(
        null,
        merchantId,
        orderNo,
        channel,
        operation,
        amount,
        subject,
        refundNo,
        channelTxnId,
        text(root, "notifyUrl"),
        attributes,
        Dialect.CANONICAL,
        null);
  }

  private static JsonNode parse(String body) {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw RejectedInputException.of(
          Dialect.CANONICAL,
          RejectReason.MALFORMED_MESSAGE,
          "body",
          "the body is not valid JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw RejectedInputException.of(
          Dialect.CANONICAL,
          RejectReason.MALFORMED_MESSAGE,
          "body",
          "the body must be a JSON object");
    }
    return root;
  }

  private static Operation operation(JsonNode root, FieldErrors errors) {
    String text = text(root, "operation");
    if (text == null) {
      return Operation.PAY;
    }
    try {
      return Operation.valueOf(text.trim().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      errors.add(
          "operation",
          RejectReason.UNSUPPORTED_OPERATION,
          "'operation' must be PAY, QUERY, REFUND or CLOSE, was '" + text + "'");
      return null;
    }
  }

  private static Money amount(JsonNode node, FieldErrors errors) {
    if (node == null || node.isNull()) {
      errors.add("amount", RejectReason.MISSING_FIELD, "'amount' is required");
      return null;
    }
    node.fieldNames()
        .forEachRemaining(
            name -> {
              if (!MONEY_MEMBERS.contains(name)) {
                errors.add(
                    "amount." + name,
                    RejectReason.INVALID_FIELD,
                    "'amount' has only 'minor' and 'currency', not '" + name + "'");
              }
            });
    JsonNode minor = node.get("minor");
    String currency = text(node, "currency");
    if (!node.isObject() || minor == null || currency == null) {
      errors.add(
          "amount",
          RejectReason.MISSING_FIELD,
          "'amount' needs 'minor' (integer minor units) and 'currency' (ISO 4217)");
      return null;
    }
    if (!minor.isIntegralNumber() || !minor.canConvertToLong() || minor.longValue() <= 0) {
      errors.add(
          "amount.minor",
          RejectReason.INVALID_AMOUNT,
          "'amount.minor' must be a positive integer in minor units (10000 for 100.00 CNY), was "
              + minor);
      return null;
    }
    try {
      return Money.ofMinor(minor.longValue(), currency);
    } catch (IllegalArgumentException e) {
      errors.add(
          "amount.currency",
          RejectReason.UNSUPPORTED_CURRENCY,
          "'amount.currency' " + e.getMessage());
      return null;
    }
  }

  private static Map<String, String> attributes(JsonNode node, FieldErrors errors) {
    Map<String, String> out = new LinkedHashMap<>();
    if (node == null || node.isNull()) {
      return out;
    }
    if (!node.isObject()) {
      errors.add(
          "attributes", RejectReason.INVALID_FIELD, "'attributes' must be an object of strings");
      return out;
    }
    node.fields()
        .forEachRemaining(
            e -> {
              JsonNode v = e.getValue();
              if (v.isNumber()) {
                out.put(
                    e.getKey(),
                    v.isIntegralNumber() ? v.asText() : v.decimalValue().toPlainString());
              } else if (v.isValueNode() && !v.isNull()) {
                out.put(e.getKey(), v.asText());
              } else {
                errors.add(
                    "attributes." + e.getKey(),
                    RejectReason.INVALID_FIELD,
                    "attribute values must be strings or numbers");
              }
            });
    return out;
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() || !v.isValueNode() ? null : v.asText();
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
