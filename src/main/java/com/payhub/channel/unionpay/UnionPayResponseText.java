package com.payhub.channel.unionpay;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The body of an acp synchronous response: {@code key=value&key=value} as the gateway writes it,
 * NOT URL-encoded (Chinese text, base64 with {@code +}/{@code =}, and the PEM of {@code
 * signPubKeyCert} with its line breaks appear raw), read the way the acp SDK's {@code
 * SDKUtil.parseQString} reads it: the first {@code =} ends a key, {@code &} ends a value unless it
 * sits inside {@code {…}} or {@code […]}. A backUrl notification, in contrast, is an ordinary
 * URL-encoded form post.
 */
public final class UnionPayResponseText {

  private UnionPayResponseText() {}

  /**
   * The fields of a response body, in arrival order.
   *
   * @throws IllegalArgumentException when a pair has an empty key, or a key repeats
   */
  public static Map<String, String> parse(String text) {
    Map<String, String> fields = new LinkedHashMap<>();
    if (text == null || text.isBlank()) {
      return fields;
    }
    String s =
        text.startsWith("{") && text.endsWith("}") ? text.substring(1, text.length() - 1) : text;
    StringBuilder current = new StringBuilder();
    String key = null;
    char closing = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (key == null) {
        if (c == '=') {
          key = current.toString();
          current.setLength(0);
        } else if (c == '&') {
          put(fields, current.toString(), "");
          current.setLength(0);
        } else {
          current.append(c);
        }
        continue;
      }
      if (closing != 0) {
        closing = c == closing ? 0 : closing;
      } else if (c == '{') {
        closing = '}';
      } else if (c == '[') {
        closing = ']';
      }
      if (c == '&' && closing == 0) {
        put(fields, key, current.toString());
        current.setLength(0);
        key = null;
      } else {
        current.append(c);
      }
    }
    if (key != null) {
      put(fields, key, current.toString());
    } else if (current.length() > 0) {
      put(fields, current.toString(), "");
    }
    return fields;
  }

  /** The body the gateway writes for {@code fields}: joined in the map's order, nothing encoded. */
  public static String format(Map<String, String> fields) {
    StringJoiner joined = new StringJoiner("&");
    fields.forEach((k, v) -> joined.add(k + "=" + (v == null ? "" : v)));
    return joined.toString();
  }

  private static void put(Map<String, String> fields, String key, String value) {
    if (key.isEmpty()) {
      throw new IllegalArgumentException("a response field has no name");
    }
    if (fields.put(key, value) != null) {
      throw new IllegalArgumentException("the response field '" + key + "' appears twice");
    }
  }
}
