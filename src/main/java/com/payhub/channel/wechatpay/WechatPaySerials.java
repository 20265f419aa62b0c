package com.payhub.channel.wechatpay;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.util.Locale;

/** How WeChat Pay names keys: certificate serials in uppercase hex, or a public key id. */
public final class WechatPaySerials {

  /** Prefix of a WeChat Pay public key id (the newer alternative to platform certificates). */
  public static final String PUBLIC_KEY_ID_PREFIX = "PUB_KEY_ID_";

  private WechatPaySerials() {}

  /**
   * The serial as WeChat prints it: uppercase hex without leading zeros, exactly the official SDK's
   * {@code PemUtil.getSerialNumber} ({@code serial.toString(16).toUpperCase()}).
   */
  public static String of(X509Certificate certificate) {
    return of(certificate.getSerialNumber());
  }

  public static String of(BigInteger serial) {
    return serial.toString(16).toUpperCase(Locale.ROOT);
  }

  public static boolean isPublicKeyId(String keyId) {
    return keyId != null && keyId.startsWith(PUBLIC_KEY_ID_PREFIX);
  }

  /**
   * Whether a {@code Wechatpay-Serial} header names a configured key: a public key id exactly, a
   * certificate serial ignoring hex case (the SDK compares serials as numbers).
   */
  public static boolean matches(String configured, String received) {
    if (configured == null || received == null) {
      return false;
    }
    if (isPublicKeyId(configured) || isPublicKeyId(received)) {
      return configured.equals(received);
    }
    return configured.equalsIgnoreCase(received);
  }
}
