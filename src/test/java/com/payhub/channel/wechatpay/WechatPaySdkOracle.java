package com.payhub.channel.wechatpay;

import com.wechat.pay.java.core.auth.WechatPay2Credential;
import com.wechat.pay.java.core.certificate.InMemoryCertificateProvider;
import com.wechat.pay.java.core.cipher.AeadAesCipher;
import com.wechat.pay.java.core.cipher.RSASigner;
import com.wechat.pay.java.core.cipher.RSAVerifier;
import com.wechat.pay.java.core.cipher.SignatureResult;
import com.wechat.pay.java.core.cipher.Signer;
import com.wechat.pay.java.core.util.PemUtil;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * wechatpay-java-core 0.2.17 as the judge of what the hub and its sandbox put on the wire, working
 * from the sandbox key files only (never from PayHub's signing classes).
 */
public final class WechatPaySdkOracle {

  private static final Pattern PAIR = Pattern.compile("([a-z_]+)=\"([^\"]*)\"");

  private final Path keys;

  /**
   * @param sandboxKeys the sandbox key folder ({@code <data-dir>/keys/sandbox})
   */
  public WechatPaySdkOracle(Path sandboxKeys) {
    this.keys = sandboxKeys;
  }

  public X509Certificate merchantCertificate() {
    return PemUtil.loadX509FromPath(keys.resolve("wechatpay-merchant-cert.pem").toString());
  }

  public X509Certificate platformCertificate() {
    return PemUtil.loadX509FromPath(keys.resolve("wechatpay-platform-cert.pem").toString());
  }

  public PrivateKey platformKey() {
    return PemUtil.loadPrivateKeyFromPath(keys.resolve("wechatpay-platform-key.pem").toString());
  }

  public String apiV3Key() {
    try {
      return Files.readString(keys.resolve("wechatpay-apiv3.secret"), StandardCharsets.US_ASCII)
          .trim();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The fields of an Authorization header value, read by a regex of this test's own. */
  public static Map<String, String> authorizationFields(String header) {
    if (header == null || !header.startsWith(WechatPay2Credential.SCHEMA_PREFIX)) {
      throw new AssertionError("not a WECHATPAY2-SHA256-RSA2048 header: " + header);
    }
    Map<String, String> fields = new LinkedHashMap<>();
    Matcher m = PAIR.matcher(header);
    while (m.find()) {
      fields.put(m.group(1), m.group(2));
    }
    return fields;
  }

  /**
   * The string the SDK itself would sign for this request ({@code WechatPay2Credential} builds it;
   * a capturing signer takes it), with the request's own timestamp and nonce put in its place.
   */
  public static String sdkMessage(
      String method, URI uri, String body, String timestamp, String nonce) {
    AtomicReference<String> captured = new AtomicReference<>();
    Signer capture =
        new Signer() {
          @Override
          public SignatureResult sign(String message) {
            captured.set(message);
            return new SignatureResult("x", "0");
          }

          @Override
          public String getAlgorithm() {
            return "SHA256-RSA2048";
          }
        };
    new WechatPay2Credential("0", capture).getAuthorization(uri, method, body);
    List<String> lines = new java.util.ArrayList<>(List.of(captured.get().split("\n", -1)));
    lines.set(2, timestamp); // METHOD, URL, TIMESTAMP, NONCE, BODY, ""
    lines.set(3, nonce);
    return String.join("\n", lines);
  }

  /** Whether the SDK's RSAVerifier accepts the header with the merchant certificate. */
  public boolean authorizationVerifies(String method, URI uri, String body, String header) {
    Map<String, String> f = authorizationFields(header);
    String message = sdkMessage(method, uri, body, f.get("timestamp"), f.get("nonce_str"));
    RSAVerifier verifier =
        new RSAVerifier(new InMemoryCertificateProvider(List.of(merchantCertificate())));
    return verifier.verify(f.get("serial_no"), message, f.get("signature"));
  }

  /** Signs a notification body as WeChat does, with the SDK's signer and the platform key. */
  public Map<String, String> signNotification(String body, String timestamp, String nonce) {
    String serial = PemUtil.getSerialNumber(platformCertificate());
    String signature =
        new RSASigner(serial, platformKey())
            .sign(timestamp + "\n" + nonce + "\n" + body + "\n")
            .getSign();
    return Map.of(
        "Wechatpay-Timestamp", timestamp,
        "Wechatpay-Nonce", nonce,
        "Wechatpay-Signature", signature,
        "Wechatpay-Serial", serial,
        "Wechatpay-Signature-Type", "WECHATPAY2-SHA256-RSA2048");
  }

  /** A notification envelope whose resource the SDK's AeadAesCipher encrypted. */
  public String notification(String id, String eventType, String kind, String resourceJson) {
    String nonce = java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    String ciphertext =
        new AeadAesCipher(apiV3Key().getBytes(StandardCharsets.UTF_8))
            .encrypt(
                kind.getBytes(StandardCharsets.UTF_8),
                nonce.getBytes(StandardCharsets.UTF_8),
                resourceJson.getBytes(StandardCharsets.UTF_8));
    return "{\"id\":\""
        + id
        + "\",\"create_time\":\"2026-11-26T12:00:00+08:00\",\"resource_type\":\"encrypt-resource\","
        + "\"event_type\":\""
        + eventType
        + "\",\"summary\":\"支付成功\",\"resource\":{\"original_type\":\""
        + kind
        + "\",\"algorithm\":\"AEAD_AES_256_GCM\",\"ciphertext\":\""
        + ciphertext
        + "\",\"associated_data\":\""
        + kind
        + "\",\"nonce\":\""
        + nonce
        + "\"}}";
  }
}
