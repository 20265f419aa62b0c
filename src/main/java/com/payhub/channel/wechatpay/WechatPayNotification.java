package com.payhub.channel.wechatpay;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A WeChat Pay v3 notification envelope. The payment itself sits encrypted in {@link #resource()};
 * read it through {@link #verifyAndDecrypt}, which checks the signature over the raw body first.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record WechatPayNotification(
    String id,
    @JsonProperty("create_time") String createTime,
    @JsonProperty("event_type") String eventType,
    @JsonProperty("resource_type") String resourceType,
    String summary,
    Resource resource) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The encrypted part; {@code associated_data} may be absent (then the AAD is empty). */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Resource(
      String algorithm,
      String ciphertext,
      @JsonProperty("associated_data") String associatedData,
      String nonce,
      @JsonProperty("original_type") String originalType) {}

  /** A notification whose signature verified, with its decrypted resource. */
  public record Verified(WechatPayNotification notification, String plaintext, String serial) {}

  /**
   * Parses the envelope without checking anything cryptographic.
   *
   * @throws WechatPayMalformedMessageException when the JSON is broken or a required field absent
   */
  public static WechatPayNotification parse(byte[] rawBody) {
    WechatPayNotification n;
    try {
      n = JSON.readValue(rawBody, WechatPayNotification.class);
    } catch (IOException e) {
      throw new WechatPayMalformedMessageException(
          "notification is not the expected JSON: " + e.getClass().getSimpleName(), e);
    }
    if (n == null || blank(n.id()) || blank(n.eventType()) || n.resource() == null) {
      throw new WechatPayMalformedMessageException("notification lacks id, event_type or resource");
    }
    Resource r = n.resource();
    if (blank(r.algorithm()) || blank(r.ciphertext()) || blank(r.nonce())) {
      throw new WechatPayMalformedMessageException(
          "notification resource lacks algorithm, ciphertext or nonce");
    }
    return n;
  }

  /**
   * The one safe way in: verifies the signature over the raw body, then parses and decrypts.
   *
   * @throws WechatPaySignatureException when the signature is refused (nothing is decrypted)
   * @throws WechatPayMalformedMessageException when the body cannot be read
   * @throws com.payhub.crypto.DecryptionFailedException when the resource does not authenticate
   */
  public static Verified verifyAndDecrypt(
      WechatPaySignatureVerifier verifier,
      Map<String, ?> headers,
      byte[] rawBody,
      WechatPayResourceCipher cipher) {
    String serial = verifier.verify(headers, rawBody);
    WechatPayNotification notification = parse(rawBody);
    return new Verified(notification, notification.decryptResource(cipher), serial);
  }

  /**
   * Decrypts the resource to its JSON text. The CALLER MUST HAVE VERIFIED the signature over the
   * raw body first ({@link WechatPaySignatureVerifier}); prefer {@link #verifyAndDecrypt}.
   */
  public String decryptResource(WechatPayResourceCipher cipher) {
    return new String(cipher.decrypt(resource), StandardCharsets.UTF_8);
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
