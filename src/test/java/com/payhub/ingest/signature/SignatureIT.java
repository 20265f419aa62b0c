package com.payhub.ingest.signature;

import static com.payhub.Samples.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.payhub.HubTestSupport;
import com.payhub.Samples;
import com.payhub.channel.alipay.AlipaySignType;
import com.payhub.channel.alipay.AlipaySigner;
import com.payhub.channel.unionpay.UnionPaySigner;
import com.payhub.channel.wechatpay.WechatPayAuthorization;
import com.payhub.crypto.JcaSigner;
import com.payhub.crypto.KeyFiles;
import com.payhub.crypto.RsaHash;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.jms.Message;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Step 1 of ingest with real keys: merchant M400004 must sign (each dialect's own scheme) and its
 * signatures are checked with the certificate registered for it; merchant M100001 may send unsigned
 * requests, but a signature it does send must verify. Refusals are 401 problems over HTTP and
 * SIGNATURE_INVALID on payments.rejected for queues, and are counted.
 */
class SignatureIT extends HubTestSupport {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String FORM = "application/x-www-form-urlencoded";
  private static final String WECHAT_PATH = "/inbound/wechatpay/v3/pay/transactions/native";

  @Autowired MeterRegistry meters;

  private final HttpClient http = HttpClient.newHttpClient();
  private final PrivateKey key = KeyFiles.privateKey("test", MUST_SIGN_KEYS.privateKey());
  private final X509Certificate cert =
      KeyFiles.certificates("test", MUST_SIGN_KEYS.certificate()).get(0);

  @Test
  void canonicalSignedByTheMerchantIsAcceptedAndTamperingIsNot() throws Exception {
    String body = Samples.canonical(orderNo(), with("merchantId", "\"M400004\""));
    String sig =
        base64(JcaSigner.rsa(RsaHash.SHA256, key).sign(body.getBytes(StandardCharsets.UTF_8)));
    assertThat(
            send("/api/v1/payments", "application/json", body, Map.of("PayHubSignature", sig))
                .statusCode())
        .isEqualTo(202);
    String tampered = body.replace("10000", "10001");
    assertRefused(
        send("/api/v1/payments", "application/json", tampered, Map.of("PayHubSignature", sig)));
  }

  @Test
  void aMerchantThatMustSignIsRefusedWithoutASignatureOverHttpAndQueue() throws Exception {
    double before = rejected("canonical");
    String body = Samples.canonical(orderNo(), with("merchantId", "\"M400004\""));
    assertRefused(send("/api/v1/payments", "application/json", body, Map.of()));
    assertThat(rejected("canonical")).isEqualTo(before + 1);

    String testCase = UUID.randomUUID().toString();
    send("payments.inbound.canonical", body, Map.of("testCase", testCase));
    Message m = receive("payments.rejected", "testCase = '" + testCase + "'");
    assertThat(property(m, "PayHubRejectCode")).isEqualTo("SIGNATURE_INVALID");
    assertThat(text(m)).isEqualTo(body);
  }

  @Test
  void aMerchantThatNeedNotSignIsStillRefusedWhenItsSignatureIsWrong() throws Exception {
    String body = Samples.canonical(orderNo(), null);
    String wrong =
        base64(JcaSigner.rsa(RsaHash.SHA256, key).sign(body.getBytes(StandardCharsets.UTF_8)));
    assertRefused(
        send("/api/v1/payments", "application/json", body, Map.of("PayHubSignature", wrong)));
    assertThat(
            send(
                    "/api/v1/payments",
                    "application/json",
                    Samples.canonical(orderNo(), null),
                    Map.of())
                .statusCode())
        .isEqualTo(202);
  }

  @Test
  void theSandboxMerchantSignsWithTheKeyTheHubGeneratedOnItsFirstStart() throws Exception {
    PrivateKey sandbox = KeyFiles.privateKey("sandbox", sandboxMerchantKey());
    String body = Samples.canonical(orderNo(), null);
    String sig =
        base64(JcaSigner.rsa(RsaHash.SHA256, sandbox).sign(body.getBytes(StandardCharsets.UTF_8)));
    assertThat(
            send("/api/v1/payments", "application/json", body, Map.of("PayHubSignature", sig))
                .statusCode())
        .isEqualTo(202);
    assertRefused(
        send(
            "/api/v1/payments",
            "application/json",
            body.replace("Tea", "Tee"),
            Map.of("PayHubSignature", sig)));
  }

  @Test
  void alipayStyleRsa2SignatureIsCheckedWithTheMerchantsKey() throws Exception {
    Map<String, String> params = new LinkedHashMap<>();
    Samples.alipayParams(orderNo(), with("app_id", "2021000000000004"))
        .forEach((k, v) -> params.put(k, String.valueOf(v)));
    Map<String, String> signed = new AlipaySigner(AlipaySignType.RSA2, key).signedParams(params);
    assertThat(
            send("/inbound/alipay", FORM, Samples.form(new LinkedHashMap<>(signed)), Map.of())
                .statusCode())
        .isEqualTo(202);

    Map<String, Object> tampered = new LinkedHashMap<>(signed);
    tampered.put("notify_url", "https://attacker.example/notify");
    assertRefused(send("/inbound/alipay", FORM, Samples.form(tampered), Map.of()));
  }

  @Test
  void wechatStyleAuthorizationIsCheckedAndAReplayIsRefused() throws Exception {
    String body = Samples.wechat(orderNo().substring(0, 20), with("mchid", "\"1900000004\""));
    String auth =
        new WechatPayAuthorization(
                "1900000004",
                cert.getSerialNumber().toString(16).toUpperCase(),
                JcaSigner.rsa(RsaHash.SHA256, key),
                Clock.systemUTC())
            .header("POST", WECHAT_PATH, body.getBytes(StandardCharsets.UTF_8));
    assertThat(
            send(WECHAT_PATH, "application/json", body, Map.of("Authorization", auth)).statusCode())
        .isEqualTo(202);
    assertRefused(send(WECHAT_PATH, "application/json", body, Map.of("Authorization", auth)));

    String stale =
        new WechatPayAuthorization(
                "1900000004",
                cert.getSerialNumber().toString(16).toUpperCase(),
                JcaSigner.rsa(RsaHash.SHA256, key),
                Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-6)))
            .header("POST", WECHAT_PATH, body.getBytes(StandardCharsets.UTF_8));
    assertRefused(send(WECHAT_PATH, "application/json", body, Map.of("Authorization", stale)));
  }

  @Test
  void unionpayStyleSignMethod01IsCheckedByCertId() throws Exception {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String pair :
        Samples.unionpay("U" + orderNo(), with("merId", "777290058110044")).split("&")) {
      String[] kv = pair.split("=", 2);
      fields.put(
          java.net.URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
          java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
    }
    Map<String, String> signed = UnionPaySigner.rsa(key, cert).sign(fields);
    assertThat(
            send("/inbound/unionpay", FORM, Samples.form(new LinkedHashMap<>(signed)), Map.of())
                .statusCode())
        .isEqualTo(202);
    Map<String, Object> tampered = new LinkedHashMap<>(signed);
    tampered.put("txnAmt", "1");
    assertRefused(send("/inbound/unionpay", FORM, Samples.form(tampered), Map.of()));
  }

  private HttpResponse<String> send(
      String path, String type, String body, Map<String, String> headers) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Content-Type", type)
            .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(b::header);
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static void assertRefused(HttpResponse<String> r) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(401);
    assertThat(JSON.readTree(r.body()).get("reason").asText()).isEqualTo("SIGNATURE_INVALID");
  }

  private double rejected(String dialect) {
    // one series per reason: the dialect's refusals are their sum
    return meters.find("payhub.signature.rejected").tag("dialect", dialect).counters().stream()
        .mapToDouble(io.micrometer.core.instrument.Counter::count)
        .sum();
  }

  private static String orderNo() {
    return "SIG" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
  }

  private static String base64(byte[] b) {
    return Base64.getEncoder().encodeToString(b);
  }
}
