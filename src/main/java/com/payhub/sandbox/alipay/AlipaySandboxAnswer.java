package com.payhub.sandbox.alipay;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the sandbox gateway answers one request with, before it is serialised and signed.
 *
 * @param httpStatus 200 for every Alipay answer; 503 for SERVER_ERROR (no body Alipay would sign)
 * @param member the {@code <method>_response} (or {@code error_response}) member's name
 * @param fields its members, in order
 * @param rogue sign with a key the hub does not trust (BAD_SIGNATURE)
 * @param delay how long to wait before answering (SLOW, TIMEOUT)
 */
record AlipaySandboxAnswer(
    int httpStatus, String member, Map<String, Object> fields, boolean rogue, Duration delay) {

  static AlipaySandboxAnswer ok(String method, Map<String, Object> fields) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("code", "10000");
    f.put("msg", "Success");
    f.putAll(fields);
    return new AlipaySandboxAnswer(200, member(method), f, false, Duration.ZERO);
  }

  static AlipaySandboxAnswer error(
      String method, String code, String msg, String subCode, String subMsg) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("code", code);
    f.put("msg", msg);
    f.put("sub_code", subCode);
    f.put("sub_msg", subMsg);
    return new AlipaySandboxAnswer(200, member(method), f, false, Duration.ZERO);
  }

  /** A business failure ({@code 40004 Business Failed}) with Alipay's sub code. */
  static AlipaySandboxAnswer failed(String method, String subCode, String subMsg) {
    return error(method, "40004", "Business Failed", subCode, subMsg);
  }

  static AlipaySandboxAnswer serverError() {
    return new AlipaySandboxAnswer(503, null, Map.of(), false, Duration.ZERO);
  }

  AlipaySandboxAnswer signedByRogue() {
    return new AlipaySandboxAnswer(httpStatus, member, fields, true, delay);
  }

  AlipaySandboxAnswer after(Duration wait) {
    return new AlipaySandboxAnswer(httpStatus, member, fields, rogue, wait);
  }

  /** {@code alipay.trade.query} answers in {@code alipay_trade_query_response}. */
  static String member(String method) {
    return method == null ? "error_response" : method.replace('.', '_') + "_response";
  }
}
