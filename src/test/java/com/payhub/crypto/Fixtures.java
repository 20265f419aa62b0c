package com.payhub.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * The openssl-made, test-only keys in {@code src/test/resources/crypto/} (see the README there),
 * decoded without {@link KeyFiles} so that the known-answer tests do not depend on it.
 */
final class Fixtures {

  /** The message signed by openssl for the recorded signatures (no trailing newline). */
  static final byte[] MESSAGE = "PayHub known-answer message".getBytes(StandardCharsets.US_ASCII);

  private Fixtures() {}

  static String resource(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/crypto/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource crypto/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] pemBody(String pem) {
    String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    return Base64.getDecoder().decode(base64);
  }

  static PrivateKey rsaPrivate() {
    try {
      return KeyFactory.getInstance("RSA")
          .generatePrivate(new PKCS8EncodedKeySpec(pemBody(resource("test-rsa-2048.pem"))));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static PublicKey rsaPublic() {
    RSAPrivateCrtKey key = (RSAPrivateCrtKey) rsaPrivate();
    try {
      return KeyFactory.getInstance("RSA")
          .generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static PrivateKey sm2Private() {
    try {
      return KeyFactory.getInstance("EC", Jca.BC)
          .generatePrivate(new PKCS8EncodedKeySpec(pemBody(resource("test-sm2.pem"))));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static PublicKey sm2Public() {
    try {
      return KeyFactory.getInstance("EC", Jca.BC)
          .generatePublic(new X509EncodedKeySpec(pemBody(resource("test-sm2-public.pem"))));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
