package com.payhub.ingest;

import com.payhub.model.Dialect;

/** How each dialect names the canonical fields, so that errors speak the sender's language. */
final class DialectFields {

  private DialectFields() {}

  static String merchant(Dialect d) {
    return pick(d, "merchantId", "app_id", "mchid", "merId");
  }

  static String channel(Dialect d) {
    return pick(d, "channel", "app_id", "mchid", "merId");
  }

  static String orderNo(Dialect d) {
    return pick(d, "merchantOrderNo", "out_trade_no", "out_trade_no", "orderId");
  }

  static String refundNo(Dialect d) {
    return pick(d, "refundNo", "out_request_no", "out_refund_no", "orderId");
  }

  static String amount(Dialect d) {
    return pick(d, "amount.minor", "total_amount", "amount.total", "txnAmt");
  }

  static String currency(Dialect d) {
    return pick(d, "amount.currency", "trans_currency", "amount.currency", "currencyCode");
  }

  static String notifyUrl(Dialect d) {
    return pick(d, "notifyUrl", "notify_url", "notify_url", "backUrl");
  }

  private static String pick(
      Dialect d, String canonical, String alipay, String wechat, String unionpay) {
    return switch (d) {
      case CANONICAL -> canonical;
      case ALIPAY -> alipay;
      case WECHATPAY -> wechat;
      case UNIONPAY -> unionpay;
    };
  }
}
