package com.payhub.crypto;

import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.AlgorithmParameterSpec;

/** A {@link Verifier} over a JCA {@link Signature}; see {@link JcaSigner}. */
public final class JcaVerifier implements Verifier {

  private final String algorithm;
  private final PublicKey key;
  private final Provider provider;
  private final AlgorithmParameterSpec parameters;

  public JcaVerifier(
      String algorithm, PublicKey key, Provider provider, AlgorithmParameterSpec parameters) {
    this.algorithm = algorithm;
    this.key = key;
    this.provider = provider;
    this.parameters = parameters;
  }

  public static JcaVerifier rsa(RsaHash hash, PublicKey key) {
    return new JcaVerifier(hash.algorithm(), key, null, null);
  }

  public static JcaVerifier sm2(PublicKey key, byte[] userId) {
    return new JcaVerifier(
        "SM3withSM2", key, Jca.BC, new org.bouncycastle.jcajce.spec.SM2ParameterSpec(userId));
  }

  @Override
  public String algorithm() {
    return algorithm;
  }

  @Override
  public boolean verify(byte[] message, byte[] signature) {
    if (signature == null || signature.length == 0) {
      return false;
    }
    try {
      Signature s =
          provider == null
              ? Signature.getInstance(algorithm)
              : Signature.getInstance(algorithm, provider);
      if (parameters != null) {
        s.setParameter(parameters);
      }
      s.initVerify(key);
      s.update(message);
      return s.verify(signature);
    } catch (SignatureException e) {
      return false; // malformed signature bytes: not valid, not an error of ours
    } catch (GeneralSecurityException e) {
      throw new CryptoException(
          algorithm + " verification could not run: " + e.getClass().getSimpleName(), e);
    }
  }
}
