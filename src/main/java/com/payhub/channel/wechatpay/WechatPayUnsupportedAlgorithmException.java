package com.payhub.channel.wechatpay;

/**
 * A notification resource encrypted with an algorithm other than {@code AEAD_AES_256_GCM}: reject
 * it and alert, since WeChat announcing a new algorithm means this adapter needs work.
 */
public class WechatPayUnsupportedAlgorithmException extends WechatPayMalformedMessageException {

  private final String algorithm;

  public WechatPayUnsupportedAlgorithmException(String algorithm) {
    super("unsupported resource algorithm " + algorithm);
    this.algorithm = algorithm;
  }

  public String algorithm() {
    return algorithm;
  }
}
