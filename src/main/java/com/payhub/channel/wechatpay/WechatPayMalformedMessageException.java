package com.payhub.channel.wechatpay;

/**
 * A WeChat Pay body PayHub cannot read: bad JSON or XML, a missing field, a DOCTYPE (refused
 * against XXE). Reject it; a retry brings the same bytes.
 */
public class WechatPayMalformedMessageException extends RuntimeException {

  public WechatPayMalformedMessageException(String message) {
    super(message);
  }

  public WechatPayMalformedMessageException(String message, Throwable cause) {
    super(message, cause);
  }
}
