package com.payhub.normalize;

import com.payhub.model.Dialect;
import com.payhub.model.RejectReason;
import com.payhub.model.RejectedInputException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parses an {@code application/x-www-form-urlencoded} body, decoding each key and value exactly
 * once as UTF-8. A repeated key or a broken escape is a malformed message, not a guess.
 */
public final class FormBody {

  private FormBody() {}

  /** Returns the fields in arrival order (unmodifiable). */
  public static Map<String, String> parse(Dialect dialect, String body) {
    Map<String, String> fields = new LinkedHashMap<>();
    if (body == null || body.isBlank()) {
      throw RejectedInputException.of(dialect, RejectReason.MALFORMED_MESSAGE, "body",
          "the form body is empty");
    }
    for (String pair : body.strip().split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        throw RejectedInputException.of(dialect, RejectReason.MALFORMED_MESSAGE, "body",
            "the form body is not key=value pairs joined by '&' (near '" + abbreviate(pair) + "')");
      }
      String key = decode(dialect, pair.substring(0, eq));
      String value = decode(dialect, pair.substring(eq + 1));
      if (fields.putIfAbsent(key, value) != null) {
        throw RejectedInputException.of(dialect, RejectReason.MALFORMED_MESSAGE, key,
            "the form field '" + key + "' appears more than once");
      }
    }
    return Collections.unmodifiableMap(fields);
  }

  private static String decode(Dialect dialect, String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw RejectedInputException.of(dialect, RejectReason.MALFORMED_MESSAGE, "body",
          "the form body has a broken %-escape near '" + abbreviate(text) + "'");
    }
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "…";
  }
}
