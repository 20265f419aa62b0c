package com.payhub.channel.unionpay;

import com.payhub.channel.unionpay.UnionPaySignatureException.Reason;
import com.payhub.crypto.Digests;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Checks a request a merchant signed, the way UnionPay's gateway does: signMethod 01 and 21 with
 * the merchant certificate its {@code certId} (decimal serial) names, 11 and 12 with its secure
 * key. Unlike {@link UnionPayVerifier} (UnionPay's own messages), no certificate travels in the
 * message.
 */
public final class UnionPayRequestVerifier {

  private final Function<String, Optional<PublicKey>> keysByCertId;
  private final String secureKey;

  public UnionPayRequestVerifier(
      Function<String, Optional<PublicKey>> keysByCertId, String secureKey) {
    this.keysByCertId = keysByCertId;
    this.secureKey = secureKey;
  }

  /**
   * @throws UnionPaySignatureException with the reason the request is refused
   */
  public UnionPaySignMethod verify(Map<String, String> fields) {
    String signature = fields.get(UnionPaySignContent.SIGNATURE);
    if (signature == null || signature.isBlank()) {
      throw new UnionPaySignatureException(Reason.MISSING_SIGNATURE, "no signature field");
    }
    UnionPaySignMethod method =
        UnionPaySignMethod.fromCode(fields.get(UnionPaySignContent.SIGN_METHOD))
            .orElseThrow(
                () ->
                    new UnionPaySignatureException(
                        Reason.UNSUPPORTED_SIGN_METHOD, "signMethod is not supported"));
    Charset charset;
    try {
      charset = UnionPaySignContent.charset(fields);
    } catch (IllegalArgumentException e) {
      throw new UnionPaySignatureException(Reason.UNSUPPORTED_SIGN_METHOD, e.getMessage(), e);
    }
    String content = UnionPaySignContent.of(fields);
    boolean valid =
        method.usesCertificate()
            ? certificateSignatureValid(method, fields, content, signature.trim(), charset)
            : secureKey != null
                && Digests.constantTimeEquals(
                    method.keyed(content, secureKey, charset).getBytes(StandardCharsets.US_ASCII),
                    signature.trim().getBytes(StandardCharsets.US_ASCII));
    if (!valid) {
      throw new UnionPaySignatureException(Reason.SIGNATURE_INVALID, "signature does not verify");
    }
    return method;
  }

  private boolean certificateSignatureValid(
      UnionPaySignMethod method,
      Map<String, String> fields,
      String content,
      String signature,
      Charset charset) {
    String certId = fields.get(UnionPaySignContent.CERT_ID);
    PublicKey key =
        certId == null
            ? null
            : keysByCertId
                .apply(certId.trim())
                .orElseThrow(
                    () ->
                        new UnionPaySignatureException(
                            Reason.SIGNATURE_INVALID,
                            "certId names no certificate of this merchant"));
    if (key == null) {
      throw new UnionPaySignatureException(Reason.SIGNATURE_INVALID, "no certId");
    }
    return UnionPayCertSignature.verifies(method, key, certId.trim(), content, signature, charset);
  }
}
