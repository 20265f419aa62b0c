package com.payhub.bench;

import java.security.InvalidParameterException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SignatureSpi;
import java.util.Arrays;

/**
 * SHA256withRSA that does no work at all: with it first in line, a scheme benchmark costs only the
 * scheme's own work (string to sign, encodings, maps, header parsing, certificate checks) plus the
 * JCA look-up that the primitive also pays. Bench only; it signs and accepts everything.
 */
final class NullRsaProvider extends Provider {

  static final String NAME = "PayHub-Bench-NullRSA";

  private static final long serialVersionUID = 1L;
  private static final byte[] SIGNATURE = new byte[256];

  static {
    Arrays.fill(SIGNATURE, (byte) 0x5a);
  }

  NullRsaProvider() {
    super(NAME, "1", "SHA256withRSA without RSA, to measure what a scheme adds");
    putService(
        new Provider.Service(this, "Signature", "SHA256withRSA", Spi.class.getName(), null, null) {
          @Override
          public Object newInstance(Object parameter) {
            return new Spi();
          }
        });
  }

  /** Signs with a constant, accepts any signature. */
  static final class Spi extends SignatureSpi {

    @Override
    protected void engineInitSign(PrivateKey key) {}

    @Override
    protected void engineInitVerify(PublicKey key) {}

    @Override
    protected void engineUpdate(byte b) {}

    @Override
    protected void engineUpdate(byte[] b, int off, int len) {}

    @Override
    protected byte[] engineSign() {
      return SIGNATURE.clone();
    }

    @Override
    protected boolean engineVerify(byte[] sigBytes) {
      return true;
    }

    @Override
    @Deprecated
    protected void engineSetParameter(String param, Object value) {
      throw new InvalidParameterException("no parameters");
    }

    @Override
    @Deprecated
    protected Object engineGetParameter(String param) {
      throw new InvalidParameterException("no parameters");
    }
  }
}
