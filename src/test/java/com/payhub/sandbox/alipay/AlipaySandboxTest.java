package com.payhub.sandbox.alipay;

import static org.assertj.core.api.Assertions.assertThat;

import com.alipay.api.internal.util.AlipaySignature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.payhub.crypto.KeyFiles;
import com.payhub.crypto.SandboxKeys;
import com.payhub.sandbox.SandboxNotifier;
import com.payhub.sandbox.SandboxProperties;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * The sandbox gateway judged by the official SDK: it takes what the SDK signs with the app's key,
 * refuses anything else with Alipay's own error shape, and signs every answer so that the SDK's
 * check with the sandbox's "Alipay" public key passes.
 */
class AlipaySandboxTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private SandboxNotifier notifier;
  private AlipaySandboxGateway gateway;
  private AlipaySandboxRequests requests;
  private AlipaySandboxTrades trades;
  private String appPrivateKey;
  private String platformPublicKey;

  @BeforeEach
  void sandbox() {
    SandboxKeys files = new SandboxKeys(dir);
    AlipaySandboxKeys keys = new AlipaySandboxKeys(files, "alipay-app", "alipay-platform");
    keys.hubCredentials(files);
    SandboxProperties properties =
        new SandboxProperties(
            true,
            Duration.ofHours(1), // nobody pays during this test
            List.of(Duration.ofSeconds(1)),
            Duration.ofMillis(300),
            Duration.ofMillis(600),
            2);
    notifier = new SandboxNotifier(properties);
    AlipaySandboxNotifications notifications =
        new AlipaySandboxNotifications(notifier, keys, Clock.systemUTC());
    requests = new AlipaySandboxRequests();
    trades = new AlipaySandboxTrades(properties, notifications);
    gateway =
        new AlipaySandboxGateway(
            keys,
            trades,
            new AlipaySandboxRefunds(trades, properties, notifications),
            requests,
            new com.payhub.sandbox.SandboxCalls());
    appPrivateKey =
        Base64.getEncoder()
            .encodeToString(
                KeyFiles.privateKey("t", dir.resolve("alipay-app-key.pem")).getEncoded());
    platformPublicKey =
        Base64.getEncoder()
            .encodeToString(
                KeyFiles.certificates("t", dir.resolve("alipay-platform-cert.pem"))
                    .get(0)
                    .getPublicKey()
                    .getEncoded());
  }

  @AfterEach
  void stop() {
    notifier.close();
  }

  private Map<String, String> params(String method, String biz) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("app_id", "2021000000000001");
    p.put("method", method);
    p.put("format", "JSON");
    p.put("charset", "utf-8");
    p.put("sign_type", "RSA2");
    p.put("timestamp", "2026-11-26 12:00:00");
    p.put("version", "1.0");
    p.put("notify_url", "http://127.0.0.1:1/notify/alipay");
    p.put("biz_content", biz);
    return p;
  }

  /** Signed by the official SDK with the app's private key. */
  private Map<String, String> sdkSigned(Map<String, String> params) throws Exception {
    Map<String, String> p = new LinkedHashMap<>(params);
    p.put(
        "sign",
        AlipaySignature.rsaSign(
            AlipaySignature.getSignContent(new java.util.HashMap<>(p)),
            appPrivateKey,
            "utf-8",
            "RSA2"));
    return p;
  }

  private ResponseEntity<byte[]> post(Map<String, String> params, String query) throws Exception {
    MockHttpServletRequest request =
        new MockHttpServletRequest("POST", "/sandbox/alipay/gateway.do");
    request.setContentType("application/x-www-form-urlencoded;charset=utf-8");
    request.setQueryString(query);
    request.setContent(form(params).getBytes(StandardCharsets.US_ASCII));
    return gateway.gateway(request).get(5, TimeUnit.SECONDS);
  }

  private static String form(Map<String, String> params) {
    return params.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  /** The member's raw text and the SDK's verdict on its sign. */
  private JsonNode checked(ResponseEntity<byte[]> r, String member, boolean expectValid)
      throws Exception {
    assertThat(r.getStatusCode().value()).isEqualTo(200);
    String body = new String(r.getBody(), StandardCharsets.UTF_8);
    JsonNode doc = JSON.readTree(body);
    assertThat(doc.fieldNames()).toIterable().containsExactly(member, "sign");
    String raw = body.substring(body.indexOf(':') + 1, body.lastIndexOf(",\"sign\":"));
    boolean valid =
        AlipaySignature.rsaCheck(raw, doc.get("sign").asText(), platformPublicKey, "utf-8", "RSA2");
    assertThat(valid).isEqualTo(expectValid);
    return doc.get(member);
  }

  @Test
  void aRequestTheSdkSignedIsAnsweredWithASignedQrCode() throws Exception {
    ResponseEntity<byte[]> r =
        post(
            sdkSigned(
                params(
                    "alipay.trade.precreate",
                    "{\"out_trade_no\":\"S1\",\"total_amount\":\"88.88\",\"subject\":\"茶\"}")),
            null);
    JsonNode m = checked(r, "alipay_trade_precreate_response", true);
    assertThat(m.get("code").asText()).isEqualTo("10000");
    assertThat(m.get("msg").asText()).isEqualTo("Success");
    assertThat(m.get("out_trade_no").asText()).isEqualTo("S1");
    assertThat(m.get("qr_code").asText()).startsWith("https://qr.alipay.com/");
    assertThat(requests.forTrade("S1")).hasSize(1);

    JsonNode q =
        checked(
            post(sdkSigned(params("alipay.trade.query", "{\"out_trade_no\":\"S1\"}")), null),
            "alipay_trade_query_response",
            true);
    assertThat(q.get("trade_status").asText()).isEqualTo("WAIT_BUYER_PAY");
    assertThat(q.get("total_amount").asText()).isEqualTo("88.88");
  }

  @Test
  void protocolParametersInTheQueryAreSignedToo() throws Exception {
    Map<String, String> signed =
        sdkSigned(params("alipay.trade.query", "{\"out_trade_no\":\"NONE\"}"));
    Map<String, String> inQuery = new LinkedHashMap<>(signed);
    Map<String, String> inBody = Map.of("biz_content", inQuery.remove("biz_content"));
    JsonNode m = checked(post(inBody, form(inQuery)), "alipay_trade_query_response", true);
    assertThat(m.get("sub_code").asText()).isEqualTo("ACQ.TRADE_NOT_EXIST");

    // an extra query parameter nobody signed breaks the signature, as at the real gateway
    JsonNode extra =
        checked(post(signed, "responseTimeout=2000"), "alipay_trade_query_response", true);
    assertThat(extra.get("sub_code").asText()).isEqualTo("isv.invalid-signature");
  }

  @Test
  void aBadSignatureGetsAlipaysErrorShapeSigned() throws Exception {
    Map<String, String> tampered =
        sdkSigned(
            params(
                "alipay.trade.precreate",
                "{\"out_trade_no\":\"S2\",\"total_amount\":\"1.00\",\"subject\":\"t\"}"));
    tampered.put(
        "biz_content", "{\"out_trade_no\":\"S2\",\"total_amount\":\"0.01\",\"subject\":\"t\"}");
    JsonNode m = checked(post(tampered, null), "alipay_trade_precreate_response", true);
    assertThat(m.get("code").asText()).isEqualTo("40002");
    assertThat(m.get("msg").asText()).isEqualTo("Invalid Arguments");
    assertThat(m.get("sub_code").asText()).isEqualTo("isv.invalid-signature");
    assertThat(m.get("sub_msg").asText()).startsWith("验签出错");
  }

  @Test
  void behavioursByAmount() throws Exception {
    JsonNode declined =
        checked(
            post(
                sdkSigned(
                    params(
                        "alipay.trade.precreate",
                        "{\"out_trade_no\":\"S3\",\"total_amount\":\"1.41\",\"subject\":\"t\"}")),
                null),
            "alipay_trade_precreate_response",
            true);
    assertThat(declined.get("code").asText()).isEqualTo("40004");
    assertThat(declined.get("sub_code").asText()).isEqualTo("ACQ.TOTAL_FEE_EXCEED");

    ResponseEntity<byte[]> down =
        post(
            sdkSigned(
                params(
                    "alipay.trade.precreate",
                    "{\"out_trade_no\":\"S4\",\"total_amount\":\"1.44\",\"subject\":\"t\"}")),
            null);
    assertThat(down.getStatusCode().value()).isEqualTo(503);

    // signed, but not by the key the hub trusts
    checked(
        post(
            sdkSigned(
                params(
                    "alipay.trade.precreate",
                    "{\"out_trade_no\":\"S5\",\"total_amount\":\"1.48\",\"subject\":\"t\"}")),
            null),
        "alipay_trade_precreate_response",
        false);
  }

  @Test
  void theRefundQueryAnswersFromTheRefundsStateSigned() throws Exception {
    String precreate = "{\"out_trade_no\":\"S6\",\"total_amount\":\"10.00\",\"subject\":\"t\"}";
    post(sdkSigned(params("alipay.trade.precreate", precreate)), null);
    trades.find("2021000000000001", "S6").pay(java.time.Instant.now()); // the buyer paid
    String refund =
        "{\"out_trade_no\":\"S6\",\"refund_amount\":\"1.00\",\"out_request_no\":\"S6R\"}";
    post(sdkSigned(params("alipay.trade.refund", refund)), null);

    JsonNode done =
        checked(
            post(sdkSigned(params(REFUND_QUERY, refundQuery("S6", "S6R"))), null),
            "alipay_trade_fastpay_refund_query_response",
            true);
    assertThat(done.get("code").asText()).isEqualTo("10000");
    assertThat(done.get("out_request_no").asText()).isEqualTo("S6R");
    assertThat(done.get("refund_amount").asText()).isEqualTo("1.00");
    assertThat(done.get("total_amount").asText()).isEqualTo("10.00");
    assertThat(done.get("refund_status").asText()).isEqualTo("REFUND_SUCCESS");

    JsonNode unknown =
        checked(
            post(sdkSigned(params(REFUND_QUERY, refundQuery("S6", "NONE"))), null),
            "alipay_trade_fastpay_refund_query_response",
            true);
    assertThat(unknown.get("code").asText()).isEqualTo("10000");
    assertThat(unknown.has("refund_status")).as("Alipay never heard of it").isFalse();
    assertThat(unknown.has("out_request_no")).isFalse();

    JsonNode noTrade =
        checked(
            post(sdkSigned(params(REFUND_QUERY, refundQuery("NONE", "S6R"))), null),
            "alipay_trade_fastpay_refund_query_response",
            true);
    assertThat(noTrade.get("sub_code").asText()).isEqualTo("ACQ.TRADE_NOT_EXIST");
  }

  @Test
  void aRefundQueryNotSignedByTheAppIsRefusedLikeEveryOtherRequest() throws Exception {
    Map<String, String> tampered = sdkSigned(params(REFUND_QUERY, refundQuery("S7", "S7R")));
    tampered.put("biz_content", refundQuery("S7", "S7X"));
    JsonNode m = checked(post(tampered, null), "alipay_trade_fastpay_refund_query_response", true);
    assertThat(m.get("code").asText()).isEqualTo("40002");
    assertThat(m.get("sub_code").asText()).isEqualTo("isv.invalid-signature");

    Map<String, String> unsigned =
        new LinkedHashMap<>(params(REFUND_QUERY, refundQuery("S7", "S7R")));
    JsonNode none =
        checked(post(unsigned, null), "alipay_trade_fastpay_refund_query_response", true);
    assertThat(none.get("sub_code").asText()).isEqualTo("isv.invalid-signature");
  }

  @Test
  void aTimedOutRefundIsMadeAnsweredLateAndNotNotifiedSoOnlyTheQueryTells() throws Exception {
    String precreate = "{\"out_trade_no\":\"S8\",\"total_amount\":\"10.00\",\"subject\":\"t\"}";
    post(sdkSigned(params("alipay.trade.precreate", precreate)), null);
    trades.find("2021000000000001", "S8").pay(java.time.Instant.now());
    String refund =
        "{\"out_trade_no\":\"S8\",\"refund_amount\":\"1.45\",\"out_request_no\":\"S8R\"}";

    long started = System.nanoTime();
    JsonNode late =
        checked(
            post(sdkSigned(params("alipay.trade.refund", refund)), null),
            "alipay_trade_refund_response",
            true);
    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .as("after timeout-delay: the hub has given up by then")
        .isGreaterThanOrEqualTo(Duration.ofMillis(600));
    assertThat(late.get("fund_change").asText()).isEqualTo("Y");

    JsonNode queried =
        checked(
            post(sdkSigned(params(REFUND_QUERY, refundQuery("S8", "S8R"))), null),
            "alipay_trade_fastpay_refund_query_response",
            true);
    assertThat(queried.get("refund_status").asText()).isEqualTo("REFUND_SUCCESS");
    assertThat(notifier.deliveries("alipay:S8:refund:")).as("no refund notification").isEmpty();
  }

  private static final String REFUND_QUERY = "alipay.trade.fastpay.refund.query";

  private static String refundQuery(String outTradeNo, String requestNo) {
    return "{\"out_trade_no\":\"" + outTradeNo + "\",\"out_request_no\":\"" + requestNo + "\"}";
  }

  @Test
  void anUnknownMethodIsAnErrorResponse() throws Exception {
    JsonNode m =
        checked(post(sdkSigned(params("alipay.trade.pay", "{}")), null), "error_response", true);
    assertThat(m.get("sub_code").asText()).isEqualTo("isv.invalid-method");
  }
}
