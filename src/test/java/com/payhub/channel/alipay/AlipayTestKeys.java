package com.payhub.channel.alipay;

import com.payhub.crypto.Jca;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/** Keys for the Alipay tests: the committed test-only fixture, and fresh pairs per run. */
final class AlipayTestKeys {

  /** The openssl-made fixture (src/test/resources/alipay, see its README): test use only. */
  static final KeyPair FIXTURE =
      new KeyPair(
          rsaPublic(pemBody("/alipay/test-rsa-public.pem")),
          rsaPrivate(pemBody("/alipay/test-rsa-private.pem")));

  static final KeyPair RSA = rsa();
  static final KeyPair OTHER_RSA = rsa();
  static final KeyPair SM2 = sm2();
  static final KeyPair OTHER_SM2 = sm2();

  private AlipayTestKeys() {}

  static KeyPair rsa() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
      g.initialize(2048);
      return g.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static KeyPair sm2() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("EC", Jca.BC);
      g.initialize(new ECGenParameterSpec("sm2p256v1"));
      return g.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The SDK takes keys as base64 PKCS#8 / X.509 text. */
  static String base64(java.security.Key key) {
    return Base64.getEncoder().encodeToString(key.getEncoded());
  }

  private static byte[] pemBody(String resource) {
    try (InputStream in = AlipayTestKeys.class.getResourceAsStream(resource)) {
      String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
      return Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static PrivateKey rsaPrivate(byte[] pkcs8) {
    try {
      return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static PublicKey rsaPublic(byte[] x509) {
    try {
      return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(x509));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
