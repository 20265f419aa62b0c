package com.payhub.channel.wechatpay;

import java.util.Collection;
import java.util.Map;

/** WeChat Pay v3 header names, and a case-insensitive lookup (HTTP header names ignore case). */
public final class WechatPayHeaders {

  public static final String AUTHORIZATION = "Authorization";
  public static final String TIMESTAMP = "Wechatpay-Timestamp";
  public static final String NONCE = "Wechatpay-Nonce";
  public static final String SIGNATURE = "Wechatpay-Signature";
  public static final String SERIAL = "Wechatpay-Serial";
  public static final String SIGNATURE_TYPE = "Wechatpay-Signature-Type";

  private WechatPayHeaders() {}

  /**
   * The single value of a header, or null when it is absent, blank or repeated (a repeated
   * signature header is ambiguous, so it counts as missing).
   */
  public static String get(Map<String, ?> headers, String name) {
    if (headers == null) {
      return null;
    }
    Object value = headers.get(name);
    if (value == null) {
      for (Map.Entry<String, ?> e : headers.entrySet()) {
        if (name.equalsIgnoreCase(e.getKey())) {
          value = e.getValue();
          break;
        }
      }
    }
    if (value instanceof Collection<?> values) {
      value = values.size() == 1 ? values.iterator().next() : null;
    }
    if (value == null) {
      return null;
    }
    String text = value.toString();
    return text.isBlank() ? null : text;
  }
}
