package com.payhub.bench;

import com.payhub.crypto.Jca;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Keys and certificates made in {@code @Setup}: benchmarks never ship key material. */
final class BenchKeys {

  private static long serial = 0x1_0000_0000L;

  private BenchKeys() {}

  /** RSA-2048 from the JDK's generator, as PayHub's keys are parsed by the JDK's key factory. */
  static KeyPair rsa2048() throws GeneralSecurityException {
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA", "SunRsaSign");
    g.initialize(2048);
    return g.generateKeyPair();
  }

  /** A certificate for {@code subject}, signed by {@code issuer}; a CA when {@code ca}. */
  static X509Certificate certificate(
      KeyPair subject, String subjectCn, KeyPair issuer, String issuerCn, boolean ca)
      throws GeneralSecurityException {
    Instant now = Instant.now();
    JcaX509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            new X500Name("CN=" + issuerCn),
            BigInteger.valueOf(serial++),
            Date.from(now.minus(Duration.ofHours(1))),
            Date.from(now.plus(Duration.ofDays(1))),
            new X500Name("CN=" + subjectCn),
            subject.getPublic());
    try {
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
      return new JcaX509CertificateConverter()
          .setProvider(Jca.BC)
          .getCertificate(
              builder.build(
                  new JcaContentSignerBuilder("SHA256withRSA")
                      .setProvider(Jca.BC)
                      .build(issuer.getPrivate())));
    } catch (CertIOException | OperatorCreationException e) {
      throw new GeneralSecurityException(e);
    }
  }
}
