package com.payhub.channel.unionpay;

import com.payhub.crypto.Digests;
import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The acp {@code signMethod} values PayHub implements. {@code 01} and {@code 11}/{@code 12} are acp
 * 5.1.0; {@code 21} (SM2) comes from UnionPay's separate national-crypto ("GM") SDK and is an
 * extension here.
 */
public enum UnionPaySignMethod {
  /** SHA256withRSA over the lowercase SHA-256 hex of the string to sign, with the signing cert. */
  RSA("01", Digests::sha256),
  /** Lowercase hex SHA-256(string + "&" + hex SHA-256(secureKey)), no certificate. */
  SHA256("11", Digests::sha256),
  /** Lowercase hex SM3(string + "&" + hex SM3(secureKey)), no certificate. */
  SM3("12", Digests::sm3),
  /** SM3withSM2 (r||s, 64 bytes) over the lowercase SM3 hex, user id = certId (GM SDK). */
  SM2("21", Digests::sm3);

  private final String code;
  private final UnaryOperator<byte[]> hash;

  UnionPaySignMethod(String code, UnaryOperator<byte[]> hash) {
    this.code = code;
    this.hash = hash;
  }

  /** The wire value of {@code signMethod}. */
  public String code() {
    return code;
  }

  /** True for the methods that sign with a certificate's key and carry a {@code certId}. */
  public boolean usesCertificate() {
    return this == RSA || this == SM2;
  }

  public static Optional<UnionPaySignMethod> fromCode(String code) {
    String trimmed = code == null ? null : code.trim();
    return Arrays.stream(values()).filter(m -> m.code.equals(trimmed)).findFirst();
  }

  /**
   * Lowercase hex of this method's hash over {@code text} in {@code charset} (acp sha256X16Str).
   */
  String hex(String text, Charset charset) {
    return Digests.lowerHex(hash.apply(text.getBytes(charset)));
  }

  /** The secure-key signature of methods 11 and 12: H(content + "&" + hex(H(secureKey))). */
  String keyed(String content, String secureKey, Charset charset) {
    return hex(content + "&" + hex(secureKey, charset), charset);
  }
}
