package com.payhub.channel.wechatpay;

import com.payhub.crypto.AesGcmCipher;
import com.payhub.crypto.DecryptionFailedException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * AEAD_AES_256_GCM as WeChat Pay uses it for notification resources: key = the 32-byte API v3 key,
 * IV = the nonce's UTF-8 bytes, AAD = {@code associated_data}'s UTF-8 bytes (absent = empty),
 * 128-bit tag appended to the base64-decoded ciphertext.
 */
public final class WechatPayResourceCipher {

  public static final String ALGORITHM = "AEAD_AES_256_GCM";
  private static final int API_V3_KEY_BYTES = 32;

  private final AesGcmCipher aes;

  public WechatPayResourceCipher(byte[] apiV3Key) {
    if (apiV3Key == null || apiV3Key.length != API_V3_KEY_BYTES) {
      throw new IllegalArgumentException("the WeChat Pay API v3 key is 32 bytes");
    }
    this.aes = new AesGcmCipher(apiV3Key);
  }

  /** The API v3 key as set in the merchant platform: 32 ASCII characters. */
  public static WechatPayResourceCipher ofApiV3Key(String apiV3Key) {
    if (apiV3Key == null) {
      throw new IllegalArgumentException("the WeChat Pay API v3 key is required");
    }
    return new WechatPayResourceCipher(apiV3Key.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * @throws WechatPayUnsupportedAlgorithmException for any algorithm but AEAD_AES_256_GCM
   * @throws DecryptionFailedException when the ciphertext is not base64 or does not authenticate
   */
  public byte[] decrypt(WechatPayNotification.Resource resource) {
    if (!ALGORITHM.equals(resource.algorithm())) {
      throw new WechatPayUnsupportedAlgorithmException(resource.algorithm());
    }
    if (resource.nonce() == null || resource.nonce().isEmpty() || resource.ciphertext() == null) {
      throw new WechatPayMalformedMessageException("resource lacks nonce or ciphertext");
    }
    byte[] sealed;
    try {
      sealed = Base64.getDecoder().decode(resource.ciphertext());
    } catch (IllegalArgumentException e) {
      throw new DecryptionFailedException("resource ciphertext is not base64", e);
    }
    return aes.decrypt(utf8(resource.nonce()), utf8(resource.associatedData()), sealed);
  }

  /** WeChat's side, for the sandbox and tests: encrypts a plaintext into a resource. */
  public WechatPayNotification.Resource encrypt(
      String originalType, String associatedData, String nonce, byte[] plaintext) {
    if (nonce == null || nonce.isEmpty()) {
      throw new IllegalArgumentException("a resource needs a nonce");
    }
    byte[] sealed = aes.encrypt(utf8(nonce), utf8(associatedData), plaintext);
    return new WechatPayNotification.Resource(
        ALGORITHM, Base64.getEncoder().encodeToString(sealed), associatedData, nonce, originalType);
  }

  private static byte[] utf8(String s) {
    return s == null ? new byte[0] : s.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "WechatPayResourceCipher[" + ALGORITHM + "]";
  }
}
