package com.payhub.channel.wechatpay;

import com.payhub.crypto.KeyEntry;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** RSA-2048 keys and self-signed certificates made once per test run. */
final class WechatPayTestKeys {

  /** The merchant's key; the serial has a leading zero nibble to test WeChat's formatting. */
  static final TestKey MERCHANT = create("1900000001", new BigInteger("0ABCDEF0123456789", 16));

  /** A platform certificate key (picked by certificate serial). */
  static final TestKey PLATFORM =
      create("Tenpay.com Root CA", new BigInteger("5157F09EFDC096DE15EBE81A47057A7232F1B8E1", 16));

  /** A platform key published as a public key id. */
  static final TestKey PLATFORM_PUBKEY = create("PUB_KEY_ID_0119000000012024000000000000000001");

  /** A key nobody configured. */
  static final TestKey STRANGER = create("stranger", BigInteger.valueOf(0x1234567));

  private WechatPayTestKeys() {}

  record TestKey(String keyId, KeyPair pair, X509Certificate certificate) {

    /** The entry a KeyRing would hold: with certificate when there is one. */
    KeyEntry entry() {
      return new KeyEntry(
          keyId,
          pair.getPrivate(),
          pair.getPublic(),
          certificate == null ? List.of() : List.of(certificate),
          null);
    }

    /** The same key as the verifying side holds it: public only. */
    KeyEntry publicEntry() {
      return new KeyEntry(
          keyId,
          null,
          pair.getPublic(),
          certificate == null ? List.of() : List.of(certificate),
          null);
    }
  }

  private static TestKey create(String publicKeyId) {
    return new TestKey(publicKeyId, rsa(), null);
  }

  private static TestKey create(String cn, BigInteger serial) {
    KeyPair pair = rsa();
    try {
      X500Name name = new X500Name("CN=" + cn + ",O=PayHub Test");
      Instant now = Instant.now();
      JcaX509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
              name,
              serial,
              Date.from(now.minus(1, ChronoUnit.DAYS)),
              Date.from(now.plus(365, ChronoUnit.DAYS)),
              name,
              pair.getPublic());
      X509Certificate cert =
          new JcaX509CertificateConverter()
              .getCertificate(
                  builder.build(
                      new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
      return new TestKey(WechatPaySerials.of(cert), pair, cert);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static KeyPair rsa() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
      g.initialize(2048);
      return g.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
