package com.payhub.channel.wechatpay;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The exact bytes WeChat Pay API v3 signs. Every line ends with a literal {@code \n}, the last one
 * included; a body is taken as raw bytes so nothing is re-encoded on the way.
 */
public final class WechatPayMessages {

  private WechatPayMessages() {}

  /** {@code METHOD\nPATH[?QUERY]\nTIMESTAMP\nNONCE\nBODY\n}: what a merchant request signs. */
  public static byte[] request(
      String method, String canonicalUrl, long timestamp, String nonce, byte[] body) {
    if (method == null || method.isBlank() || canonicalUrl == null || nonce == null) {
      throw new IllegalArgumentException("method, URL and nonce are required");
    }
    String upper = method.toUpperCase(Locale.ROOT);
    byte[] payload = body == null ? new byte[0] : body;
    if ("GET".equals(upper) && payload.length > 0) {
      throw new IllegalArgumentException("a GET request signs an empty body");
    }
    return lines(upper, canonicalUrl, Long.toString(timestamp), nonce, payload);
  }

  /** {@code TIMESTAMP\nNONCE\nBODY\n}: what a WeChat Pay response or notification signs. */
  public static byte[] response(String timestamp, String nonce, byte[] body) {
    if (timestamp == null || nonce == null) {
      throw new IllegalArgumentException("timestamp and nonce are required");
    }
    return lines(timestamp, nonce, body == null ? new byte[0] : body);
  }

  /** The raw path plus {@code ?} and the raw query when there is one, as the official SDK. */
  public static String canonicalUrl(URI uri) {
    String path = uri.getRawPath();
    if (path == null || path.isEmpty()) {
      throw new IllegalArgumentException("a WeChat Pay request URL needs a path");
    }
    return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
  }

  private static byte[] lines(Object... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Object part : parts) {
      byte[] bytes =
          part instanceof byte[] raw ? raw : part.toString().getBytes(StandardCharsets.UTF_8);
      out.writeBytes(bytes);
      out.write('\n');
    }
    return out.toByteArray();
  }
}
