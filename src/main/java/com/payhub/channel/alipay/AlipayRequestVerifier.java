package com.payhub.channel.alipay;

import com.payhub.channel.alipay.AlipaySignatureException.Reason;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Checks a request a merchant signed the way Alipay's gateway checks one: every parameter but
 * {@code sign} (so {@code sign_type} is signed), in the {@code charset} the request names. The key
 * is the merchant's, picked by {@code app_cert_sn} in certificate mode, else its current key.
 */
public final class AlipayRequestVerifier {

  private final Function<String, Optional<PublicKey>> keys;

  /**
   * @param keys finds the merchant's public key by certificate SN; called with null for the current
   *     key when the request carries no {@code app_cert_sn}
   */
  public AlipayRequestVerifier(Function<String, Optional<PublicKey>> keys) {
    this.keys = keys;
  }

  /**
   * @throws AlipaySignatureException with the reason the request is refused
   */
  public void verify(Map<String, String> params) {
    byte[] signature = AlipaySignatureCheck.decodeSign(params.get("sign"));
    AlipaySignType type =
        AlipaySignType.parse(params.get("sign_type"))
            .orElseThrow(
                () ->
                    new AlipaySignatureException(
                        Reason.UNSUPPORTED_SIGN_TYPE,
                        "sign_type '" + params.get("sign_type") + "' is not RSA2, RSA or SM2"));
    String charsetName = params.get("charset");
    var charset =
        AlipaySignContent.isEmpty(charsetName)
            ? Optional.of(StandardCharsets.UTF_8)
            : AlipayCharsets.resolve(charsetName);
    if (charset.isEmpty()) {
      throw new AlipaySignatureException(
          Reason.UNSUPPORTED_CHARSET, "charset '" + charsetName + "' is unknown");
    }
    String certSn = params.get("app_cert_sn");
    PublicKey key =
        keys.apply(AlipaySignContent.isEmpty(certSn) ? null : certSn)
            .orElseThrow(
                () ->
                    new AlipaySignatureException(
                        Reason.SIGNATURE_MISMATCH,
                        "no registered key for this merchant"
                            + (AlipaySignContent.isEmpty(certSn) ? "" : " with app_cert_sn")));
    String content = AlipaySignContent.forRequest(params);
    if (!AlipaySignatureCheck.verifies(type.verifier(key), content, charset.get(), signature)) {
      throw AlipaySignatureCheck.mismatch("request parameters");
    }
  }
}
