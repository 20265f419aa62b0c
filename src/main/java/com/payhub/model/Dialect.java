package com.payhub.model;

import java.util.Locale;

/** The shape an input arrives in: PayHub's own JSON or one channel's request style. */
public enum Dialect {
  CANONICAL,
  ALIPAY,
  WECHATPAY,
  UNIONPAY;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Dialect fromId(String value) {
    for (Dialect d : values()) {
      if (d.name().equalsIgnoreCase(value == null ? "" : value.trim())) {
        return d;
      }
    }
    throw new IllegalArgumentException("unknown dialect: " + value);
  }
}
