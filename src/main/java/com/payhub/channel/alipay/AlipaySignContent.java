package com.payhub.channel.alipay;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Alipay's string to sign: the pairs left after excluding some names and every pair whose key or
 * value is empty, sorted by key in {@link String} order, joined as {@code k=v} with {@code &},
 * values as they are (not URL-encoded, not trimmed). Never modifies the caller's map.
 *
 * <p>"Empty" is the SDK's {@code StringUtils.isEmpty}: null, {@code ""} or only characters for
 * which {@link Character#isWhitespace(char)} holds (so {@code " "}, {@code "\t"} and U+3000 are
 * dropped, while a no-break space U+00A0 is kept).
 */
public final class AlipaySignContent {

  private static final Set<String> REQUEST_EXCLUDED = Set.of("sign");
  private static final Set<String> NOTIFICATION_EXCLUDED = Set.of("sign", "sign_type");

  private AlipaySignContent() {}

  /**
   * Request signing and {@code rsaCheckV2}: every parameter but {@code sign}, so {@code sign_type}
   * is signed.
   */
  public static String forRequest(Map<String, String> params) {
    return build(params, REQUEST_EXCLUDED);
  }

  /** Async notifications ({@code rsaCheckV1}): neither {@code sign} nor {@code sign_type}. */
  public static String forNotification(Map<String, String> params) {
    return build(params, NOTIFICATION_EXCLUDED);
  }

  private static String build(Map<String, String> params, Set<String> excluded) {
    List<Map.Entry<String, String>> pairs = new ArrayList<>(params.size());
    for (Map.Entry<String, String> e : params.entrySet()) {
      if (!isEmpty(e.getKey()) && !isEmpty(e.getValue()) && !excluded.contains(e.getKey())) {
        pairs.add(Map.entry(e.getKey(), e.getValue()));
      }
    }
    pairs.sort(Map.Entry.comparingByKey()); // String.compareTo: UTF-16 code units, as the SDK
    StringBuilder content = new StringBuilder();
    for (Map.Entry<String, String> pair : pairs) {
      if (content.length() > 0) {
        content.append('&');
      }
      content.append(pair.getKey()).append('=').append(pair.getValue());
    }
    return content.toString();
  }

  /** The SDK's notion of empty; see the class comment. */
  static boolean isEmpty(String value) {
    if (value == null) {
      return true;
    }
    for (int i = 0; i < value.length(); i++) {
      if (!Character.isWhitespace(value.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}
