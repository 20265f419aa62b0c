package com.payhub;

import static com.payhub.Samples.with;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.payhub.channel.alipay.AlipaySignContent;
import com.payhub.channel.alipay.AlipaySignType;
import com.payhub.channel.alipay.AlipaySigner;
import com.payhub.crypto.JcaSigner;
import com.payhub.crypto.KeyFiles;
import com.payhub.crypto.RsaHash;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Drives signed, unsigned, tampered and card-carrying requests through every dialect, over HTTP and
 * queues, then scans every log event the hub produced meanwhile (messages and stack traces): no
 * private key, no seal password, no full signature, no string-to-sign, no full card number.
 */
class LogHygieneIT extends HubTestSupport {

  @Autowired CamelContext camel;

  private static final String CARD = "6222020200112233445";
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void secretsNeverReachTheLogs() throws Exception {
    // an appender on the root logger sees every log event, whenever the hub's context started
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    Logger ours = (Logger) LoggerFactory.getLogger("com.payhub");
    Level level = ours.getLevel();
    ours.setLevel(Level.TRACE); // everything PayHub's own code could say
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    root.addAppender(appender);
    try {
      runAndScan(appender);
    } finally {
      root.detachAppender(appender);
      ours.setLevel(level);
    }
  }

  private void runAndScan(ListAppender<ILoggingEvent> appender) throws Exception {
    PrivateKey key = KeyFiles.privateKey("test", MUST_SIGN_KEYS.privateKey());
    List<String> secrets = new ArrayList<>();
    secrets.add(CARD);
    secrets.add("PRIVATE KEY");
    for (String line : Files.readAllLines(MUST_SIGN_KEYS.privateKey())) {
      if (!line.startsWith("-----") && line.length() > 40) {
        secrets.add(line.substring(0, 40)); // any piece of the key's base64
      }
    }
    secrets.add(Files.readString(DATA_DIR.resolve("keys/seal.password")).strip());

    // a good Alipay-style request with a card number, then the same with one value changed
    Map<String, String> params = new LinkedHashMap<>();
    Samples.alipayParams(
            "LOG" + UUID.randomUUID().toString().substring(0, 8),
            with(
                "app_id",
                "2021000000000004",
                "biz_content",
                "{\"out_trade_no\":\"LOGA1\",\"total_amount\":\"1.00\",\"subject\":\"x\",\"card_no\":\""
                    + CARD
                    + "\"}"))
        .forEach((k, v) -> params.put(k, String.valueOf(v)));
    Map<String, String> signed = new AlipaySigner(AlipaySignType.RSA2, key).signedParams(params);
    secrets.add(signed.get("sign"));
    secrets.add(AlipaySignContent.forRequest(signed));
    post(
        "/inbound/alipay",
        "application/x-www-form-urlencoded",
        Samples.form(new LinkedHashMap<>(signed)),
        Map.of());
    Map<String, Object> tampered = new LinkedHashMap<>(signed);
    tampered.put("timestamp", "2026-11-26 12:00:01");
    post("/inbound/alipay", "application/x-www-form-urlencoded", Samples.form(tampered), Map.of());

    // canonical with a card number: sealed on the queue, refused when the signature is wrong
    String body =
        Samples.canonical(
            "LOGC" + UUID.randomUUID().toString().substring(0, 8),
            with("merchantId", "\"M400004\"", "attributes", "{\"accNo\":\"" + CARD + "\"}"));
    String sig =
        Base64.getEncoder()
            .encodeToString(
                JcaSigner.rsa(RsaHash.SHA256, key).sign(body.getBytes(StandardCharsets.UTF_8)));
    secrets.add(sig);
    post("/api/v1/payments", "application/json", body, Map.of("PayHubSignature", sig));
    post(
        "/api/v1/payments",
        "application/json",
        body.replace("10000", "10001"),
        Map.of("PayHubSignature", sig));

    // queue inputs: a UnionPay form with a card number and a bogus signature, a bad WeChat header
    send(
        "payments.inbound.unionpay",
        Samples.unionpay(
            "LOGU12345",
            with(
                "merId",
                "777290058110044",
                "accNo",
                CARD,
                "signature",
                sig,
                "signMethod",
                "01",
                "certId",
                "1")),
        Map.of("testCase", "log-1"));
    receive("payments.rejected", "testCase = 'log-1'");
    send(
        "payments.inbound.wechatpay",
        Samples.wechat("LOGW12345", with("mchid", "\"1900000004\"")),
        Map.of(
            "testCase",
            "log-2",
            "Authorization",
            "WECHATPAY2-SHA256-RSA2048 mchid=\"1900000004\",nonce_str=\"n\",timestamp=\"1\",serial_no=\"1\",signature=\""
                + sig
                + "\""));
    receive("payments.rejected", "testCase = 'log-2'");

    // a fault path, which logs errors with stack traces: a card-carrying message on a misconfigured
    // route made from the production template, rolled back until it is dead-lettered
    TemplatedRouteBuilder.builder(camel, "queue-ingest")
        .routeId("ingest-queue-log-hygiene")
        .parameter("queue", "payments.inbound.log-hygiene")
        .parameter("dialect", "no-such-dialect")
        .add();
    String faulty =
        Samples.canonical("LOGF12345", with("attributes", "{\"accNo\":\"" + CARD + "\"}"));
    send("payments.inbound.log-hygiene", faulty, Map.of("testCase", "log-3"));
    var dlq = jms();
    dlq.setReceiveTimeout(40_000);
    assertThat(dlq.receiveSelected("DLA::DLQ.payments.inbound.log-hygiene", "testCase = 'log-3'"))
        .isNotNull();

    StringBuilder all = new StringBuilder();
    for (ILoggingEvent e : List.copyOf(appender.list)) {
      all.append(e.getFormattedMessage()).append('\n');
      if (e.getThrowableProxy() != null) {
        all.append(ThrowableProxyUtil.asString(e.getThrowableProxy())).append('\n');
      }
    }
    String logs = all.toString();
    assertThat(logs).as("the fault path logged its errors").contains("no-such-dialect");
    for (String secret : secrets) {
      assertThat(logs).as("the logs must not contain a secret").doesNotContain(secret);
    }
  }

  private HttpResponse<String> post(
      String path, String type, String body, Map<String, String> headers) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Content-Type", type)
            .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(b::header);
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
