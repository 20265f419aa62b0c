package com.payhub.channel.wechatpay;

import com.payhub.crypto.Digests;
import com.payhub.crypto.HmacSha256;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * WeChat Pay API v2 signatures: {@code k=v} pairs sorted by key (Java String order), joined with
 * {@code &}, without {@code sign} and without values that are empty after trimming, then {@code
 * &key=API_KEY}; MD5 or HMAC-SHA256 keyed with the API key, uppercase hex. Values are trimmed in
 * the string, exactly as the official {@code WXPayUtil.generateSignature}.
 */
public final class WechatPayV2Sign {

  /** The {@code sign_type} values WeChat v2 knows. */
  public enum SignType {
    MD5("MD5"),
    HMAC_SHA256("HMAC-SHA256");

    private final String wireName;

    SignType(String wireName) {
      this.wireName = wireName;
    }

    public String wireName() {
      return wireName;
    }
  }

  public static final String SIGN = "sign";

  private final String apiKey;
  private final HmacSha256 hmac;

  public WechatPayV2Sign(String apiKey) {
    if (apiKey == null || apiKey.isEmpty()) {
      throw new IllegalArgumentException("the WeChat Pay v2 API key is required");
    }
    this.apiKey = apiKey;
    this.hmac = new HmacSha256(apiKey.getBytes(StandardCharsets.UTF_8));
  }

  /** The sorted {@code k=v&…} part, before {@code &key=}. Does not touch the caller's map. */
  public static String signContent(Map<String, String> params) {
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, String> e : new TreeMap<>(params).entrySet()) {
      String value = e.getValue() == null ? "" : e.getValue().trim();
      if (SIGN.equals(e.getKey()) || value.isEmpty()) {
        continue;
      }
      if (sb.length() > 0) {
        sb.append('&');
      }
      sb.append(e.getKey()).append('=').append(value);
    }
    return sb.toString();
  }

  public String sign(Map<String, String> params, SignType type) {
    String content = signContent(params);
    byte[] text =
        ((content.isEmpty() ? "" : content + "&") + "key=" + apiKey)
            .getBytes(StandardCharsets.UTF_8);
    byte[] mac = type == SignType.MD5 ? Digests.md5(text) : hmac.sign(text);
    return Digests.upperHex(mac);
  }

  /**
   * Checks the map's {@code sign} in constant time. The type is the one the merchant configured,
   * never the message's own {@code sign_type}, so a sender cannot pick the weaker MD5.
   */
  public boolean verify(Map<String, String> params, SignType expected) {
    Objects.requireNonNull(expected, "expected sign type");
    String received = params.get(SIGN);
    if (received == null || received.isEmpty()) {
      return false;
    }
    return Digests.constantTimeEquals(
        sign(params, expected).getBytes(StandardCharsets.US_ASCII),
        received.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return "WechatPayV2Sign[key hidden]";
  }
}
