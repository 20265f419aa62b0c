package com.payhub.crypto;

import java.nio.ByteBuffer;
import java.security.AlgorithmParameters;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.security.InvalidParameterException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.ProviderException;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.SignatureException;
import java.security.SignatureSpi;
import java.security.spec.AlgorithmParameterSpec;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * A provider that offers a native provider's RSA signatures and nothing else, for {@link
 * CryptoProviders}. Keys are translated into the native provider's own key objects once per key,
 * not once per signature: given the JDK's key objects (which PayHub's key files give), ACCP imports
 * the key on every {@code initSign}, and that costs more than the signature it then makes.
 */
final class CryptoProvidersNativeRsa extends Provider {

  private static final long serialVersionUID = 1L;

  /** The native twin of each key in use; an entry goes when its key is no longer referenced. */
  private final transient Map<Key, Key> translated =
      Collections.synchronizedMap(new WeakHashMap<>());

  private final transient Provider target;
  private final transient KeyFactory keys;

  CryptoProvidersNativeRsa(String name, Provider target, List<String> algorithms) {
    super(name, target.getVersionStr(), "RSA signatures of " + target.getName());
    this.target = target;
    try {
      this.keys = KeyFactory.getInstance("RSA", target);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(target.getName() + " has no RSA key factory", e);
    }
    for (String algorithm : algorithms) {
      if (target.getService("Signature", algorithm) == null) {
        throw new IllegalStateException(target.getName() + " has no " + algorithm);
      }
      putService(new Service(this, algorithm));
    }
  }

  private <K extends Key> K nativeKey(K key, Class<K> type) throws InvalidKeyException {
    Key known = translated.get(key);
    if (known == null) {
      known = keys.translateKey(key);
      translated.put(key, known);
    }
    return type.cast(known);
  }

  private final class Service extends Provider.Service {

    Service(Provider owner, String algorithm) {
      super(owner, "Signature", algorithm, Spi.class.getName(), null, null);
    }

    @Override
    public Object newInstance(Object parameter) throws NoSuchAlgorithmException {
      return new Spi(Signature.getInstance(getAlgorithm(), target));
    }
  }

  /** The native provider's {@link Signature}, fed translated keys. */
  private final class Spi extends SignatureSpi {

    private final Signature signature;

    Spi(Signature signature) {
      this.signature = signature;
    }

    @Override
    protected void engineInitSign(PrivateKey key) throws InvalidKeyException {
      signature.initSign(nativeKey(key, PrivateKey.class));
    }

    @Override
    protected void engineInitSign(PrivateKey key, SecureRandom random) throws InvalidKeyException {
      signature.initSign(nativeKey(key, PrivateKey.class), random);
    }

    @Override
    protected void engineInitVerify(PublicKey key) throws InvalidKeyException {
      signature.initVerify(nativeKey(key, PublicKey.class));
    }

    @Override
    protected void engineUpdate(byte b) throws SignatureException {
      signature.update(b);
    }

    @Override
    protected void engineUpdate(byte[] b, int off, int len) throws SignatureException {
      signature.update(b, off, len);
    }

    @Override
    protected void engineUpdate(ByteBuffer input) {
      try {
        signature.update(input);
      } catch (SignatureException e) {
        throw new ProviderException(e); // as SignatureSpi's own default does
      }
    }

    @Override
    protected byte[] engineSign() throws SignatureException {
      return signature.sign();
    }

    @Override
    protected boolean engineVerify(byte[] sigBytes) throws SignatureException {
      return signature.verify(sigBytes);
    }

    @Override
    protected void engineSetParameter(AlgorithmParameterSpec params)
        throws InvalidAlgorithmParameterException {
      signature.setParameter(params);
    }

    @Override
    protected AlgorithmParameters engineGetParameters() {
      return signature.getParameters();
    }

    @Override
    @Deprecated
    protected void engineSetParameter(String param, Object value) {
      throw new InvalidParameterException("no string parameters");
    }

    @Override
    @Deprecated
    protected Object engineGetParameter(String param) {
      throw new InvalidParameterException("no string parameters");
    }
  }
}
