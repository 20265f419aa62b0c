package com.payhub.channel.unionpay;

import com.payhub.crypto.JcaVerifier;
import com.payhub.crypto.RsaHash;
import com.payhub.crypto.Verifier;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.Base64;

/**
 * The last step of signMethod 01 and 21, shared by UnionPay's messages and merchants' requests: the
 * signature over the hex digest of the content, with a key already chosen and trusted.
 */
final class UnionPayCertSignature {

  private UnionPayCertSignature() {}

  /**
   * @param certId the signer's certificate id (SM2's user id)
   * @return true only for a valid signature; a key that cannot make this method's signatures, or a
   *     signature that is not base64, is false
   */
  static boolean verifies(
      UnionPaySignMethod method,
      PublicKey key,
      String certId,
      String content,
      String signature,
      Charset charset) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(signature);
    } catch (IllegalArgumentException e) {
      return false;
    }
    if (!(method == UnionPaySignMethod.RSA ? "RSA" : "EC").equals(key.getAlgorithm())) {
      return false;
    }
    Verifier verifier;
    if (method == UnionPaySignMethod.RSA) {
      verifier = JcaVerifier.rsa(RsaHash.SHA256, key);
    } else {
      verifier = JcaVerifier.sm2(key, certId.getBytes(StandardCharsets.US_ASCII));
      bytes = Sm2PlainSignature.toDer(bytes);
    }
    byte[] signed = method.hex(content, charset).getBytes(StandardCharsets.US_ASCII);
    return bytes != null && verifier.verify(signed, bytes);
  }
}
