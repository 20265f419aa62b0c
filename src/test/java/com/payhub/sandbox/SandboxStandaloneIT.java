package com.payhub.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code payhub sandbox}: the three sandbox channels as their own process, for load tests. No
 * broker, no ledger, no Camel; each gateway refuses a request the hub did not sign in its channel's
 * own shape, and the keys land in the data folder it was given.
 */
class SandboxStandaloneIT {

  private static ConfigurableApplicationContext sandbox;
  private static Path dataDir;
  private static int port;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws IOException {
    dataDir = Files.createTempDirectory("payhub-sandbox");
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    sandbox = SandboxApplication.run("--server.port=" + port, "--payhub.data-dir=" + dataDir);
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @Test
  void servesOnlyTheSandboxChannels() {
    assertThat(sandbox.getBeanNamesForType(org.apache.camel.CamelContext.class)).isEmpty();
    assertThat(sandbox.getBeanNamesForType(jakarta.jms.ConnectionFactory.class)).isEmpty();
    assertThat(sandbox.getBeanNamesForType(javax.sql.DataSource.class)).isEmpty();
    assertThat(dataDir.resolve("keys/sandbox")).isDirectory();
  }

  @Test
  void alipayRefusesAnUnsignedRequestLikeAlipay() throws Exception {
    HttpResponse<String> r =
        post(
            "/sandbox/alipay/gateway.do",
            "application/x-www-form-urlencoded",
            "app_id=2021000000000001&method=alipay.trade.query&charset=utf-8&sign_type=RSA2"
                + "&timestamp=2026-11-26+12%3A00%3A00&version=1.0"
                + "&biz_content=%7B%22out_trade_no%22%3A%22X1%22%7D");
    assertThat(r.body()).contains("\"code\":\"40002\"").contains("isv.invalid-signature");
  }

  @Test
  void wechatPayRefusesAnUnsignedRequestLikeWechatPay() throws Exception {
    HttpResponse<String> r =
        post(
            "/sandbox/wechatpay/v3/pay/transactions/native",
            "application/json",
            "{\"mchid\":\"1900000001\",\"out_trade_no\":\"X1\"}");
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.body()).contains("SIGN_ERROR");
  }

  @Test
  void unionPayRefusesAnUnsignedRequestLikeUnionPay() throws Exception {
    HttpResponse<String> r =
        post(
            "/sandbox/unionpay/gateway/api/backTransReq.do",
            "application/x-www-form-urlencoded",
            "version=5.1.0&encoding=UTF-8&signMethod=01&txnType=01&merId=777290058110048");
    assertThat(r.body()).contains("respCode=11");
  }

  private HttpResponse<String> post(String path, String type, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Content-Type", type)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
