package com.payhub;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Valid requests in each dialect for the sandbox merchant M100001, with a way to change or drop one
 * field ({@code null} drops it) so tests can break exactly one thing.
 */
public final class Samples {

  public static final String ALIPAY_APP_ID = "2021000000000001";
  public static final String WECHAT_MCHID = "1900000001";
  public static final String UNIONPAY_MER_ID = "777290058110048";

  private Samples() {}

  public static String canonical(String orderNo, Map<String, Object> overrides) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("merchantId", "\"M100001\"");
    f.put("merchantOrderNo", quote(orderNo));
    f.put("channel", "\"alipay\"");
    f.put("operation", "\"PAY\"");
    f.put("amount", "{\"minor\":10000,\"currency\":\"CNY\"}");
    f.put("subject", "\"Tea\"");
    f.put("notifyUrl", "\"https://merchant.example/notify\"");
    apply(f, overrides);
    return f.entrySet().stream()
        .map(e -> quote(e.getKey()) + ":" + e.getValue())
        .collect(Collectors.joining(",", "{", "}"));
  }

  public static String alipayBiz(String orderNo, String totalAmount) {
    return "{\"out_trade_no\":\""
        + orderNo
        + "\",\"total_amount\":\""
        + totalAmount
        + "\",\"subject\":\"Tea\",\"product_code\":\"FACE_TO_FACE_PAYMENT\"}";
  }

  public static Map<String, Object> alipayParams(String orderNo, Map<String, Object> overrides) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("app_id", ALIPAY_APP_ID);
    f.put("method", "alipay.trade.precreate");
    f.put("charset", "utf-8");
    f.put("sign_type", "RSA2");
    f.put("timestamp", "2026-11-26 12:00:00");
    f.put("version", "1.0");
    f.put("notify_url", "https://merchant.example/notify/alipay");
    f.put("biz_content", alipayBiz(orderNo, "100.00"));
    apply(f, overrides);
    return f;
  }

  public static String alipayForm(String orderNo, Map<String, Object> overrides) {
    return form(alipayParams(orderNo, overrides));
  }

  public static String wechat(String orderNo, Map<String, Object> overrides) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("appid", "\"wxd678efh567hg6787\"");
    f.put("mchid", quote(WECHAT_MCHID));
    f.put("description", "\"Tea\"");
    f.put("out_trade_no", quote(orderNo));
    f.put("notify_url", "\"https://merchant.example/notify/wechat\"");
    f.put("amount", "{\"total\":10000,\"currency\":\"CNY\"}");
    apply(f, overrides);
    return f.entrySet().stream()
        .map(e -> quote(e.getKey()) + ":" + e.getValue())
        .collect(Collectors.joining(",", "{", "}"));
  }

  public static String unionpay(String orderNo, Map<String, Object> overrides) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("version", "5.1.0");
    f.put("encoding", "UTF-8");
    f.put("txnType", "01");
    f.put("txnSubType", "01");
    f.put("bizType", "000201");
    f.put("channelType", "07");
    f.put("accessType", "0");
    f.put("merId", UNIONPAY_MER_ID);
    f.put("orderId", orderNo);
    f.put("txnTime", "20261126120000");
    f.put("txnAmt", "10000");
    f.put("currencyCode", "156");
    f.put("backUrl", "https://merchant.example/notify/unionpay");
    apply(f, overrides);
    return form(f);
  }

  public static Map<String, Object> with(Object... keyValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      m.put((String) keyValues[i], keyValues[i + 1]);
    }
    return m;
  }

  public static String form(Map<String, Object> fields) {
    return fields.entrySet().stream()
        .map(e -> enc(e.getKey()) + "=" + enc(String.valueOf(e.getValue())))
        .collect(Collectors.joining("&"));
  }

  private static void apply(Map<String, Object> f, Map<String, Object> overrides) {
    if (overrides == null) {
      return;
    }
    overrides.forEach(
        (k, v) -> {
          if (v == null) {
            f.remove(k);
          } else {
            f.put(k, v);
          }
        });
  }

  private static String quote(String s) {
    return "\"" + s + "\"";
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
