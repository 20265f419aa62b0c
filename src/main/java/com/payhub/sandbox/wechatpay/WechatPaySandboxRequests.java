package com.payhub.sandbox.wechatpay;

import com.payhub.sandbox.SandboxConfig;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The last requests the sandbox WeChat Pay received, exactly as they arrived, so that tests (and
 * people) can check what the hub sent, e.g. its Authorization header against the official SDK.
 */
@Component
@ConditionalOnProperty(name = SandboxConfig.ENABLED, havingValue = "true", matchIfMissing = true)
public class WechatPaySandboxRequests {

  static final int KEPT = 500;

  /**
   * One request.
   *
   * @param target the path and query as sent (raw, percent-encoded): what the signature covers
   * @param headers header names in lower case, first value
   * @param body the body bytes as UTF-8 text (empty for GET)
   */
  public record Received(
      Instant at, String method, String target, Map<String, String> headers, String body) {

    public String header(String name) {
      return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }
  }

  private final Deque<Received> received = new ArrayDeque<>();

  synchronized void add(Received r) {
    received.addLast(r);
    while (received.size() > KEPT) {
      received.removeFirst();
    }
  }

  /** Oldest first. */
  public synchronized List<Received> all() {
    return List.copyOf(received);
  }

  /** The latest request that matches. */
  public synchronized Optional<Received> last(Predicate<Received> match) {
    var it = received.descendingIterator();
    while (it.hasNext()) {
      Received r = it.next();
      if (match.test(r)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }
}
