package com.payhub.fault;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/**
 * What the sandbox channels acted on, read from {@code GET /sandbox/requests}: channel → operation
 * (PAY, QUERY, REFUND, CLOSE) → the channel's order number (the merchant order number) → calls.
 */
record ChannelCalls(Map<String, Map<String, Map<String, Integer>>> byChannel) {

  private static final ObjectMapper JSON = new ObjectMapper();

  static ChannelCalls parse(String json) {
    try {
      return new ChannelCalls(JSON.readValue(json, new TypeReference<>() {}));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("not the sandbox's call counts: " + json, e);
    }
  }

  /** How many times {@code operation} reached {@code channel} for this order. */
  int count(String channel, String operation, String orderNo) {
    return byChannel
        .getOrDefault(channel, Map.of())
        .getOrDefault(operation, Map.of())
        .getOrDefault(orderNo, 0);
  }

  /** Every call of {@code operation}, all channels and orders together. */
  int total(String operation) {
    return byChannel.values().stream()
        .flatMap(ops -> ops.getOrDefault(operation, Map.of()).values().stream())
        .mapToInt(Integer::intValue)
        .sum();
  }
}
