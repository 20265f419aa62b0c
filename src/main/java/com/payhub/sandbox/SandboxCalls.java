package com.payhub.sandbox;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Every call a sandbox channel acted on (its signature verified), counted by channel, operation
 * ({@code PAY}, {@code QUERY}, {@code REFUND}, {@code CLOSE}) and the channel's order number. Fault
 * and load tests read these counts from another process ({@code GET /sandbox/requests}) to prove
 * that no order was paid twice. Kept for the life of the process, like the sandbox's trades.
 */
@Component
@ConditionalOnProperty(name = SandboxConfig.ENABLED, havingValue = "true", matchIfMissing = true)
public class SandboxCalls {

  private final ConcurrentMap<String, ConcurrentMap<String, ConcurrentMap<String, AtomicInteger>>>
      counts = new ConcurrentHashMap<>();

  /** One call the channel acted on; a blank order number is counted under {@code ""}. */
  public void record(String channel, String operation, String orderNo) {
    counts
        .computeIfAbsent(channel, c -> new ConcurrentHashMap<>())
        .computeIfAbsent(operation, o -> new ConcurrentHashMap<>())
        .computeIfAbsent(orderNo == null ? "" : orderNo, n -> new AtomicInteger())
        .incrementAndGet();
  }

  /** How many {@code operation} calls named this order at this channel. */
  public int count(String channel, String operation, String orderNo) {
    AtomicInteger n =
        counts
            .getOrDefault(channel, new ConcurrentHashMap<>())
            .getOrDefault(operation, new ConcurrentHashMap<>())
            .get(orderNo);
    return n == null ? 0 : n.get();
  }

  /** A copy: channel → operation → order number → calls, sorted. */
  public Map<String, Map<String, Map<String, Integer>>> snapshot() {
    Map<String, Map<String, Map<String, Integer>>> out = new TreeMap<>();
    counts.forEach(
        (channel, operations) -> {
          Map<String, Map<String, Integer>> byOperation = new TreeMap<>();
          operations.forEach(
              (operation, orders) -> {
                Map<String, Integer> byOrder = new TreeMap<>();
                orders.forEach((order, n) -> byOrder.put(order, n.get()));
                byOperation.put(operation, byOrder);
              });
          out.put(channel, byOperation);
        });
    return out;
  }
}
