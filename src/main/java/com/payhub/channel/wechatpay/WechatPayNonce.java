package com.payhub.channel.wechatpay;

import java.security.SecureRandom;

/** 32 random alphanumerics, the nonce WeChat Pay v3 expects (same alphabet as the SDK's). */
public final class WechatPayNonce {

  public static final int LENGTH = 32;
  private static final char[] ALPHABET =
      "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  private WechatPayNonce() {}

  public static String next() {
    char[] nonce = new char[LENGTH];
    for (int i = 0; i < LENGTH; i++) {
      nonce[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
    }
    return new String(nonce);
  }
}
