package com.payhub.metrics;

import java.util.Map;
import java.util.function.Predicate;

/** Where queue depths come from: the embedded broker itself, or a broker's management address. */
public interface QueueCounts {

  /**
   * The message count of every queue the broker has whose name {@code wanted} accepts (a queue it
   * does not have is left out). Throws when the broker cannot be asked.
   */
  Map<String, Long> count(Predicate<String> wanted) throws Exception;
}
