package com.payhub.crypto;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Keys, certificates and key files made on the fly with BouncyCastle (tests never ship keys). */
final class TestPki {

  private static final SecureRandom RANDOM = new SecureRandom();

  private TestPki() {}

  static KeyPair rsa() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048);
    return g.generateKeyPair();
  }

  static KeyPair ec() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC", Jca.BC);
    g.initialize(new ECGenParameterSpec("secp256r1"));
    return g.generateKeyPair();
  }

  static KeyPair sm2() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC", Jca.BC);
    g.initialize(new ECGenParameterSpec("sm2p256v1"));
    return g.generateKeyPair();
  }

  static X509Certificate selfSigned(KeyPair pair, String cn) throws Exception {
    return issue(pair, cn, pair, cn, true);
  }

  /**
   * A certificate for {@code subject} signed by {@code issuer} (whose name is {@code issuerCn}).
   */
  static X509Certificate issue(
      KeyPair subject, String cn, KeyPair issuer, String issuerCn, boolean ca) throws Exception {
    Instant now = Instant.now();
    JcaX509v3CertificateBuilder b =
        new JcaX509v3CertificateBuilder(
            new X500Name("CN=" + issuerCn),
            new BigInteger(120, RANDOM).setBit(119),
            Date.from(now.minus(Duration.ofHours(1))),
            Date.from(now.plus(Duration.ofDays(30))),
            new X500Name("CN=" + cn),
            subject.getPublic());
    b.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
    String algorithm =
        switch (issuer.getPrivate().getAlgorithm()) {
          case "RSA" -> "SHA256withRSA";
          default -> isSm2(issuer) ? "SM3withSM2" : "SHA256withECDSA";
        };
    return new JcaX509CertificateConverter()
        .setProvider(Jca.BC)
        .getCertificate(
            b.build(
                new JcaContentSignerBuilder(algorithm)
                    .setProvider(Jca.BC)
                    .build(issuer.getPrivate())));
  }

  private static boolean isSm2(KeyPair pair) {
    return GMObjectIdentifiers.sm2p256v1.equals(
        SubjectPublicKeyInfo.getInstance(pair.getPublic().getEncoded())
            .getAlgorithm()
            .getParameters());
  }

  /**
   * PEM text of BouncyCastle objects as JcaPEMWriter writes them (RSA/EC private keys:
   * PKCS#1/SEC1).
   */
  static String pem(Object... objects) throws IOException {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter w = new JcaPEMWriter(out)) {
      for (Object o : objects) {
        w.writeObject(o);
      }
    }
    return out.toString();
  }

  /** A PKCS#8 {@code PRIVATE KEY} block. */
  static String pkcs8(PrivateKey key) throws IOException {
    return pem(new JcaPKCS8Generator(key, null));
  }

  static Path write(Path file, String text) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    return Files.writeString(file, text);
  }

  /** Writes next to the target, then renames over it, as a careful operator or tool does. */
  static void replaceAtomically(Path file, String text) throws IOException {
    Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".new-", ".tmp");
    Files.writeString(tmp, text);
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  /** A PKCS#12 file written by the JDK's key store. */
  static Path pkcs12(Path file, char[] password, List<P12Entry> entries) throws Exception {
    KeyStore ks = KeyStore.getInstance("PKCS12");
    ks.load(null, null);
    for (P12Entry e : entries) {
      ks.setKeyEntry(e.alias(), e.key(), password, e.chain().toArray(new Certificate[0]));
    }
    try (OutputStream out = Files.newOutputStream(file)) {
      ks.store(out, password);
    }
    return file;
  }

  record P12Entry(String alias, PrivateKey key, List<X509Certificate> chain) {}

  /** Every 16-character window of the base64 form, to prove none reaches a message. */
  static List<String> fragments(byte[] material) {
    String b64 = Base64.getEncoder().encodeToString(material);
    String hex = HexFormat.of().formatHex(material);
    List<String> out = new ArrayList<>();
    for (int i = 0; i + 16 <= b64.length(); i += 4) {
      out.add(b64.substring(i, i + 16));
    }
    for (int i = 0; i + 16 <= hex.length(); i += 8) {
      out.add(hex.substring(i, i + 16));
      out.add(hex.substring(i, i + 16).toUpperCase(Locale.ROOT));
    }
    return out;
  }
}
