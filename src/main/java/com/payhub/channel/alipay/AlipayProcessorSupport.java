package com.payhub.channel.alipay;

import com.payhub.crypto.camel.CredentialProcessorSupport;

/**
 * The {@code signType} property the Alipay processors share: {@code RSA2} (the default), {@code
 * RSA} or {@code SM2}, spelled as Alipay's {@code sign_type}.
 */
public abstract class AlipayProcessorSupport<T> extends CredentialProcessorSupport<T> {

  private String signType = AlipaySignType.RSA2.wireName();

  public void setSignType(String signType) {
    this.signType = signType;
  }

  public String getSignType() {
    return signType;
  }

  /** The parsed property; a wrong value stops the route with a sentence naming it. */
  protected AlipaySignType signType() {
    require(signType, "signType", "RSA2, RSA or SM2");
    return AlipaySignType.parse(signType.trim())
        .orElseThrow(
            () ->
                misconfigured(
                    "has signType '" + signType + "'; set the bean property to RSA2, RSA or SM2"));
  }
}
