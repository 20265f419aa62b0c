package com.payhub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.payhub.tools.SendCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The README's examples stay true: each file in {@code examples/} is accepted over HTTP exactly as
 * the README's curl sends it, and over TCP to the broker with the {@code send} command.
 */
class ExamplesIT extends HubTestSupport {

  // the examples' second submission is answered with the payment as ingest left it
  @org.junit.jupiter.api.BeforeEach
  void pauseChannelAdapters() throws Exception {
    pauseAdapters();
  }

  @org.junit.jupiter.api.AfterEach
  void resumeChannelAdapters() throws Exception {
    resumeAdapters();
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  static Stream<Arguments> examples() {
    return Stream.of(
        Arguments.of(
            "canonical-pay.json",
            "/api/v1/payments",
            "application/json",
            "payments.inbound.canonical"),
        Arguments.of(
            "alipay-precreate.form",
            "/inbound/alipay",
            "application/x-www-form-urlencoded",
            "payments.inbound.alipay"),
        Arguments.of(
            "wechatpay-native.json",
            "/inbound/wechatpay/v3/pay/transactions/native",
            "application/json",
            "payments.inbound.wechatpay"),
        Arguments.of(
            "unionpay-consume.form",
            "/inbound/unionpay",
            "application/x-www-form-urlencoded",
            "payments.inbound.unionpay"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void readmeExamplesAreAcceptedOverHttpAndOverTheBroker(
      String file, String path, String type, String queue) throws Exception {
    String body = Files.readString(Path.of("examples", file));
    var http = post(path, type, body);
    assertThat(http.statusCode()).as(http.body()).isEqualTo(202);
    assertThat(JSON.readTree(http.body()).get("status").asText()).isEqualTo("DISPATCHED");

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit =
        SendCommand.run(
            new String[] {queue, "examples/" + file, "--broker", "tcp://127.0.0.1:" + BROKER_PORT},
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
    JsonNode result = JSON.readTree(out.toString(StandardCharsets.UTF_8));
    assertThat(result.get("status").asText()).isEqualTo("DISPATCHED");
    assertThat(result.get("paymentId").asText()).matches("P[0-9A-Z]{26}");
  }
}
