package com.payhub.sandbox.wechatpay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.payhub.channel.wechatpay.WechatPayNotification;
import com.payhub.channel.wechatpay.WechatPayResourceCipher;
import com.payhub.sandbox.SandboxConfig;
import com.payhub.sandbox.SandboxNotifier;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Sends the sandbox WeChat Pay's notifications as WeChat does: the event JSON with its resource
 * encrypted under the API v3 key (AEAD_AES_256_GCM), POSTed to the notify_url of the request,
 * signed with the platform key in {@code Wechatpay-*} headers (signed anew on every resend, same
 * id), resent until the answer is 200 or 204.
 */
@Component
@ConditionalOnProperty(name = SandboxConfig.ENABLED, havingValue = "true", matchIfMissing = true)
public class WechatPaySandboxNotifications {

  /** Delivery keys start with this, then the order number (see {@link SandboxNotifier}). */
  public static final String KEY_PREFIX = "wechatpay:";

  private final SandboxNotifier notifier;
  private final WechatPaySandboxKeys keys;
  private final ObjectMapper json;

  public WechatPaySandboxNotifications(
      SandboxNotifier notifier, WechatPaySandboxKeys keys, ObjectMapper json) {
    this.notifier = notifier;
    this.keys = keys;
    this.json = json;
  }

  /**
   * Sends one notification, {@code copies} times (a channel's duplicate is the same notification,
   * same id, delivered again).
   *
   * @param kind {@code transaction} or {@code refund}: the resource's original_type and AAD
   */
  void send(
      String notifyUrl,
      String eventType,
      String summary,
      String kind,
      ObjectNode resource,
      String key,
      int copies)
      throws JsonProcessingException {
    byte[] body = envelope(eventType, summary, kind, resource);
    URI target = URI.create(notifyUrl);
    for (int i = 0; i < copies; i++) {
      notifier.send(
          KEY_PREFIX + key,
          "wechatpay",
          () -> signed(target, body),
          response -> response.statusCode() == 200 || response.statusCode() == 204);
    }
  }

  private byte[] envelope(String eventType, String summary, String kind, ObjectNode resource)
      throws JsonProcessingException {
    WechatPayNotification.Resource sealed =
        new WechatPayResourceCipher(keys.apiV3Key())
            .encrypt(
                kind, kind, WechatPaySandboxTrade.digits("", 12), json.writeValueAsBytes(resource));
    ObjectNode n = json.createObjectNode();
    n.put("id", UUID.randomUUID().toString());
    n.put("create_time", WechatPaySandboxTrade.now());
    n.put("resource_type", "encrypt-resource");
    n.put("event_type", eventType);
    n.put("summary", summary);
    ObjectNode r = n.putObject("resource");
    r.put("original_type", sealed.originalType());
    r.put("algorithm", sealed.algorithm());
    r.put("ciphertext", sealed.ciphertext());
    r.put("associated_data", sealed.associatedData());
    r.put("nonce", sealed.nonce());
    return json.writeValueAsBytes(n);
  }

  private HttpRequest signed(URI target, byte[] body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(target)
            .timeout(Duration.ofSeconds(5))
            .header("Content-Type", "application/json")
            .header("User-Agent", "Mozilla/4.0 (PayHub sandbox WeChat Pay)")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    for (Map.Entry<String, String> h : keys.platformSigner().sign(body).entrySet()) {
      request.header(h.getKey(), h.getValue());
    }
    return request.build();
  }
}
