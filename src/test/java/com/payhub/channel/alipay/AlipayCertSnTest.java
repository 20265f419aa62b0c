package com.payhub.channel.alipay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.alipay.api.internal.util.AlipaySignature;
import com.alipay.api.internal.util.AntCertificationUtil;
import com.payhub.crypto.Jca;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.Date;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Certificate SNs against the SDK's getCertSN / getRootCertSN on certificates made here. */
class AlipayCertSnTest {

  static final KeyPair RSA = AlipayTestKeys.RSA;
  static final KeyPair SM2 = AlipayTestKeys.SM2;
  static final KeyPair EC = ec();

  static KeyPair ec() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
      g.initialize(new ECGenParameterSpec("secp256r1"));
      return g.generateKeyPair();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Ant's real issuer shape: C, O, OU, CN (RFC 2253 prints them most specific first). */
  static X500Name antIssuer() {
    return new X500NameBuilder(BCStyle.INSTANCE)
        .addRDN(BCStyle.C, "CN")
        .addRDN(BCStyle.O, "Ant Financial")
        .addRDN(BCStyle.OU, "Certification Authority")
        .addRDN(BCStyle.CN, "Ant Financial Certification Authority Class 2 R1")
        .build();
  }

  /** Several RDNs, a multi-valued one, characters RFC 2253 escapes, an OID-only attribute. */
  static X500Name awkwardIssuer(String o) {
    return new X500NameBuilder(BCStyle.INSTANCE)
        .addRDN(BCStyle.C, "CN")
        .addRDN(BCStyle.ST, "Zhejiang")
        .addRDN(BCStyle.O, o)
        .addMultiValuedRDN(
            new ASN1ObjectIdentifier[] {BCStyle.OU, BCStyle.OU},
            new String[] {"Open Platform", "Pay"})
        .addRDN(BCStyle.CN, " #lead, \"quoted\" +plus;semi<>=trail ")
        .addRDN(BCStyle.EmailAddress, "ca@example.com")
        .build();
  }

  static X509Certificate cert(
      X500Name issuer, BigInteger serial, KeyPair subject, PrivateKey issuerKey, String sigAlg)
      throws Exception {
    Date from = new Date(1_700_000_000_000L);
    JcaX509v3CertificateBuilder b =
        new JcaX509v3CertificateBuilder(
            issuer,
            serial,
            from,
            new Date(from.getTime() + 86_400_000L * 3650),
            new X500Name("CN=2088000000000000,OU=Alipay,O=PayHub Test,C=CN"),
            subject.getPublic());
    return new JcaX509CertificateConverter()
        .setProvider(Jca.BC)
        .getCertificate(
            b.build(new JcaContentSignerBuilder(sigAlg).setProvider(Jca.BC).build(issuerKey)));
  }

  static String pem(List<X509Certificate> certs) throws Exception {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter w = new JcaPEMWriter(out)) {
      for (X509Certificate c : certs) {
        w.writeObject(c);
      }
    }
    return out.toString();
  }

  @Test
  void snOfAnAntShapedCertificateIsTheSdks(@TempDir Path dir) throws Exception {
    X509Certificate c =
        cert(
            antIssuer(),
            new BigInteger("4545343845454563265"),
            RSA,
            RSA.getPrivate(),
            "SHA256withRSA");
    assertThat(c.getIssuerX500Principal().getName())
        .isEqualTo(
            "CN=Ant Financial Certification Authority Class 2 R1,OU=Certification Authority,O=Ant Financial,C=CN");
    Path file = dir.resolve("appCertPublicKey.crt");
    Files.writeString(file, pem(List.of(c)));
    assertThat(AlipayCertSn.of(c))
        .isEqualTo(AntCertificationUtil.getCertSN(c))
        .isEqualTo(AlipaySignature.getCertSN(file.toString()))
        .matches("[0-9a-f]{32}");
  }

  @Property(tries = 120)
  void snAgreesWithTheSdkForAnySerialAndAwkwardDns(
      @ForAll @BigRange(min = "1", max = "1461501637330902918203684832716283019655932542975")
          BigInteger serial,
      @ForAll
          @StringLength(min = 1, max = 12)
          @Chars({'a', 'Z', '0', ',', '+', '"', '\\', ';', ' ', '=', '#'})
          String o)
      throws Exception {
    X509Certificate c =
        cert(awkwardIssuer("o" + o), serial, RSA, RSA.getPrivate(), "SHA256withRSA");
    assertThat(AlipayCertSn.of(c))
        .isEqualTo(AntCertificationUtil.getCertSN(c)); // includes leading-zero padding
  }

  @Test
  void aChineseIssuerAgreesWhenTheDefaultCharsetIsUtf8() throws Exception {
    assumeThat(Charset.defaultCharset())
        .isEqualTo(StandardCharsets.UTF_8); // the SDK uses getBytes()
    X500Name issuer =
        new X500NameBuilder(BCStyle.INSTANCE)
            .addRDN(BCStyle.C, "CN")
            .addRDN(BCStyle.O, "蚂蚁科技集团股份有限公司")
            .addRDN(BCStyle.CN, "支付宝 根证书")
            .build();
    X509Certificate c = cert(issuer, BigInteger.valueOf(7), SM2, SM2.getPrivate(), "SM3withSM2");
    assertThat(AlipayCertSn.of(c)).isEqualTo(AntCertificationUtil.getCertSN(c));
  }

  @Test
  void rootSnJoinsTheRsaCertificatesOfTheBundleLikeTheSdk() throws Exception {
    X509Certificate rsa256 =
        cert(antIssuer(), BigInteger.valueOf(1001), RSA, RSA.getPrivate(), "SHA256withRSA");
    X509Certificate sm2 =
        cert(awkwardIssuer("Ant"), BigInteger.valueOf(1002), SM2, SM2.getPrivate(), "SM3withSM2");
    X509Certificate ecdsa =
        cert(awkwardIssuer("EC"), BigInteger.valueOf(1003), EC, EC.getPrivate(), "SHA256withECDSA");
    X509Certificate rsa1 =
        cert(
            awkwardIssuer("Old"),
            new BigInteger("9876543210987654321"),
            RSA,
            RSA.getPrivate(),
            "SHA1withRSA");
    List<X509Certificate> bundle = List.of(rsa256, sm2, ecdsa, rsa1);
    String content = pem(bundle);

    String ours = AlipayCertSn.rootOf(bundle);
    assertThat(ours)
        .isEqualTo(AlipayCertSn.of(rsa256) + "_" + AlipayCertSn.of(rsa1))
        .isEqualTo(AntCertificationUtil.getRootCertSN(content))
        .isEqualTo(AntCertificationUtil.getRootCertSN(content, "RSA2"))
        .isEqualTo(AlipayCertSn.rootOf(bundle, AlipaySignType.RSA2));
    assertThat(AlipayCertSn.rootOf(bundle, AlipaySignType.SM2))
        .isEqualTo(AlipayCertSn.of(sm2))
        .isEqualTo(AntCertificationUtil.getRootCertSN(content, "SM2"));

    List<X509Certificate> noRsa = List.of(sm2, ecdsa);
    assertThat(AntCertificationUtil.getRootCertSN(pem(noRsa))).isNull();
    assertThatThrownBy(() -> AlipayCertSn.rootOf(noRsa))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
