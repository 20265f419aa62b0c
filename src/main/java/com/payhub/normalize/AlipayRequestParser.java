package com.payhub.normalize;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.payhub.model.Dialect;
import com.payhub.model.RejectReason;
import com.payhub.model.RejectedInputException;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Reads the Alipay OpenAPI parameter set from a form or JSON body. Syntax problems (broken form,
 * unparseable JSON, a {@code biz_content} that is not a JSON object) throw at once; a protocol
 * parameter given as a JSON object or array is recorded as INVALID_FIELD.
 *
 * <p>JSON numbers are read as {@link java.math.BigDecimal} without stripping trailing zeros, so an
 * amount keeps its exact text ({@code 100.10} stays {@code "100.10"}, {@code 100.001} stays three
 * decimals and is later refused).
 */
final class AlipayRequestParser {

  static final String BIZ_CONTENT = "biz_content";
  private static final Dialect D = Dialect.ALIPAY;

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
          .build();

  private AlipayRequestParser() {}

  /**
   * The top-level parameters (string values, nulls dropped) and the parsed biz_content, or null.
   */
  record Parsed(Map<String, String> params, Biz biz) {}

  static Parsed parse(InboundMessage message, FieldErrors errors) {
    if (message.isJson()) {
      return parseJson(message.body(), errors);
    }
    if (message.isForm()) {
      Map<String, String> params = FormBody.parse(D, message.body());
      String bizText = params.get(BIZ_CONTENT);
      return new Parsed(params, bizText == null || bizText.isBlank() ? null : bizFromText(bizText));
    }
    throw RejectedInputException.of(
        D,
        RejectReason.UNSUPPORTED_MEDIA_TYPE,
        "Content-Type",
        "Alipay requests are accepted as application/x-www-form-urlencoded or application/json, not "
            + message.contentType());
  }

  private static Parsed parseJson(String body, FieldErrors errors) {
    JsonNode root = read(body, "body", "the body is not valid JSON");
    if (!(root instanceof ObjectNode object)) {
      throw malformed("body", "the JSON body must be an object of Alipay parameters");
    }
    Map<String, String> params = new LinkedHashMap<>();
    Biz biz = null;
    for (Map.Entry<String, JsonNode> e : object.properties()) {
      String name = e.getKey();
      JsonNode value = e.getValue();
      if (value.isNull()) {
        continue;
      }
      if (name.equals(BIZ_CONTENT)) {
        if (value instanceof ObjectNode nested) {
          biz = new Biz(nested);
        } else if (value.isTextual()) {
          biz = value.textValue().isBlank() ? null : bizFromText(value.textValue());
        } else {
          throw malformed(
              BIZ_CONTENT, "'biz_content' must be a JSON object or a string holding one");
        }
        params.put(name, value.isTextual() ? value.textValue() : value.toString());
      } else if (value.isContainerNode()) {
        errors.add(name, RejectReason.INVALID_FIELD, "'" + name + "' must be a string");
      } else {
        params.put(name, value.asText());
      }
    }
    return new Parsed(Collections.unmodifiableMap(params), biz);
  }

  private static Biz bizFromText(String text) {
    JsonNode node = read(text, BIZ_CONTENT, "'biz_content' is not valid JSON");
    if (!(node instanceof ObjectNode object)) {
      throw malformed(BIZ_CONTENT, "'biz_content' must be a JSON object");
    }
    return new Biz(object);
  }

  private static JsonNode read(String text, String field, String message) {
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw malformed(field, message + ": " + e.getOriginalMessage());
    }
  }

  private static RejectedInputException malformed(String field, String message) {
    return RejectedInputException.of(D, RejectReason.MALFORMED_MESSAGE, field, message);
  }

  /** The biz_content object; remembers which members the normaliser mapped to canonical fields. */
  static final class Biz {
    private final ObjectNode node;
    private final Set<String> taken = new HashSet<>();

    Biz(ObjectNode node) {
      this.node = node;
    }

    /** The member's exact text (numbers as written), or null when absent or JSON null. */
    String take(String name) {
      taken.add(name);
      return text(node.get(name));
    }

    /** Every member not taken, as {@code biz.<name>}; objects and arrays as their JSON text. */
    Map<String, String> remainingAttributes() {
      Map<String, String> out = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        String value = text(e.getValue());
        if (!taken.contains(e.getKey()) && value != null) {
          out.put("biz." + e.getKey(), value);
        }
      }
      return out;
    }

    private static String text(JsonNode value) {
      if (value == null || value.isNull() || value.isMissingNode()) {
        return null;
      }
      return value.isContainerNode() ? value.toString() : value.asText();
    }
  }
}
