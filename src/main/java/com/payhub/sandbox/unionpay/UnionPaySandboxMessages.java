package com.payhub.sandbox.unionpay;

import com.payhub.channel.unionpay.UnionPayResponseText;
import com.payhub.channel.unionpay.UnionPaySigner;
import com.payhub.channel.unionpay.UnionPayTime;
import com.payhub.sandbox.unionpay.UnionPaySandboxKeys.Material;
import com.payhub.sandbox.unionpay.UnionPaySandboxTrades.Trade;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the sandbox UnionPay writes, signed as UnionPay signs (signMethod 01, its certificate in
 * {@code signPubKeyCert}): synchronous answers as raw {@code k=v&…} text (acp does not URL-encode
 * them) and backUrl notifications as URL-encoded forms. Codes and messages are acp's
 * (《平台接入接口规范-第5部分-附录》).
 */
final class UnionPaySandboxMessages {

  static final String OK = "00";
  static final String OK_MESSAGE = "成功[0000000]";
  static final String ACCEPTED = "05";
  static final String ACCEPTED_MESSAGE = "交易已受理，请稍后查询交易结果";
  static final String FORMAT_ERROR = "10";
  static final String FORMAT_ERROR_MESSAGE = "报文格式错误";
  static final String BAD_SIGNATURE = "11";
  static final String BAD_SIGNATURE_MESSAGE = "验证签名失败";
  static final String DUPLICATE = "12";
  static final String DUPLICATE_MESSAGE = "重复交易";
  static final String MISSING_FIELD = "13";
  static final String MISSING_FIELD_MESSAGE = "报文交易要素缺失";
  static final String DECLINED = "30";
  static final String DECLINED_MESSAGE = "交易未通过，请尝试使用其他银联卡支付或联系95516";
  static final String AMOUNT_EXCEEDED = "33";
  static final String AMOUNT_EXCEEDED_MESSAGE = "交易金额超限";
  static final String NO_SUCH_TRANSACTION = "34";
  static final String NO_SUCH_TRANSACTION_MESSAGE = "查无此交易";
  static final String ORIGINAL_NOT_FOUND = "35";
  static final String ORIGINAL_NOT_FOUND_MESSAGE = "原交易不存在或状态不正确";
  static final String ISSUER_FAILED = "60";
  static final String ISSUER_FAILED_MESSAGE = "交易失败，详情请咨询您的发卡行";

  /** Request fields an answer repeats. */
  private static final List<String> ECHOED =
      List.of(
          "bizType",
          "txnType",
          "txnSubType",
          "accessType",
          "channelType",
          "merId",
          "orderId",
          "txnTime",
          "txnAmt",
          "currencyCode",
          "origQryId",
          "reqReserved");

  private final UnionPaySigner signer;
  private final UnionPaySigner rogue;

  UnionPaySandboxMessages(Material keys) {
    X509Certificate certificate = keys.gatewaySigning().certificate();
    this.signer =
        UnionPaySigner.rsa(keys.gatewaySigning().key(), certificate).embeddingCertificate();
    // the same certificate, another key: the signature cannot verify
    this.rogue = UnionPaySigner.rsa(keys.rogueKey(), certificate).embeddingCertificate();
  }

  /** A synchronous answer to {@code request}, as the raw response body. */
  String answer(
      Map<String, String> request,
      String respCode,
      String respMsg,
      Map<String, String> extra,
      boolean badSignature) {
    Map<String, String> f = base();
    for (String key : ECHOED) {
      if (request.containsKey(key)) {
        f.put(key, request.get(key));
      }
    }
    f.put("respCode", respCode);
    f.put("respMsg", respMsg);
    f.putAll(extra);
    return UnionPayResponseText.format((badSignature ? rogue : signer).sign(f));
  }

  /** The backUrl notification of {@code trade}, signed anew at each call (each resend). */
  Map<String, String> notification(Trade trade, String respCode, String respMsg) {
    Map<String, String> f = base();
    f.put("bizType", "000201");
    f.put("txnType", trade.txnType);
    f.put("txnSubType", trade.txnType.equals("01") ? "01" : "00");
    f.put("accessType", "0");
    f.put("merId", trade.merId);
    f.put("orderId", trade.orderId);
    f.put("txnTime", trade.txnTime);
    f.put("txnAmt", Long.toString(trade.amount));
    f.put("currencyCode", trade.currencyCode);
    f.put("queryId", trade.queryId);
    f.put("origQryId", trade.origQryId);
    f.put("reqReserved", trade.reqReserved);
    f.put("accNo", trade.maskedAccNo);
    f.put("respCode", respCode);
    f.put("respMsg", respMsg);
    Instant now = Instant.now();
    String beijing = UnionPayTime.format(now);
    f.put("traceNo", trade.queryId.substring(trade.queryId.length() - 6));
    f.put("traceTime", beijing.substring(4));
    f.put("settleAmt", Long.toString(trade.amount));
    f.put("settleCurrencyCode", trade.currencyCode);
    f.put("settleDate", beijing.substring(4, 8));
    return signer.sign(f);
  }

  /** A URL-encoded form body (UTF-8). */
  static String form(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
        .collect(Collectors.joining("&"));
  }

  private static Map<String, String> base() {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("version", "5.1.0");
    f.put("encoding", "UTF-8");
    f.put("signMethod", "01");
    return f;
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
