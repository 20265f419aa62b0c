package com.payhub.normalize;

import com.payhub.model.Dialect;
import com.payhub.model.Operation;
import com.payhub.model.RejectReason;
import com.payhub.model.RejectedInputException;
import java.util.Locale;
import java.util.Set;

/**
 * The operation a WeChat Pay v3 style input asks for, read from its operation hint.
 *
 * <p>Accepted hints: {@code null}/blank and {@code pay} (PAY, trade type native), {@code query},
 * {@code refund}, {@code close} (case-insensitive), and the v3 paths, with or without a leading
 * {@code /} and a {@code v3/} prefix: {@code pay/transactions/{native|jsapi|app|h5}}, {@code
 * pay/transactions/out-trade-no/{no}}, {@code pay/transactions/id/{transaction_id}}, {@code
 * pay/transactions/out-trade-no/{no}/close}, {@code refund/domestic/refunds}. Fixed path segments
 * are matched case-insensitively; ids are taken verbatim (not URL-decoded); a query string or
 * trailing slash is not accepted.
 *
 * @param operation what to do
 * @param tradeType for PAY the lower-case trade type, else null
 * @param outTradeNo the merchant order number named in the path, else null
 * @param transactionId the WeChat transaction id named in the path, else null
 */
record WechatPayRoute(
    Operation operation, String tradeType, String outTradeNo, String transactionId) {

  static final Set<String> TRADE_TYPES = Set.of("native", "jsapi", "app", "h5");

  static WechatPayRoute parse(String hint) {
    if (hint == null || hint.isBlank()) {
      return pay("native");
    }
    String path = hint.strip();
    if (path.startsWith("/")) {
      path = path.substring(1);
    }
    switch (path.toLowerCase(Locale.ROOT)) {
      case "pay":
        return pay("native");
      case "query":
        return new WechatPayRoute(Operation.QUERY, null, null, null);
      case "refund":
        return new WechatPayRoute(Operation.REFUND, null, null, null);
      case "close":
        return new WechatPayRoute(Operation.CLOSE, null, null, null);
      default:
        break;
    }
    if (path.regionMatches(true, 0, "v3/", 0, 3)) {
      path = path.substring(3);
    }
    WechatPayRoute route = fromPath(path.split("/", -1));
    if (route == null) {
      throw RejectedInputException.of(
          Dialect.WECHATPAY,
          RejectReason.UNSUPPORTED_OPERATION,
          "operation",
          "unsupported WeChat Pay operation '"
              + hint.strip()
              + "'; expected pay, query,"
              + " refund, close or a v3 path such as /v3/pay/transactions/native");
    }
    return route;
  }

  private static WechatPayRoute fromPath(String[] s) {
    boolean transactions = s.length >= 3 && is(s[0], "pay") && is(s[1], "transactions");
    if (transactions && s.length == 3 && TRADE_TYPES.contains(s[2].toLowerCase(Locale.ROOT))) {
      return pay(s[2].toLowerCase(Locale.ROOT));
    }
    if (transactions && s.length == 4 && !s[3].isBlank()) {
      if (is(s[2], "out-trade-no")) {
        return new WechatPayRoute(Operation.QUERY, null, s[3], null);
      }
      if (is(s[2], "id")) {
        return new WechatPayRoute(Operation.QUERY, null, null, s[3]);
      }
    }
    if (transactions
        && s.length == 5
        && is(s[2], "out-trade-no")
        && !s[3].isBlank()
        && is(s[4], "close")) {
      return new WechatPayRoute(Operation.CLOSE, null, s[3], null);
    }
    if (s.length == 3 && is(s[0], "refund") && is(s[1], "domestic") && is(s[2], "refunds")) {
      return new WechatPayRoute(Operation.REFUND, null, null, null);
    }
    return null;
  }

  private static WechatPayRoute pay(String tradeType) {
    return new WechatPayRoute(Operation.PAY, tradeType, null, null);
  }

  private static boolean is(String segment, String expected) {
    return segment.equalsIgnoreCase(expected);
  }
}
