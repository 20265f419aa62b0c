package com.payhub.model;

/** What a request asks the channel to do. */
public enum Operation {
  PAY,
  QUERY,
  REFUND,
  CLOSE
}
