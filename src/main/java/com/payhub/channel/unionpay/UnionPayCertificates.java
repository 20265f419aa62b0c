package com.payhub.channel.unionpay;

import com.payhub.crypto.Jca;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;

/** Reading and writing the certificates acp carries: PEM text, decimal certId, CN owner. */
public final class UnionPayCertificates {

  private static final int OWNER_FIELD = 2;

  private UnionPayCertificates() {}

  /**
   * {@code certId}/{@code encryptCertId}: the serial number in decimal (acp {@code
   * getSerialNumber().toString()}), never hex.
   */
  public static String certId(X509Certificate certificate) {
    return certificate.getSerialNumber().toString(10);
  }

  /**
   * Parses the PEM (or DER) text of {@code signPubKeyCert} with BouncyCastle, as the acp SDK does.
   *
   * @throws IllegalArgumentException when the text is not one X.509 certificate
   */
  public static X509Certificate parse(String pem) {
    if (pem == null || pem.isBlank()) {
      throw new IllegalArgumentException("no certificate text");
    }
    try {
      Certificate c =
          CertificateFactory.getInstance("X.509", Jca.BC)
              .generateCertificate(
                  new ByteArrayInputStream(pem.trim().getBytes(StandardCharsets.ISO_8859_1)));
      if (c instanceof X509Certificate x509) {
        return x509;
      }
      throw new IllegalArgumentException("not an X.509 certificate");
    } catch (CertificateException | RuntimeException e) {
      throw new IllegalArgumentException("certificate text does not parse", e);
    }
  }

  /**
   * PEM as UnionPay sends {@code signPubKeyCert}: 64-character base64 lines separated by CRLF. The
   * line ending is our choice (acp parses either); it is signed, so it must stay as produced.
   */
  public static String toPem(X509Certificate certificate) {
    try {
      String body =
          Base64.getMimeEncoder(64, "\r\n".getBytes(StandardCharsets.US_ASCII))
              .encodeToString(certificate.getEncoded());
      return "-----BEGIN CERTIFICATE-----\r\n" + body + "\r\n-----END CERTIFICATE-----";
    } catch (CertificateEncodingException e) {
      throw new IllegalArgumentException("certificate cannot be encoded", e);
    }
  }

  /**
   * The owner acp checks: the third {@code @}-separated field of the subject CN, e.g. {@code
   * 00040000:SIGN} in UnionPay's test certificate {@code 041@Z12@00040000:SIGN@00000062}, the
   * company name in production. The SDK ({@code CertUtil.getIdentitiesFromCertficate}) splits
   * {@code getSubjectDN().toString()} from {@code CN=} on {@code @} and takes index 2; we take the
   * same field from the parsed CN value, so RDNs after the CN can never leak into it. Empty when
   * there is no CN or it has fewer than three fields.
   */
  public static String owner(X509Certificate certificate) {
    X500Name subject = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
    RDN[] cns = subject.getRDNs(BCStyle.CN);
    if (cns.length == 0 || !(cns[0].getFirst().getValue() instanceof ASN1String cn)) {
      return "";
    }
    String[] fields = cn.getString().split("@");
    return fields.length > OWNER_FIELD ? fields[OWNER_FIELD] : "";
  }
}
