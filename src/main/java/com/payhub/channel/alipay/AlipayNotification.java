package com.payhub.channel.alipay;

import java.util.Map;

/**
 * An async notification whose signature verified. {@code fields} is an unmodifiable copy of what
 * arrived, without {@code sign}; read business fields only from here.
 */
public record AlipayNotification(AlipaySignType signType, Map<String, String> fields) {

  public AlipayNotification {
    fields = Map.copyOf(fields);
  }

  public String field(String name) {
    return fields.get(name);
  }
}
