package com.payhub.crypto.camel;

import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;

/**
 * Message bodies made of name/value pairs, as the channels send them: a {@link Map} (values as
 * text, null values left out), or {@code application/x-www-form-urlencoded} text decoded once in
 * the charset its own {@code charsetField} names (UTF-8 when absent), strictly, by the same decoder
 * as ingest ({@link com.payhub.normalize.FormBody#decode}).
 */
public final class FormBody {

  private FormBody() {}

  /**
   * The pairs in arrival order; a name may repeat, so callers decide what that means.
   *
   * @throws IllegalArgumentException when the text is not a form or names an unknown charset
   */
  public static List<Map.Entry<String, String>> pairs(Exchange exchange, String charsetField) {
    Object body = exchange.getMessage().getBody();
    List<Map.Entry<String, String>> pairs = new ArrayList<>();
    if (body instanceof Map<?, ?> map) {
      map.forEach(
          (k, v) -> {
            if (k != null && v != null) {
              pairs.add(Map.entry(k.toString(), v.toString()));
            }
          });
      return pairs;
    }
    String text = exchange.getMessage().getBody(String.class);
    if (text == null || text.isEmpty()) {
      return pairs;
    }
    List<String[]> raw = new ArrayList<>();
    Charset charset = StandardCharsets.UTF_8;
    for (String segment : text.split("&")) {
      if (!segment.isEmpty()) {
        String[] nameValue = segment.split("=", 2);
        raw.add(nameValue);
        String name = URLDecoder.decode(nameValue[0], StandardCharsets.ISO_8859_1);
        if (name.equals(charsetField) && nameValue.length == 2 && !nameValue[1].isBlank()) {
          charset = Charset.forName(URLDecoder.decode(nameValue[1], StandardCharsets.ISO_8859_1));
        }
      }
    }
    for (String[] nameValue : raw) {
      pairs.add(
          Map.entry(
              com.payhub.normalize.FormBody.decode(nameValue[0], charset),
              nameValue.length == 2
                  ? com.payhub.normalize.FormBody.decode(nameValue[1], charset)
                  : ""));
    }
    return pairs;
  }

  /**
   * The pairs as a map in arrival order.
   *
   * @throws IllegalArgumentException as {@link #pairs}, and when a name arrives twice (which value
   *     was signed?)
   */
  public static Map<String, String> fields(Exchange exchange, String charsetField) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (Map.Entry<String, String> pair : pairs(exchange, charsetField)) {
      if (fields.put(pair.getKey(), pair.getValue()) != null) {
        throw new IllegalArgumentException("the field '" + pair.getKey() + "' appears twice");
      }
    }
    return fields;
  }
}
