package com.payhub.channel.unionpay;

import static com.payhub.channel.unionpay.UnionPaySignContent.CERT_ID;
import static com.payhub.channel.unionpay.UnionPaySignContent.SIGNATURE;
import static com.payhub.channel.unionpay.UnionPaySignContent.SIGN_METHOD;
import static com.payhub.channel.unionpay.UnionPaySignContent.SIGN_PUB_KEY_CERT;
import static com.payhub.channel.unionpay.UnionPaySignContent.VERSION;

import com.payhub.crypto.JcaSigner;
import com.payhub.crypto.RsaHash;
import com.payhub.crypto.Signer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;

/**
 * Signs acp 5.1.0 messages like {@code AcpService.sign}: filter blanks, set {@code signMethod} (and
 * for certificate methods {@code certId}), build the string to sign, add {@code signature}. The
 * caller's map is never modified; the result is a new, unmodifiable, sorted map. Thread-safe.
 * Nothing here logs: keys, secure keys, strings to sign and signatures stay out of logs.
 */
public final class UnionPaySigner {

  /** The only acp version whose certificate signing this implements (5.0.0 used SHA-1). */
  static final String ACP_VERSION = "5.1.0";

  private final UnionPaySignMethod method;
  private final Signer keySigner;
  private final X509Certificate certificate;
  private final String secureKey;
  private final boolean embedCertificate;

  private UnionPaySigner(
      UnionPaySignMethod method,
      Signer keySigner,
      X509Certificate certificate,
      String secureKey,
      boolean embedCertificate) {
    this.method = method;
    this.keySigner = keySigner;
    this.certificate = certificate;
    this.secureKey = secureKey;
    this.embedCertificate = embedCertificate;
  }

  /** signMethod 01 with the merchant's signing key and its certificate (for {@code certId}). */
  public static UnionPaySigner rsa(PrivateKey key, X509Certificate certificate) {
    requireKeyAndCertificate(key, certificate, "RSA");
    return new UnionPaySigner(
        UnionPaySignMethod.RSA, JcaSigner.rsa(RsaHash.SHA256, key), certificate, null, false);
  }

  /** signMethod 21 (GM SDK extension): SM2 key; the user id is the certificate's certId. */
  public static UnionPaySigner sm2(PrivateKey key, X509Certificate certificate) {
    requireKeyAndCertificate(key, certificate, "EC");
    byte[] userId = UnionPayCertificates.certId(certificate).getBytes(StandardCharsets.US_ASCII);
    return new UnionPaySigner(
        UnionPaySignMethod.SM2, JcaSigner.sm2(key, userId), certificate, null, false);
  }

  /** signMethod 11 ({@link UnionPaySignMethod#SHA256}) or 12 ({@link UnionPaySignMethod#SM3}). */
  public static UnionPaySigner secureKey(UnionPaySignMethod method, String secureKey) {
    if (method == null || method.usesCertificate()) {
      throw new IllegalArgumentException(
          "a secure key signs with signMethod 11 or 12, not " + method);
    }
    if (secureKey == null || secureKey.isBlank()) {
      throw new IllegalArgumentException("the UnionPay secure key is not configured");
    }
    return new UnionPaySigner(method, null, null, secureKey, false);
  }

  /**
   * The same signer that also puts its certificate into {@code signPubKeyCert} before signing, as
   * UnionPay does in responses and notifications (the sandbox answering as UnionPay needs this).
   */
  public UnionPaySigner embeddingCertificate() {
    if (!method.usesCertificate()) {
      throw new IllegalStateException("signMethod " + method.code() + " has no certificate");
    }
    return new UnionPaySigner(method, keySigner, certificate, secureKey, true);
  }

  public UnionPaySignMethod method() {
    return method;
  }

  /** The decimal {@code certId} this signer sets, or null for secure-key methods. */
  public String certId() {
    return certificate == null ? null : UnionPayCertificates.certId(certificate);
  }

  /**
   * The signed copy of {@code fields}.
   *
   * @throws IllegalArgumentException when a certificate method signs a version other than 5.1.0, or
   *     {@code encoding} names an unknown charset
   */
  public SortedMap<String, String> sign(Map<String, String> fields) {
    SortedMap<String, String> data = UnionPaySignContent.filterBlank(fields);
    data.put(SIGN_METHOD, method.code());
    if (method.usesCertificate()) {
      if (!ACP_VERSION.equals(data.get(VERSION))) {
        throw new IllegalArgumentException(
            "signMethod "
                + method.code()
                + " is implemented for version "
                + ACP_VERSION
                + " only, not '"
                + data.get(VERSION)
                + "'");
      }
      data.put(CERT_ID, certId());
      if (embedCertificate) {
        data.put(SIGN_PUB_KEY_CERT, UnionPayCertificates.toPem(certificate));
      }
    }
    Charset charset = UnionPaySignContent.charset(data);
    data.put(SIGNATURE, signature(UnionPaySignContent.join(data), charset));
    return Collections.unmodifiableSortedMap(data);
  }

  private String signature(String content, Charset charset) {
    return switch (method) {
      case SHA256, SM3 -> method.keyed(content, secureKey, charset);
      case RSA -> base64(keySigner.sign(hexBytes(content, charset)));
      case SM2 -> base64(Sm2PlainSignature.fromDer(keySigner.sign(hexBytes(content, charset))));
    };
  }

  /** The double hash: what is signed is the ASCII text of the lowercase hex digest. */
  private byte[] hexBytes(String content, Charset charset) {
    return method.hex(content, charset).getBytes(StandardCharsets.US_ASCII);
  }

  private static String base64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  private static void requireKeyAndCertificate(
      PrivateKey key, X509Certificate certificate, String algorithm) {
    Objects.requireNonNull(key, "the UnionPay signing key is not configured");
    Objects.requireNonNull(certificate, "the UnionPay signing certificate is not configured");
    if (!algorithm.equals(key.getAlgorithm())
        && !(algorithm.equals("EC") && key.getAlgorithm().equals("SM2"))) {
      throw new IllegalArgumentException(
          "expected a " + algorithm + " signing key, got " + key.getAlgorithm());
    }
  }
}
