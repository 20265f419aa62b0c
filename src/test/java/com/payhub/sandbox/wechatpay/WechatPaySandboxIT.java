package com.payhub.sandbox.wechatpay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.payhub.HubTestSupport;
import com.wechat.pay.java.core.auth.WechatPay2Credential;
import com.wechat.pay.java.core.auth.WechatPay2Validator;
import com.wechat.pay.java.core.certificate.InMemoryCertificateProvider;
import com.wechat.pay.java.core.cipher.RSASigner;
import com.wechat.pay.java.core.cipher.RSAVerifier;
import com.wechat.pay.java.core.http.HttpHeaders;
import com.wechat.pay.java.core.util.PemUtil;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The sandbox WeChat Pay seen from the official SDK's side: it accepts requests that
 * wechatpay-java-core signs with the merchant key, refuses replays and strangers with WeChat's
 * unsigned 401 SIGN_ERROR, and signs its answers so that the SDK's WechatPay2Validator accepts them
 * (except BAD_SIGNATURE, which the SDK refuses too).
 */
class WechatPaySandboxIT extends HubTestSupport {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();

  private Path keys() {
    return DATA_DIR.resolve("keys/sandbox");
  }

  private WechatPay2Credential merchant(String keyFile, String certFile) {
    PrivateKey key = PemUtil.loadPrivateKeyFromPath(keys().resolve(keyFile).toString());
    X509Certificate cert = PemUtil.loadX509FromPath(keys().resolve(certFile).toString());
    return new WechatPay2Credential(
        "1900000001", new RSASigner(PemUtil.getSerialNumber(cert), key));
  }

  private WechatPay2Validator validator() {
    X509Certificate platform =
        PemUtil.loadX509FromPath(keys().resolve("wechatpay-platform-cert.pem").toString());
    return new WechatPay2Validator(
        new RSAVerifier(new InMemoryCertificateProvider(List.of(platform))));
  }

  @Test
  void anSdkSignedOrderIsAnsweredWithASignatureTheSdkAccepts() throws Exception {
    String orderNo = "SB" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    HttpResponse<String> paid =
        call("POST", "/v3/pay/transactions/native", order(orderNo, 10000), null);

    assertThat(paid.statusCode()).as(paid.body()).isEqualTo(200);
    assertThat(JSON.readTree(paid.body()).path("code_url").asText()).startsWith("weixin://");
    assertThat(validator().validate(headers(paid), paid.body())).isTrue();

    HttpResponse<String> queried =
        call("GET", "/v3/pay/transactions/out-trade-no/" + orderNo + "?mchid=1900000001", "", null);
    JsonNode trade = JSON.readTree(queried.body());
    assertThat(queried.statusCode()).isEqualTo(200);
    assertThat(trade.path("out_trade_no").asText()).isEqualTo(orderNo);
    assertThat(trade.path("amount").path("total").asLong()).isEqualTo(10000);
    assertThat(validator().validate(headers(queried), queried.body())).isTrue();

    HttpResponse<String> unknown =
        call("GET", "/v3/pay/transactions/out-trade-no/NOSUCH0001?mchid=1900000001", "", null);
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(unknown.body()).path("code").asText()).isEqualTo("ORDER_NOT_EXIST");
    assertThat(validator().validate(headers(unknown), unknown.body())).isTrue();
  }

  @Test
  void replaysAndStrangersGetAnUnsignedSignError() throws Exception {
    String body = order("SB" + UUID.randomUUID().toString().substring(0, 8), 10000);
    URI uri = uri("/v3/pay/transactions/native");
    String authorization =
        merchant("wechatpay-merchant-key.pem", "wechatpay-merchant-cert.pem")
            .getAuthorization(uri, "POST", body);

    assertThat(call("POST", "/v3/pay/transactions/native", body, authorization).statusCode())
        .isEqualTo(200);
    HttpResponse<String> replay = call("POST", "/v3/pay/transactions/native", body, authorization);
    assertSignError(replay);

    String stranger =
        merchant("wechatpay-stranger-key.pem", "wechatpay-merchant-cert.pem")
            .getAuthorization(uri, "POST", body);
    assertSignError(call("POST", "/v3/pay/transactions/native", body, stranger));
    assertSignError(call("POST", "/v3/pay/transactions/native", body, "Basic eDp5"));
  }

  @Test
  void aBadSignatureAnswerIsRefusedByTheSdkToo() throws Exception {
    String orderNo = "SB" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    HttpResponse<String> r =
        call("POST", "/v3/pay/transactions/native", order(orderNo, 10048), null);

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(validator().validate(headers(r), r.body())).isFalse();
  }

  @Test
  void theRefundQueryAnswersTheRefundAsItStandsSignedForTheSdk() throws Exception {
    String orderNo = "SB" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    String refundNo = orderNo + "R";
    assertThat(
            call("POST", "/v3/pay/transactions/native", order(orderNo, 10000), null).statusCode())
        .isEqualTo(200);
    HttpResponse<String> accepted =
        call(
            "POST",
            "/v3/refund/domestic/refunds",
            "{\"out_trade_no\":\""
                + orderNo
                + "\",\"out_refund_no\":\""
                + refundNo
                + "\",\"notify_url\":\"http://127.0.0.1:9/nowhere\","
                + "\"amount\":{\"refund\":2500,\"total\":10000,\"currency\":\"CNY\"}}",
            null);
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
    assertThat(JSON.readTree(accepted.body()).path("status").asText()).isEqualTo("PROCESSING");

    HttpResponse<String> queried = call("GET", "/v3/refund/domestic/refunds/" + refundNo, "", null);

    assertThat(queried.statusCode()).as(queried.body()).isEqualTo(200);
    assertThat(validator().validate(headers(queried), queried.body())).isTrue();
    JsonNode refund = JSON.readTree(queried.body());
    assertThat(refund.path("out_refund_no").asText()).isEqualTo(refundNo);
    assertThat(refund.path("out_trade_no").asText()).isEqualTo(orderNo);
    assertThat(refund.path("status").asText()).as("the money moved").isEqualTo("SUCCESS");
    assertThat(refund.path("amount").path("refund").asLong()).isEqualTo(2500);

    HttpResponse<String> unknown =
        call("GET", "/v3/refund/domestic/refunds/NOSUCH" + refundNo, "", null);
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(unknown.body()).path("code").asText())
        .isEqualTo("RESOURCE_NOT_EXISTS");
    assertThat(validator().validate(headers(unknown), unknown.body())).isTrue();

    assertSignError(call("GET", "/v3/refund/domestic/refunds/" + refundNo, "", "Basic eDp5"));
    String stranger =
        merchant("wechatpay-stranger-key.pem", "wechatpay-merchant-cert.pem")
            .getAuthorization(uri("/v3/refund/domestic/refunds/" + refundNo), "GET", "");
    assertSignError(call("GET", "/v3/refund/domestic/refunds/" + refundNo, "", stranger));
  }

  private static void assertSignError(HttpResponse<String> r) throws Exception {
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(JSON.readTree(r.body()).path("code").asText()).isEqualTo("SIGN_ERROR");
    assertThat(r.headers().firstValue("Wechatpay-Signature")).isEmpty();
  }

  private static String order(String orderNo, long total) {
    return "{\"appid\":\"wxd678efh567hg6787\",\"mchid\":\"1900000001\",\"description\":\"SDK 订单\","
        + "\"out_trade_no\":\""
        + orderNo
        + "\",\"notify_url\":\"http://127.0.0.1:9/nowhere\",\"amount\":{\"total\":"
        + total
        + ",\"currency\":\"CNY\"}}";
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + "/sandbox/wechatpay" + path);
  }

  /** Signed by the SDK with the merchant key unless an Authorization is given. */
  private HttpResponse<String> call(String method, String path, String body, String authorization)
      throws Exception {
    URI uri = uri(path);
    String auth =
        authorization != null
            ? authorization
            : merchant("wechatpay-merchant-key.pem", "wechatpay-merchant-cert.pem")
                .getAuthorization(uri, method, body);
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(20))
            .header("Authorization", auth)
            .header("Accept", "application/json");
    if (method.equals("GET")) {
      b.GET();
    } else {
      b.header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static HttpHeaders headers(HttpResponse<?> r) {
    Map<String, String> map = new HashMap<>();
    r.headers().map().forEach((k, v) -> map.put(canonical(k), v.get(0)));
    return new HttpHeaders(map);
  }

  /** Wechatpay-Signature as the SDK looks it up, whatever case the client reports. */
  private static String canonical(String name) {
    StringBuilder b = new StringBuilder();
    for (String part : name.split("-")) {
      if (b.length() > 0) {
        b.append('-');
      }
      b.append(
          part.isEmpty()
              ? part
              : Character.toUpperCase(part.charAt(0)) + part.substring(1).toLowerCase());
    }
    return b.toString();
  }
}
