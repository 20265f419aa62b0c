package com.payhub.channel.alipay;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.payhub.channel.alipay.AlipaySignatureException.Reason;
import com.payhub.crypto.Verifier;
import java.nio.charset.Charset;
import java.security.PublicKey;
import java.util.Map;
import java.util.Objects;

/**
 * Verifies synchronous gateway responses such as {@code
 * {"alipay_trade_precreate_response":{...},"sign":"..."}}: the signed text is the raw value of the
 * {@code <method with . as _>_response} member (else {@code error_response}) exactly as received,
 * never a re-serialisation. The body is parsed and handed out only after the signature verified.
 * The sign type and charset are the client's own (a response does not declare them). Thread-safe.
 */
public final class AlipayResponseVerifier {

  private static final JsonMapper JSON =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();
  private static final String ERROR_RESPONSE = "error_response";

  private final Verifier verifier;
  private final Charset charset;

  public AlipayResponseVerifier(
      AlipaySignType signType, PublicKey alipayPublicKey, Charset charset) {
    this.verifier = signType.verifier(Objects.requireNonNull(alipayPublicKey, "alipayPublicKey"));
    this.charset = Objects.requireNonNull(charset, "charset");
  }

  /** The name of the member a method's response arrives in. */
  public static String responseMember(String method) {
    if (AlipaySignContent.isEmpty(method)) {
      throw new IllegalArgumentException("the method name is empty");
    }
    return method.replace('.', '_') + "_response";
  }

  /**
   * @param rawResponse the response body as received, decoded to text in the request's charset
   * @param method the request's {@code method}, e.g. {@code alipay.trade.precreate}
   * @throws AlipaySignatureException when the response cannot be trusted, including an unsigned
   *     {@code error_response} (which the SDK lets through)
   */
  public AlipayVerifiedResponse verify(String rawResponse, String method) {
    String name = responseMember(method);
    if (rawResponse == null) {
      throw new AlipaySignatureException(Reason.MALFORMED_RESPONSE, "there is no response text");
    }
    Map<String, AlipayRawJson.Span> members = AlipayRawJson.members(rawResponse);
    JsonNode document = parse(rawResponse);
    boolean error = false;
    AlipayRawJson.Span span = members.get(name);
    if (span == null) {
      name = ERROR_RESPONSE;
      error = true;
      span = members.get(ERROR_RESPONSE);
    }
    if (span == null) {
      throw new AlipaySignatureException(
          Reason.MISSING_RESPONSE_MEMBER,
          "the response has neither " + responseMember(method) + " nor " + ERROR_RESPONSE);
    }
    JsonNode sign = document.get("sign");
    if (sign != null && !sign.isNull() && !sign.isTextual()) {
      throw new AlipaySignatureException(Reason.MALFORMED_SIGN, "sign is not a JSON string");
    }
    byte[] signature = AlipaySignatureCheck.decodeSign(sign == null ? null : sign.textValue());
    if (!verifies(span.of(rawResponse), signature)) {
      throw AlipaySignatureCheck.mismatch(name + " text");
    }
    return new AlipayVerifiedResponse(name, error, document.get(name));
  }

  /**
   * As the SDK: when the raw text fails and holds {@code \/}, Alipay may have signed it with a
   * plain {@code /} (the same JSON string), so that one variant is tried too. Nothing else is
   * rewritten.
   */
  private boolean verifies(String signedText, byte[] signature) {
    if (AlipaySignatureCheck.verifies(verifier, signedText, charset, signature)) {
      return true;
    }
    return signedText.contains("\\/")
        && AlipaySignatureCheck.verifies(
            verifier, signedText.replace("\\/", "/"), charset, signature);
  }

  private static JsonNode parse(String rawResponse) {
    try {
      return JSON.readTree(rawResponse);
    } catch (JacksonException e) {
      throw new AlipaySignatureException(
          Reason.MALFORMED_RESPONSE, "the response is not valid JSON", e);
    }
  }
}
