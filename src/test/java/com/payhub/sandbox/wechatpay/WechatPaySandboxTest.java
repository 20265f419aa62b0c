package com.payhub.sandbox.wechatpay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.gson.JsonObject;
import com.payhub.crypto.SandboxKeys;
import com.payhub.sandbox.SandboxNotifier;
import com.payhub.sandbox.SandboxProperties;
import com.sun.net.httpserver.HttpServer;
import com.wechat.pay.java.core.notification.NotificationParser;
import com.wechat.pay.java.core.notification.RSANotificationConfig;
import com.wechat.pay.java.core.notification.RequestParam;
import com.wechat.pay.java.core.util.PemUtil;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sandbox WeChat Pay's notifications, caught on a loopback endpoint and judged by
 * wechatpay-java-core's NotificationParser (signature with the platform certificate, AEAD with the
 * API v3 key, both read from the sandbox key files), and resent, re-signed, until acknowledged.
 */
class WechatPaySandboxTest {

  record Caught(Map<String, String> headers, String body) {}

  @TempDir Path dir;
  private final List<Caught> caught = new CopyOnWriteArrayList<>();
  private final AtomicInteger refuseFirst = new AtomicInteger();
  private HttpServer hub;
  private SandboxNotifier notifier;
  private SandboxKeys keys;
  private WechatPaySandboxNotifications notifications;

  @BeforeEach
  void start() throws IOException {
    hub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    hub.createContext(
        "/notify/wechatpay",
        exchange -> {
          Map<String, String> headers = new java.util.HashMap<>();
          exchange.getRequestHeaders().forEach((k, v) -> headers.put(k, v.get(0)));
          caught.add(
              new Caught(
                  headers,
                  new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
          int status = refuseFirst.getAndDecrement() > 0 ? 500 : 204;
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    hub.start();
    notifier =
        new SandboxNotifier(
            new SandboxProperties(
                true,
                Duration.ofMillis(10),
                List.of(Duration.ofMillis(20), Duration.ofMillis(20)),
                Duration.ZERO,
                Duration.ZERO,
                0));
    keys = new SandboxKeys(dir);
    WechatPaySandboxKeys sandboxKeys =
        new WechatPaySandboxKeys(keys, "wechatpay-merchant", "wechatpay-platform");
    notifications = new WechatPaySandboxNotifications(notifier, sandboxKeys, new ObjectMapper());
  }

  @AfterEach
  void stop() {
    notifier.close();
    hub.stop(0);
  }

  @Test
  void theSdkVerifiesAndDecryptsASandboxNotification() throws Exception {
    ObjectNode resource = new ObjectMapper().createObjectNode();
    resource.put("mchid", "1900000001").put("out_trade_no", "SDK-1").put("trade_state", "SUCCESS");
    resource.putObject("amount").put("total", 10000).put("currency", "CNY");

    notifications.send(url(), "TRANSACTION.SUCCESS", "支付成功", "transaction", resource, "SDK-1", 1);
    await().atMost(Duration.ofSeconds(5)).until(() -> caught.size() == 1);

    Caught c = caught.get(0);
    JsonObject plain = sdkParser().parse(param(c), JsonObject.class);
    assertThat(plain.get("out_trade_no").getAsString()).isEqualTo("SDK-1");
    assertThat(plain.get("trade_state").getAsString()).isEqualTo("SUCCESS");
    assertThat(plain.getAsJsonObject("amount").get("total").getAsLong()).isEqualTo(10000);
    JsonObject envelope = com.google.gson.JsonParser.parseString(c.body()).getAsJsonObject();
    assertThat(envelope.get("event_type").getAsString()).isEqualTo("TRANSACTION.SUCCESS");
    assertThat(envelope.get("resource_type").getAsString()).isEqualTo("encrypt-resource");
    assertThat(envelope.getAsJsonObject("resource").get("algorithm").getAsString())
        .isEqualTo("AEAD_AES_256_GCM");
    assertThat(header(c, "Wechatpay-Serial"))
        .isEqualTo(PemUtil.getSerialNumber(platformCertificate()));
  }

  @Test
  void anUnacknowledgedNotificationIsResentSignedAnewWithTheSameId() throws Exception {
    refuseFirst.set(1);
    ObjectNode resource = new ObjectMapper().createObjectNode().put("out_trade_no", "SDK-2");

    notifications.send(url(), "TRANSACTION.SUCCESS", "支付成功", "transaction", resource, "SDK-2", 1);
    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () -> notifier.deliveries(WechatPaySandboxNotifications.KEY_PREFIX + "SDK-2"),
            d -> d.size() == 1 && d.get(0).acknowledged());

    assertThat(caught).hasSize(2);
    assertThat(caught.get(1).body()).isEqualTo(caught.get(0).body()); // same id, same resource
    assertThat(header(caught.get(1), "Wechatpay-Nonce"))
        .isNotEqualTo(header(caught.get(0), "Wechatpay-Nonce"));
    for (Caught c : caught) {
      assertThat(sdkParser().parse(param(c), JsonObject.class).get("out_trade_no").getAsString())
          .isEqualTo("SDK-2");
    }
  }

  private NotificationParser sdkParser() throws IOException {
    String apiV3Key =
        Files.readString(dir.resolve("wechatpay-apiv3.secret"), StandardCharsets.US_ASCII).trim();
    return new NotificationParser(
        new RSANotificationConfig.Builder()
            .certificates(platformCertificate())
            .apiV3Key(apiV3Key)
            .build());
  }

  private java.security.cert.X509Certificate platformCertificate() {
    return PemUtil.loadX509FromPath(dir.resolve("wechatpay-platform-cert.pem").toString());
  }

  private static RequestParam param(Caught c) {
    return new RequestParam.Builder()
        .serialNumber(header(c, "Wechatpay-Serial"))
        .nonce(header(c, "Wechatpay-Nonce"))
        .signature(header(c, "Wechatpay-Signature"))
        .timestamp(header(c, "Wechatpay-Timestamp"))
        .signType(header(c, "Wechatpay-Signature-Type"))
        .body(c.body())
        .build();
  }

  private static String header(Caught c, String name) {
    return c.headers().entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase(name))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElse(null);
  }

  private String url() {
    return "http://127.0.0.1:" + hub.getAddress().getPort() + "/notify/wechatpay";
  }
}
