package com.payhub.bench;

import com.payhub.crypto.CryptoProviders;
import java.security.Security;

/**
 * Applies a benchmark's {@code provider} parameter: {@code jdk} or {@code accp} through {@link
 * CryptoProviders}, as production does; {@code none} puts {@link NullRsaProvider} first, so that
 * only the scheme's own work is left to measure.
 */
final class Providers {

  static final String NONE = "none";

  private Providers() {}

  static void use(String provider) {
    Security.removeProvider(NullRsaProvider.NAME);
    if (NONE.equals(provider)) {
      CryptoProviders.use(CryptoProviders.JDK);
      Security.insertProviderAt(new NullRsaProvider(), 1);
      return;
    }
    String active = CryptoProviders.use(provider);
    if (!active.equals(provider)) {
      throw new IllegalStateException("asked for " + provider + " but RSA runs on " + active);
    }
  }
}
