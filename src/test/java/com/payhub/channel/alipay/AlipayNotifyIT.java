package com.payhub.channel.alipay;

import static org.assertj.core.api.Assertions.assertThat;

import com.alipay.api.internal.util.AlipaySignature;
import com.payhub.EventTap;
import com.payhub.model.PaymentEvent;
import com.payhub.model.PaymentStatus;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /notify/alipay} with notifications signed here, the way Alipay signs them (checked by
 * the official SDK's {@code rsaCheckV1} before they are sent): the acknowledgement is byte-exact,
 * and every refusal answers {@code failure} and makes no event, shown against a positive control.
 */
class AlipayNotifyIT extends AlipayHubSupport {

  @org.springframework.beans.factory.annotation.Autowired
  com.payhub.sandbox.alipay.AlipaySandboxTrades sandboxTrades;

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Asia/Shanghai"));
  private final HttpClient http = HttpClient.newHttpClient();
  private String platformKey;
  private String platformPublicKey;

  @BeforeEach
  void keys() throws Exception {
    platformKey =
        Base64.getEncoder()
            .encodeToString(
                com.payhub.crypto.KeyFiles.privateKey("t", sandboxFile("alipay-platform-key.pem"))
                    .getEncoded());
    platformPublicKey =
        Base64.getEncoder()
            .encodeToString(
                com.payhub.crypto.KeyFiles.certificates(
                        "t", sandboxFile("alipay-platform-cert.pem"))
                    .get(0)
                    .getPublicKey()
                    .getEncoded());
  }

  @Test
  void refusalsAnswerFailureAndChangeNothingThenTheGenuineOneSucceedsOnce() throws Exception {
    String orderNo = orderNo("AN");
    try (EventTap tap = tapEvents()) {
      // .42: the sandbox buyer stays away (no queries), so the notifications below decide
      String paymentId = pay("http", orderNo, 10042);
      await(tap, paymentId, PaymentStatus.PENDING);
      Map<String, String> paid = tradeSuccess(orderNo, "100.42");
      paid.put("trade_no", sandboxTrades.view("2021000000000001", orderNo).orElseThrow().tradeNo());

      Map<String, String> tampered = signed(paid, StandardCharsets.UTF_8);
      tampered.put("total_amount", "0.01");
      assertFailure(post(tampered, StandardCharsets.UTF_8));

      Map<String, String> unsigned = new LinkedHashMap<>(paid);
      assertFailure(post(unsigned, StandardCharsets.UTF_8));

      Map<String, String> stale = new LinkedHashMap<>(paid);
      stale.put("notify_time", TIME.format(Instant.now().minus(Duration.ofHours(27))));
      assertFailure(post(signed(stale, StandardCharsets.UTF_8), StandardCharsets.UTF_8));

      Map<String, String> wrongAmount = new LinkedHashMap<>(paid);
      wrongAmount.put("total_amount", "100.41");
      assertFailure(post(signed(wrongAmount, StandardCharsets.UTF_8), StandardCharsets.UTF_8));

      Map<String, String> unknown = new LinkedHashMap<>(paid);
      unknown.put("out_trade_no", orderNo("UNKNOWN"));
      assertFailure(post(signed(unknown, StandardCharsets.UTF_8), StandardCharsets.UTF_8));

      Map<String, String> otherApp = new LinkedHashMap<>(paid);
      otherApp.put("app_id", "2021000000000004"); // M400004's: not this payment's merchant
      assertFailure(post(signed(otherApp, StandardCharsets.UTF_8), StandardCharsets.UTF_8));

      onlyEvents(tap, paymentId, PaymentStatus.PENDING);

      // the positive control: the genuine notification, then its replay
      Map<String, String> genuine = signed(paid, StandardCharsets.UTF_8);
      assertSuccess(post(genuine, StandardCharsets.UTF_8));
      PaymentEvent event = await(tap, paymentId, PaymentStatus.SUCCEEDED);
      assertThat(event.channelTransactionId()).isEqualTo(paid.get("trade_no"));
      assertThat(event.amount().minor()).isEqualTo(10042);
      assertSuccess(post(genuine, StandardCharsets.UTF_8));
      onlyEvents(tap, paymentId, PaymentStatus.PENDING, PaymentStatus.SUCCEEDED);
    }
  }

  @Test
  void aGbkNotificationIsDecodedAndVerifiedInGbk() throws Exception {
    String orderNo = orderNo("AG");
    try (EventTap tap = tapEvents()) {
      String paymentId = pay("queue", orderNo, 20042);
      await(tap, paymentId, PaymentStatus.PENDING);
      Charset gbk = Charset.forName("GBK");
      Map<String, String> fields = tradeSuccess(orderNo, "200.42");
      fields.put("charset", "GBK");
      fields.put("subject", "绿茶 250 克");
      fields.put("body", "中文：¥200.42");
      Map<String, String> signed = signed(fields, gbk);
      String form = form(signed, gbk);
      assertThat(form).contains("%C2%CC%B2%E8"); // 绿茶 in GBK, not UTF-8
      assertSuccess(send(form, "application/x-www-form-urlencoded; charset=GBK"));
      await(tap, paymentId, PaymentStatus.SUCCEEDED);

      // the same text signed over its UTF-8 bytes while claiming GBK does not verify
      Map<String, String> liar = new LinkedHashMap<>(fields);
      liar.put("notify_id", liar.get("notify_id") + "x");
      assertFailure(
          send(
              form(signed(liar, StandardCharsets.UTF_8), gbk),
              "application/x-www-form-urlencoded"));
      onlyEvents(tap, paymentId, PaymentStatus.PENDING, PaymentStatus.SUCCEEDED);
    }
  }

  @Test
  void aFormThatIsNotAFormOrAGetIsRefused() throws Exception {
    assertFailure(send("%zz=1&sign=abc", "application/x-www-form-urlencoded"));
    assertFailure(send("", "application/x-www-form-urlencoded"));
    HttpResponse<String> get = get("/notify/alipay");
    assertThat(get.statusCode()).isEqualTo(405);
  }

  @Test
  void theSandboxResendsUntilTheHubAnswersSuccess() throws Exception {
    String orderNo = orderNo("AW");
    try (EventTap tap = tapEvents()) {
      // the endpoint is down when the buyer pays: the first attempts get no "success"
      camelContext.getRouteController().stopRoute("alipay-notify");
      String paymentId;
      try {
        paymentId = pay("http", orderNo, 10000);
        org.awaitility.Awaitility.await()
            .atMost(WAIT)
            .until(
                () -> deliveries(orderNo), d -> d.size() == 1 && d.get(0).attempts().size() >= 2);
      } finally {
        camelContext.getRouteController().startRoute("alipay-notify");
      }
      await(tap, paymentId, PaymentStatus.SUCCEEDED);
      awaitAcknowledged(orderNo, 1);
      var attempts = deliveries(orderNo).get(0).attempts();
      assertThat(attempts.get(0).body()).isNotEqualTo("success");
      assertThat(attempts.get(attempts.size() - 1).body()).isEqualTo("success");
      onlyEvents(tap, paymentId, PaymentStatus.PENDING, PaymentStatus.SUCCEEDED);
    }
  }

  private Map<String, String> tradeSuccess(String orderNo, String amount) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("notify_time", TIME.format(Instant.now()));
    f.put("notify_type", "trade_status_sync");
    f.put("notify_id", "n" + orderNo);
    f.put("app_id", "2021000000000001");
    f.put("charset", "utf-8");
    f.put("version", "1.0");
    f.put("sign_type", "RSA2");
    f.put("trade_no", "2026112622001400000000" + orderNo.substring(orderNo.length() - 6));
    f.put("out_trade_no", orderNo);
    f.put("trade_status", "TRADE_SUCCESS");
    f.put("total_amount", amount);
    f.put("receipt_amount", amount);
    f.put("subject", "Tea");
    f.put("gmt_payment", TIME.format(Instant.now()));
    return f;
  }

  /** Signed as Alipay signs (the SDK's content, RSA2), and checked by the SDK's rsaCheckV1. */
  private Map<String, String> signed(Map<String, String> fields, Charset charset) throws Exception {
    Map<String, String> f = new LinkedHashMap<>(fields);
    f.remove("sign");
    String content = AlipaySignature.getSignCheckContentV1(new HashMap<>(f));
    f.put("sign", AlipaySignature.rsaSign(content, platformKey, charset.name(), "RSA2"));
    if (charset.name().equalsIgnoreCase(f.get("charset"))
        || charset == StandardCharsets.UTF_8 && f.get("charset").equalsIgnoreCase("utf-8")) {
      assertThat(
              AlipaySignature.rsaCheckV1(
                  new HashMap<>(f), platformPublicKey, charset.name(), "RSA2"))
          .as("the official SDK accepts this notification")
          .isTrue();
    }
    return f;
  }

  private HttpResponse<byte[]> post(Map<String, String> fields, Charset charset) throws Exception {
    return send(
        form(fields, charset), "application/x-www-form-urlencoded; charset=" + charset.name());
  }

  private HttpResponse<byte[]> send(String form, String contentType) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/notify/alipay"))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.US_ASCII))
            .build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  private static String form(Map<String, String> fields, Charset charset) {
    return fields.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), charset)
                    + "="
                    + URLEncoder.encode(e.getValue(), charset))
        .collect(Collectors.joining("&"));
  }

  private static void assertSuccess(HttpResponse<byte[]> r) {
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body())
        .as("exactly the 7 bytes 'success'")
        .isEqualTo("success".getBytes(StandardCharsets.US_ASCII));
  }

  private static void assertFailure(HttpResponse<byte[]> r) {
    assertThat(new String(r.body(), StandardCharsets.US_ASCII)).isEqualTo("failure");
  }
}
