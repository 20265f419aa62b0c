package com.payhub.channel.alipay;

import com.payhub.channel.alipay.AlipaySignatureException.Reason;
import com.payhub.crypto.Verifier;
import java.nio.charset.Charset;
import java.util.Base64;

/** The step shared by notifications and responses: base64 {@code sign} against text's bytes. */
final class AlipaySignatureCheck {

  private AlipaySignatureCheck() {}

  /**
   * Decodes {@code sign} strictly (RFC 4648 alphabet with padding; the SDK's decoder silently skips
   * foreign characters, which only ever turns a valid signature into a failing one).
   */
  static byte[] decodeSign(String sign) {
    if (AlipaySignContent.isEmpty(sign)) {
      throw new AlipaySignatureException(Reason.MISSING_SIGN, "the message carries no sign");
    }
    try {
      return Base64.getDecoder().decode(sign);
    } catch (IllegalArgumentException e) {
      throw new AlipaySignatureException(Reason.MALFORMED_SIGN, "sign is not base64", e);
    }
  }

  /**
   * Text to bytes as the SDK does ({@link String#getBytes(Charset)}); a character the charset
   * cannot hold becomes '?', which is what Alipay signed if it sent that text in that charset.
   */
  static boolean verifies(Verifier verifier, String text, Charset charset, byte[] signature) {
    return verifier.verify(text.getBytes(charset), signature);
  }

  static AlipaySignatureException mismatch(String what) {
    return new AlipaySignatureException(
        Reason.SIGNATURE_MISMATCH, "the signature does not verify over the " + what);
  }
}
