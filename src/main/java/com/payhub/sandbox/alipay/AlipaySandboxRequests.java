package com.payhub.sandbox.alipay;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The last requests the sandbox gateway received, exactly as they came, so that tests (and the
 * official SDK as their judge) can check what the hub really sent.
 */
@Component
@ConditionalOnProperty(
    name = com.payhub.sandbox.SandboxConfig.ENABLED,
    havingValue = "true",
    matchIfMissing = true)
public class AlipaySandboxRequests {

  private static final int KEPT = 500;

  /**
   * One request: HTTP method, path, query string, headers (lower-case names), the body bytes as
   * received and the parameters as the gateway decoded them (query and form together).
   */
  public record Received(
      Instant at,
      String method,
      String path,
      String query,
      Map<String, List<String>> headers,
      byte[] body,
      Map<String, String> params) {}

  private static final java.util.regex.Pattern TRADE =
      java.util.regex.Pattern.compile("\"out_trade_no\":\"([^\"]+)\"");

  private final Deque<Received> received = new ArrayDeque<>();

  /** Every request ever received, counted by method and out_trade_no (kept beyond the last 500). */
  private final Map<String, Integer> counts = new java.util.HashMap<>();

  synchronized void record(Received request) {
    java.util.regex.Matcher m = TRADE.matcher(request.params().getOrDefault("biz_content", ""));
    if (m.find()) {
      counts.merge(request.params().get("method") + " " + m.group(1), 1, Integer::sum);
    }
    received.addLast(request);
    while (received.size() > KEPT) {
      received.removeFirst();
    }
  }

  /** How many {@code method} requests (e.g. alipay.trade.precreate) named this trade. */
  public synchronized int count(String method, String outTradeNo) {
    return counts.getOrDefault(method + " " + outTradeNo, 0);
  }

  /** Oldest first. */
  public synchronized List<Received> all() {
    return List.copyOf(received);
  }

  /** The requests whose {@code biz_content} names this {@code out_trade_no}, oldest first. */
  public List<Received> forTrade(String outTradeNo) {
    String needle = "\"out_trade_no\":\"" + outTradeNo + "\"";
    return all().stream()
        .filter(r -> r.params().getOrDefault("biz_content", "").contains(needle))
        .toList();
  }
}
