package com.payhub.crypto;

import java.security.Provider;
import java.security.Security;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/** The providers PayHub uses: the JDK's for RSA/AES/HMAC, BouncyCastle for SM2/SM3. */
public final class Jca {

  /** BouncyCastle, registered once (SM2, SM3 and PEM parsing need it). */
  public static final Provider BC = bouncyCastle();

  private Jca() {}

  private static Provider bouncyCastle() {
    Provider p = Security.getProvider(BouncyCastleProvider.PROVIDER_NAME);
    if (p == null) {
      p = new BouncyCastleProvider();
      Security.addProvider(p);
    }
    return p;
  }
}
