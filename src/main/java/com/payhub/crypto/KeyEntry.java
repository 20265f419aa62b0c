package com.payhub.crypto;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * One key of a credential, picked by {@code keyId}: a certificate serial (hex for WeChat, decimal
 * for UnionPay), an Alipay certificate SN, a WeChat {@code PUB_KEY_ID_…} or a name. Fields are null
 * when the key does not have them (a verification-only key has no private key; a secret key has
 * only {@code secret}).
 */
public record KeyEntry(
    String keyId,
    PrivateKey privateKey,
    PublicKey publicKey,
    List<X509Certificate> chain,
    byte[] secret) {

  public KeyEntry {
    chain = chain == null ? List.of() : List.copyOf(chain);
    if (publicKey == null && !chain.isEmpty()) {
      publicKey = chain.get(0).getPublicKey();
    }
  }

  /** The key's own certificate, or null. */
  public X509Certificate certificate() {
    return chain.isEmpty() ? null : chain.get(0);
  }

  /** Never prints key material. */
  @Override
  public String toString() {
    return "KeyEntry["
        + keyId
        + (privateKey != null ? ", private" : "")
        + (publicKey != null ? ", public" : "")
        + (chain.isEmpty() ? "" : ", " + chain.size() + " cert(s)")
        + (secret != null ? ", secret" : "")
        + "]";
  }
}
