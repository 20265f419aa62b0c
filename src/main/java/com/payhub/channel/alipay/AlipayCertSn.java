package com.payhub.channel.alipay;

import com.payhub.crypto.Digests;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * Certificate-mode serial numbers ({@code app_cert_sn}, {@code alipay_root_cert_sn}, {@code
 * alipay_cert_sn}), as the SDK's {@code AntCertificationUtil}: lowercase hex MD5 (32 digits, zero
 * padded) of the issuer's {@link javax.security.auth.x500.X500Principal#getName()} (the JDK's RFC
 * 2253 text, most specific RDN first, no spaces after commas, unknown attribute types as {@code
 * OID=#hex}) followed by the serial number in decimal.
 */
public final class AlipayCertSn {

  /** PKCS#1 signature algorithms (sha1/sha256WithRSA...): the SDK matches this prefix. */
  private static final String RSA_SIGNATURE_OID_PREFIX = "1.2.840.113549.1.1";

  /** SM3withSM2, which the SDK's SM2 variant of {@code getRootCertSN} keeps. */
  private static final String SM2_SIGNATURE_OID_PREFIX = "1.2.156.10197.1.501";

  private AlipayCertSn() {}

  /**
   * The SN of one certificate. The SDK hashes the text's bytes in the platform's default charset;
   * this uses UTF-8, which is the same for the ASCII DNs Alipay issues and for any DN on a JVM
   * whose default charset is UTF-8 (the default from Java 18 on).
   */
  public static String of(X509Certificate certificate) {
    String text =
        certificate.getIssuerX500Principal().getName() + certificate.getSerialNumber().toString();
    return Digests.lowerHex(Digests.md5(text.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * The root SN: the SNs of the bundle's RSA-signed certificates, in bundle order, joined with
   * {@code _} ({@code getRootCertSN(content)}).
   *
   * @throws IllegalArgumentException when no certificate qualifies (the SDK returns null)
   */
  public static String rootOf(List<X509Certificate> bundle) {
    return join(bundle, RSA_SIGNATURE_OID_PREFIX);
  }

  /**
   * As {@link #rootOf(List)}, keeping SM3withSM2 certificates for {@code SM2} (the SDK's variant).
   */
  public static String rootOf(List<X509Certificate> bundle, AlipaySignType signType) {
    return join(
        bundle,
        signType == AlipaySignType.SM2 ? SM2_SIGNATURE_OID_PREFIX : RSA_SIGNATURE_OID_PREFIX);
  }

  private static String join(List<X509Certificate> bundle, String oidPrefix) {
    List<String> sns = new ArrayList<>();
    for (X509Certificate c : bundle) {
      if (c.getSigAlgOID().startsWith(oidPrefix)) {
        sns.add(of(c));
      }
    }
    if (sns.isEmpty()) {
      throw new IllegalArgumentException(
          "the root bundle has no certificate signed with " + oidPrefix + ".*");
    }
    return String.join("_", sns);
  }
}
