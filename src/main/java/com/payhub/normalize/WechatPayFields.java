package com.payhub.normalize;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.payhub.model.Dialect;
import com.payhub.model.Money;
import com.payhub.model.RejectReason;
import com.payhub.model.RejectedInputException;

/**
 * Typed access to the members of one WeChat Pay v3 JSON body, recording problems in FieldErrors.
 */
final class WechatPayFields {

  /** Strict: a repeated member or trailing content is a malformed message, not a guess. */
  private static final JsonMapper JSON =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private final ObjectNode body;
  private final FieldErrors errors;

  WechatPayFields(ObjectNode body, FieldErrors errors) {
    this.body = body;
    this.errors = errors;
  }

  /** Parses the body as one JSON object; MALFORMED_MESSAGE (field "body") otherwise. */
  static ObjectNode parseObject(String text) {
    JsonNode node;
    try {
      node = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw malformed("the body is not valid JSON: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      throw malformed("the body must be a JSON object");
    }
    return (ObjectNode) node;
  }

  ObjectNode body() {
    return body;
  }

  /** A string member, or null when absent, JSON null or blank; INVALID_FIELD if not a string. */
  String optional(String name) {
    return string(name, body.get(name));
  }

  String required(String name) {
    JsonNode node = body.get(name);
    if (present(node) && !node.isTextual()) {
      return string(name, node); // records INVALID_FIELD
    }
    return errors.require(name, node == null ? null : node.textValue());
  }

  /** A member that must be a JSON object, or null when absent; {@code reason} if not an object. */
  ObjectNode object(String name, RejectReason reason) {
    JsonNode node = body.get(name);
    if (!present(node)) {
      return null;
    }
    if (!node.isObject()) {
      errors.add(name, reason, "'" + name + "' must be a JSON object");
      return null;
    }
    return (ObjectNode) node;
  }

  /** A string member of a nested object ({@code field} is its dotted name), or null. */
  String nested(ObjectNode parent, String name, String field) {
    return parent == null ? null : string(field, parent.get(name));
  }

  /**
   * An amount in fen: a JSON integer greater than zero. Records MISSING_FIELD when absent and
   * INVALID_AMOUNT for strings, decimals, zero, negatives and values beyond a long.
   */
  Long fen(ObjectNode amount, String name, String field, boolean required) {
    JsonNode node = amount == null ? null : amount.get(name);
    if (!present(node)) {
      if (required) {
        errors.add(field, RejectReason.MISSING_FIELD, "'" + field + "' is required");
      }
      return null;
    }
    if (!node.isIntegralNumber()) {
      errors.add(
          field,
          RejectReason.INVALID_AMOUNT,
          "'"
              + field
              + "' must be a JSON integer number of fen (no quotes, no decimals), was "
              + node);
      return null;
    }
    if (!node.canConvertToLong() || node.longValue() <= 0) {
      errors.add(
          field,
          RejectReason.INVALID_AMOUNT,
          "'" + field + "' must be a positive number of fen, was " + node);
      return null;
    }
    return node.longValue();
  }

  /** {@code amount.currency}: CNY when absent; UNSUPPORTED_CURRENCY unless an ISO 4217 code. */
  String currency(ObjectNode amount) {
    JsonNode node = amount == null ? null : amount.get("currency");
    if (!present(node)) {
      return "CNY";
    }
    if (node.isTextual() && node.textValue().matches("[A-Za-z]{3}")) {
      try {
        return Money.ofMinor(0, node.textValue()).currency();
      } catch (IllegalArgumentException e) {
        // fall through
      }
    }
    errors.add(
        "amount.currency",
        RejectReason.UNSUPPORTED_CURRENCY,
        "'amount.currency' must be an ISO 4217 currency code such as CNY, was " + node);
    return null;
  }

  /** Attribute text of a member: strings verbatim, other scalars as text, containers as JSON. */
  static String attributeText(JsonNode node) {
    if (!present(node)) {
      return null;
    }
    return node.isTextual()
        ? node.textValue()
        : node.isValueNode() ? node.asText() : node.toString();
  }

  static boolean present(JsonNode node) {
    return node != null && !node.isNull() && !node.isMissingNode();
  }

  private String string(String field, JsonNode node) {
    if (!present(node)) {
      return null;
    }
    if (!node.isTextual()) {
      errors.add(
          field, RejectReason.INVALID_FIELD, "'" + field + "' must be a JSON string, was " + node);
      return null;
    }
    return node.textValue().isBlank() ? null : node.textValue();
  }

  private static RejectedInputException malformed(String message) {
    return RejectedInputException.of(
        Dialect.WECHATPAY, RejectReason.MALFORMED_MESSAGE, "body", message);
  }
}
