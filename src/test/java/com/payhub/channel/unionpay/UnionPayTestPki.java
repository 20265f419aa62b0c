package com.payhub.channel.unionpay;

import com.payhub.crypto.Jca;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Test-only certificates made with BouncyCastle: a root CA, a middle CA and UnionPay-like signing
 * certificates, RSA or SM2, at fixed dates around {@link #NOW}.
 */
final class UnionPayTestPki {

  static final Instant NOW = Instant.parse("2026-11-26T16:30:00Z");
  static final Duration DAY = Duration.ofDays(1);
  static final String PRODUCTION_CN = "041@Z12@中国银联股份有限公司@00000062";

  /** Above 2^63, so a long-based or hex certId would show. */
  static final BigInteger BIG_SERIAL = BigInteger.TWO.pow(64).add(BigInteger.valueOf(12345));

  private static final AtomicLong SERIALS = new AtomicLong(1000);

  enum Algorithm {
    RSA("SHA256withRSA"),
    SM2("SM3withSM2");

    final String signature;

    Algorithm(String signature) {
      this.signature = signature;
    }

    KeyPair newKeys() {
      try {
        if (this == RSA) {
          KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
          g.initialize(2048);
          return g.generateKeyPair();
        }
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC", Jca.BC);
        g.initialize(new ECGenParameterSpec("sm2p256v1"));
        return g.generateKeyPair();
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  record Issued(X509Certificate cert, PrivateKey key, Algorithm algorithm) {}

  /** A root, a middle under it, and factories for leaves under the middle. */
  record Pki(Issued root, Issued middle) {

    static Pki create(Algorithm algorithm) {
      Issued root = selfSigned(algorithm, "PayHub Test Root", NOW.minus(DAY.multipliedBy(3650)));
      Issued middle =
          issue(root, "PayHub Test Middle", algorithm.newKeys(), next(), -3000, 3000, true);
      return new Pki(root, middle);
    }

    Issued leaf(String cn) {
      return leaf(cn, next(), -30, 365);
    }

    Issued leaf(String cn, BigInteger serial, int fromDays, int toDays) {
      return issue(middle, cn, middle.algorithm().newKeys(), serial, fromDays, toDays, false);
    }

    UnionPayTrust production() {
      return UnionPayTrust.production(root.cert(), middle.cert());
    }
  }

  private UnionPayTestPki() {}

  static BigInteger next() {
    return BigInteger.valueOf(SERIALS.incrementAndGet());
  }

  static Issued selfSigned(Algorithm algorithm, String cn, Instant from) {
    KeyPair keys = algorithm.newKeys();
    Issued self = new Issued(null, keys.getPrivate(), algorithm);
    return build(
        self, name(cn), name(cn), keys, next(), from, NOW.plus(DAY.multipliedBy(3650)), true);
  }

  static Issued issue(
      Issued issuer,
      String cn,
      KeyPair keys,
      BigInteger serial,
      int fromDays,
      int toDays,
      boolean ca) {
    return build(
        issuer,
        X500Name.getInstance(issuer.cert().getSubjectX500Principal().getEncoded()),
        name(cn),
        keys,
        serial,
        NOW.plus(DAY.multipliedBy(fromDays)),
        NOW.plus(DAY.multipliedBy(toDays)),
        ca);
  }

  private static Issued build(
      Issued issuer,
      X500Name issuerName,
      X500Name subject,
      KeyPair keys,
      BigInteger serial,
      Instant from,
      Instant to,
      boolean ca) {
    try {
      JcaX509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
              issuerName, serial, Date.from(from), Date.from(to), subject, keys.getPublic());
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
      builder.addExtension(
          Extension.keyUsage,
          true,
          new KeyUsage(
              ca
                  ? KeyUsage.keyCertSign | KeyUsage.cRLSign
                  : KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
      var signer =
          new JcaContentSignerBuilder(issuer.algorithm().signature)
              .setProvider(Jca.BC)
              .build(issuer.key());
      X509Certificate cert =
          new JcaX509CertificateConverter()
              .setProvider(Jca.BC)
              .getCertificate(builder.build(signer));
      return new Issued(cert, keys.getPrivate(), issuer.algorithm());
    } catch (Exception e) {
      throw new IllegalStateException("test certificate could not be made", e);
    }
  }

  static X500Name name(String cn) {
    return new X500NameBuilder(BCStyle.INSTANCE)
        .addRDN(BCStyle.C, "CN")
        .addRDN(BCStyle.O, "PayHub Test")
        .addRDN(BCStyle.CN, cn)
        .build();
  }
}
