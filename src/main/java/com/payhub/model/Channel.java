package com.payhub.model;

import java.util.Locale;

/** A payment channel PayHub dispatches to; {@link #id()} is the lower-case name used in queues and URLs. */
public enum Channel {
  ALIPAY,
  WECHATPAY,
  UNIONPAY;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code alipay}, {@code ALIPAY}, … ; returns null for anything else. */
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
