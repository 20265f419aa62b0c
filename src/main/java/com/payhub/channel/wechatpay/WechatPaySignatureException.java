package com.payhub.channel.wechatpay;

/**
 * A WeChat Pay response or notification whose signature PayHub does not accept. Never retry it:
 * answer a notification with 4xx (WeChat resends later) and treat a response as not received.
 */
public class WechatPaySignatureException extends RuntimeException {

  /** Why the message was refused. */
  public enum Reason {
    /** A {@code Wechatpay-*} signature header is absent, blank or repeated. */
    MISSING_HEADER,
    /**
     * {@code Wechatpay-Timestamp} is not epoch seconds within 5 minutes of the hub's clock (either
     * direction): a replay, a wrong clock, or garbage.
     */
    STALE_TIMESTAMP,
    /**
     * {@code Wechatpay-Serial} names no configured platform certificate or public key: refresh the
     * platform keys (rotation) before suspecting an attack.
     */
    UNKNOWN_SERIAL,
    /**
     * The signature does not verify over the raw body, including WeChat's deliberate probes whose
     * signature starts with {@code WECHATPAY/SIGNTEST/}.
     */
    SIGNATURE_INVALID
  }

  private final Reason reason;

  public WechatPaySignatureException(Reason reason, String message) {
    super(reason + ": " + message, null, false, false);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
