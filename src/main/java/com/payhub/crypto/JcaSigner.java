package com.payhub.crypto;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Signature;
import java.security.spec.AlgorithmParameterSpec;

/**
 * A {@link Signer} over a JCA {@link Signature}: SHA256withRSA, SHA1withRSA, SM3withSM2 (with its
 * user id as parameter). A fresh {@code Signature} per call keeps it thread-safe; creating one is
 * cheap next to the private-key operation.
 */
public final class JcaSigner implements Signer {

  private final String algorithm;
  private final PrivateKey key;
  private final Provider provider;
  private final AlgorithmParameterSpec parameters;

  public JcaSigner(
      String algorithm, PrivateKey key, Provider provider, AlgorithmParameterSpec parameters) {
    this.algorithm = algorithm;
    this.key = key;
    this.provider = provider;
    this.parameters = parameters;
  }

  /** SHA256withRSA or SHA1withRSA with the JDK's default provider. */
  public static JcaSigner rsa(RsaHash hash, PrivateKey key) {
    return new JcaSigner(hash.algorithm(), key, null, null);
  }

  /** SM3withSM2 with the given user id (GM/T 0009 default is "1234567812345678"). */
  public static JcaSigner sm2(PrivateKey key, byte[] userId) {
    return new JcaSigner(
        "SM3withSM2", key, Jca.BC, new org.bouncycastle.jcajce.spec.SM2ParameterSpec(userId));
  }

  @Override
  public String algorithm() {
    return algorithm;
  }

  @Override
  public byte[] sign(byte[] message) {
    try {
      Signature s =
          provider == null
              ? Signature.getInstance(algorithm)
              : Signature.getInstance(algorithm, provider);
      if (parameters != null) {
        s.setParameter(parameters);
      }
      s.initSign(key);
      s.update(message);
      return s.sign();
    } catch (GeneralSecurityException e) {
      throw new CryptoException(algorithm + " signing failed: " + e.getClass().getSimpleName(), e);
    }
  }
}
