package com.payhub.channel.unionpay;

import static com.payhub.channel.unionpay.UnionPaySignContent.SIGNATURE;
import static com.payhub.channel.unionpay.UnionPaySignContent.SIGN_METHOD;
import static com.payhub.channel.unionpay.UnionPaySignContent.SIGN_PUB_KEY_CERT;
import static com.payhub.channel.unionpay.UnionPaySignContent.VERSION;
import static com.payhub.channel.unionpay.UnionPaySignatureException.Reason.MISSING_SIGNATURE;
import static com.payhub.channel.unionpay.UnionPaySignatureException.Reason.SIGNATURE_INVALID;
import static com.payhub.channel.unionpay.UnionPaySignatureException.Reason.UNSUPPORTED_SIGN_METHOD;

import com.payhub.crypto.Digests;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks the signature of a received acp 5.1.0 message (response or backUrl notification), given
 * its fields decoded exactly once. Certificate methods (01, 21) take the key from {@code
 * signPubKeyCert} after {@link UnionPayCertificateCheck}; secure-key methods (11, 12) recompute and
 * compare in constant time. Every refusal is a {@link UnionPaySignatureException}; the caller's map
 * is not modified. Thread-safe. Logs name the reason and certId only, never signatures or content.
 */
public final class UnionPayVerifier {

  private static final Logger log = LoggerFactory.getLogger(UnionPayVerifier.class);

  private final UnionPayCertificateCheck certificates;
  private final String secureKey;

  /**
   * @param secureKey the merchant's acp secure key for signMethod 11/12, or null when only
   *     certificate methods are accepted
   */
  public UnionPayVerifier(UnionPayTrust trust, Clock clock, String secureKey) {
    this.certificates =
        new UnionPayCertificateCheck(
            Objects.requireNonNull(
                trust, "UnionPay trust (root, middle, owners) is not configured"),
            Objects.requireNonNull(clock, "clock"));
    this.secureKey = secureKey == null || secureKey.isBlank() ? null : secureKey;
  }

  /**
   * Returns the sign method that verified; throws when the message must be refused.
   *
   * @throws UnionPaySignatureException with the reason for the refusal
   */
  public UnionPaySignMethod verify(Map<String, String> fields) {
    try {
      return check(fields);
    } catch (UnionPaySignatureException e) {
      log.info("UnionPay signature refused: {}", e.getMessage());
      throw e;
    }
  }

  private UnionPaySignMethod check(Map<String, String> fields) {
    String signature = fields.get(SIGNATURE);
    if (signature == null || signature.isBlank()) {
      throw new UnionPaySignatureException(MISSING_SIGNATURE, "no signature field");
    }
    UnionPaySignMethod method =
        UnionPaySignMethod.fromCode(fields.get(SIGN_METHOD))
            .orElseThrow(
                () ->
                    new UnionPaySignatureException(
                        UNSUPPORTED_SIGN_METHOD,
                        "signMethod '" + fields.get(SIGN_METHOD) + "' is not supported"));
    Charset charset;
    try {
      charset = UnionPaySignContent.charset(fields);
    } catch (IllegalArgumentException e) {
      throw new UnionPaySignatureException(UNSUPPORTED_SIGN_METHOD, e.getMessage(), e);
    }
    String content = UnionPaySignContent.of(fields);
    boolean valid =
        method.usesCertificate()
            ? certificateSignatureValid(method, fields, content, signature.trim(), charset)
            : keyedSignatureValid(method, content, signature.trim(), charset);
    if (!valid) {
      throw new UnionPaySignatureException(
          SIGNATURE_INVALID, "signMethod " + method.code() + " signature does not match");
    }
    return method;
  }

  private boolean certificateSignatureValid(
      UnionPaySignMethod method,
      Map<String, String> fields,
      String content,
      String signature,
      Charset charset) {
    String version = fields.get(VERSION);
    if (version == null || !UnionPaySigner.ACP_VERSION.equals(version.trim())) {
      throw new UnionPaySignatureException(
          UNSUPPORTED_SIGN_METHOD,
          "signMethod "
              + method.code()
              + " is verified for version 5.1.0 only, not '"
              + version
              + "'");
    }
    X509Certificate cert = certificates.check(fields.get(SIGN_PUB_KEY_CERT));
    return UnionPayCertSignature.verifies(
        method,
        cert.getPublicKey(),
        UnionPayCertificates.certId(cert),
        content,
        signature,
        charset);
  }

  private boolean keyedSignatureValid(
      UnionPaySignMethod method, String content, String signature, Charset charset) {
    if (secureKey == null) {
      throw new UnionPaySignatureException(
          UNSUPPORTED_SIGN_METHOD, "signMethod " + method.code() + " but no secure key configured");
    }
    String expected = method.keyed(content, secureKey, charset);
    return Digests.constantTimeEquals(
        expected.getBytes(StandardCharsets.US_ASCII),
        signature.getBytes(StandardCharsets.US_ASCII));
  }
}
