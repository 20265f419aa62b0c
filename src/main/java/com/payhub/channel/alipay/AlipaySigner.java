package com.payhub.channel.alipay;

import com.payhub.crypto.Signer;
import java.nio.charset.Charset;
import java.security.PrivateKey;
import java.util.Base64;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Signs gateway requests: {@link AlipaySignContent#forRequest} in the bytes of the request's {@code
 * charset} (UTF-8 when absent), with the algorithm of the signer's {@link AlipaySignType}, base64
 * into {@code sign}. Thread-safe.
 */
public final class AlipaySigner {

  private final AlipaySignType signType;
  private final Signer signer;

  public AlipaySigner(AlipaySignType signType, PrivateKey privateKey) {
    this.signType = Objects.requireNonNull(signType, "signType");
    this.signer = signType.signer(Objects.requireNonNull(privateKey, "privateKey"));
  }

  public AlipaySignType signType() {
    return signType;
  }

  /**
   * The base64 {@code sign} over {@code params} as given.
   *
   * @throws IllegalArgumentException when {@code sign_type} names another algorithm, the charset is
   *     unknown or cannot encode a value, or nothing is left to sign
   */
  public String sign(Map<String, String> params) {
    String declared = params.get("sign_type");
    if (declared != null && !declared.equals(signType.wireName())) {
      throw new IllegalArgumentException(
          "sign_type '" + declared + "' does not match this " + signType + " signer");
    }
    String content = AlipaySignContent.forRequest(params);
    if (AlipaySignContent.isEmpty(content)) {
      throw new IllegalArgumentException("the request has no non-empty parameter to sign");
    }
    Charset charset = AlipayCharsets.require(params.get("charset"));
    return Base64.getEncoder()
        .encodeToString(signer.sign(AlipayCharsets.encodeStrict(content, charset)));
  }

  /**
   * A sorted copy of {@code params} with {@code sign_type} (added when absent, before signing, so
   * it is signed) and {@code sign}. The caller's map is left as it was.
   */
  public Map<String, String> signedParams(Map<String, String> params) {
    Map<String, String> signed = new TreeMap<>(params);
    signed.remove("sign");
    signed.putIfAbsent("sign_type", signType.wireName());
    signed.put("sign", sign(signed));
    return Collections.unmodifiableMap(signed);
  }

  /** {@link #signedParams} as the URL-encoded query for the gateway; see {@link AlipayQuery}. */
  public String signedQuery(Map<String, String> params) {
    return AlipayQuery.encode(signedParams(params));
  }
}
