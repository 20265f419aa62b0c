package com.payhub.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * A payment channel PayHub dispatches to; {@link #id()} is the lower-case name used in queues, URLs
 * and JSON.
 */
public enum Channel {
  ALIPAY,
  WECHATPAY,
  UNIONPAY;

  @JsonValue
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code alipay}, {@code ALIPAY}, … ; returns null for anything else. */
  @JsonCreator
  public static Channel fromId(String value) {
    if (value == null) {
      return null;
    }
    for (Channel c : values()) {
      if (c.name().equalsIgnoreCase(value.trim())) {
        return c;
      }
    }
    return null;
  }
}
