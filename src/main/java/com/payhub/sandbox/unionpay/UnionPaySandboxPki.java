package com.payhub.sandbox.unionpay;

import com.payhub.crypto.CryptoException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The certificate hierarchy a UnionPay gateway runs on, for the sandbox: a root CA, a middle CA
 * under it, and RSA-2048 leaves under the middle. acp names a certificate's owner in the third
 * {@code @} field of its CN ({@code 041@Z12@<owner>@<n>}), so the sandbox's signing certificate
 * names UnionPay's production owner and passes the hub's production owner check; only the root it
 * chains to differs from the real one.
 */
final class UnionPaySandboxPki {

  /** The owner field of UnionPay's production signing certificates. */
  static final String UNIONPAY_OWNER = "中国银联股份有限公司";

  private static final Duration VALIDITY = Duration.ofDays(3650);
  private static final SecureRandom RANDOM = new SecureRandom();

  /** A certificate with its private key. */
  record Issued(X509Certificate certificate, PrivateKey key) {}

  private UnionPaySandboxPki() {}

  static Issued root() {
    KeyPair keys = rsa();
    X500Name name = name("PayHub Sandbox UnionPay Root CA");
    return build(name, keys.getPrivate(), name, keys, true);
  }

  static Issued middle(Issued root) {
    return issue(root, "PayHub Sandbox UnionPay Middle CA", true);
  }

  /** A leaf under {@code middle} whose CN is {@code 041@Z12@<owner>@<n>}. */
  static Issued leaf(Issued middle, String owner) {
    return issue(middle, "041@Z12@" + owner + "@00000001", false);
  }

  private static Issued issue(Issued issuer, String cn, boolean ca) {
    X500Name issuerName =
        X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded());
    return build(issuerName, issuer.key(), name(cn), rsa(), ca);
  }

  private static Issued build(
      X500Name issuerName, PrivateKey issuerKey, X500Name subject, KeyPair keys, boolean ca) {
    Instant now = Instant.now();
    // positive and above 2^62: a decimal certId of 19 digits, as long as UnionPay's
    BigInteger serial = new BigInteger(63, RANDOM).setBit(62);
    try {
      JcaX509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
              issuerName,
              serial,
              Date.from(now.minus(Duration.ofDays(1))),
              Date.from(now.plus(VALIDITY)),
              subject,
              keys.getPublic());
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
      builder.addExtension(
          Extension.keyUsage,
          true,
          new KeyUsage(
              ca
                  ? KeyUsage.keyCertSign | KeyUsage.cRLSign
                  : KeyUsage.digitalSignature
                      | KeyUsage.nonRepudiation
                      | KeyUsage.keyEncipherment));
      X509Certificate cert =
          new JcaX509CertificateConverter()
              .getCertificate(
                  builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuerKey)));
      return new Issued(cert, keys.getPrivate());
    } catch (GeneralSecurityException | OperatorCreationException | java.io.IOException e) {
      throw new CryptoException("cannot issue the sandbox UnionPay certificate " + subject, e);
    }
  }

  private static KeyPair rsa() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048, RANDOM);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new CryptoException("cannot generate an RSA key", e);
    }
  }

  private static X500Name name(String cn) {
    return new X500NameBuilder(BCStyle.INSTANCE)
        .addRDN(BCStyle.C, "CN")
        .addRDN(BCStyle.O, "PayHub Sandbox")
        .addRDN(BCStyle.CN, cn)
        .build();
  }
}
