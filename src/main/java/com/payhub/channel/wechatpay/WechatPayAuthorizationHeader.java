package com.payhub.channel.wechatpay;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fields of a v3 {@code Authorization} header, in WeChat's order. Parsing serves the sandbox
 * (which checks merchant requests) and the tests; {@link #toString()} never prints the signature.
 */
public record WechatPayAuthorizationHeader(
    String mchId, String nonceStr, String timestamp, String serialNo, String signature) {

  public static final String SCHEMA = "WECHATPAY2-SHA256-RSA2048";
  private static final Pattern PAIR = Pattern.compile("\\s*([a-z_]+)=\"([^\"]*)\"\\s*(,|$)");

  /** {@code WECHATPAY2-SHA256-RSA2048 mchid="…",nonce_str="…",timestamp="…",serial_no="…",…}. */
  public String format() {
    return SCHEMA
        + " mchid=\""
        + mchId
        + "\",nonce_str=\""
        + nonceStr
        + "\",timestamp=\""
        + timestamp
        + "\",serial_no=\""
        + serialNo
        + "\",signature=\""
        + signature
        + "\"";
  }

  /**
   * Reads a header value; pairs may come in any order.
   *
   * @throws IllegalArgumentException when the schema is not WECHATPAY2-SHA256-RSA2048, a pair is
   *     malformed or repeated, or a field is missing
   */
  public static WechatPayAuthorizationHeader parse(String header) {
    if (header == null || !header.startsWith(SCHEMA + " ")) {
      throw new IllegalArgumentException("not a " + SCHEMA + " authorization");
    }
    String pairs = header.substring(SCHEMA.length() + 1);
    Map<String, String> fields = new HashMap<>();
    Matcher m = PAIR.matcher(pairs);
    int at = 0;
    while (at < pairs.length()) {
      if (!m.find(at) || m.start() != at) {
        throw new IllegalArgumentException("malformed authorization at offset " + at);
      }
      if (fields.put(m.group(1), m.group(2)) != null) {
        throw new IllegalArgumentException("repeated authorization field " + m.group(1));
      }
      at = m.end();
    }
    return new WechatPayAuthorizationHeader(
        required(fields, "mchid"),
        required(fields, "nonce_str"),
        required(fields, "timestamp"),
        required(fields, "serial_no"),
        required(fields, "signature"));
  }

  private static String required(Map<String, String> fields, String name) {
    String value = fields.get(name);
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException("authorization lacks " + name);
    }
    return value;
  }

  @Override
  public String toString() {
    return "WechatPayAuthorizationHeader[mchid="
        + mchId
        + ", serial_no="
        + serialNo
        + ", timestamp="
        + timestamp
        + ", signature="
        + (signature == null ? "null" : signature.length() + " chars")
        + "]";
  }
}
