package com.payhub.channel.alipay;

import static com.payhub.channel.alipay.AlipayTestKeys.base64;
import static org.assertj.core.api.Assertions.assertThat;

import com.alipay.api.internal.util.AlipaySignature;
import com.payhub.crypto.Credential;
import com.payhub.crypto.KeyEntry;
import com.payhub.crypto.camel.ProcessorPropertyException;
import com.payhub.crypto.camel.YamlRouteHarness;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Alipay processors as a route file declares them ({@code processors/alipay.camel.yaml}), in a
 * plain Camel context; the official SDK judges the signatures.
 */
class AlipayProcessorTest {

  static final KeyPair APP = AlipayTestKeys.RSA;
  static final KeyPair ALIPAY = AlipayTestKeys.OTHER_RSA;
  static final Map<String, Credential> CREDENTIALS =
      Map.of(
          "alipay-app", credential("alipay-app", APP, true),
          "alipay-app-sm2", credential("alipay-app-sm2", AlipayTestKeys.SM2, true),
          "alipay-platform", credential("alipay-platform", ALIPAY, false));

  static YamlRouteHarness routes;

  @BeforeAll
  static void start() throws Exception {
    routes = YamlRouteHarness.start("alipay.camel.yaml", CREDENTIALS);
  }

  @AfterAll
  static void stop() {
    routes.close();
  }

  @Test
  void signedParametersAndQueryVerifyWithTheSdk() throws Exception {
    Exchange out = routes.send("alipay-sign", request(), Map.of());

    assertThat(out.getException()).isNull();
    @SuppressWarnings("unchecked")
    Map<String, String> signed = out.getMessage().getBody(Map.class);
    assertThat(signed).containsEntry("sign_type", "RSA2").containsKey("sign");
    String pub = base64(APP.getPublic());
    assertThat(AlipaySignature.rsaCheckV2(new HashMap<>(signed), pub, "UTF-8", "RSA2")).isTrue();
    assertThat(
            AlipaySignature.rsa256CheckContent(
                AlipaySignature.getSignCheckContentV2(new HashMap<>(signed)),
                signed.get("sign"),
                pub,
                "UTF-8"))
        .isTrue();
    String query = out.getMessage().getHeader(AlipaySignProcessor.QUERY_HEADER, String.class);
    assertThat(decode(query)).isEqualTo(new TreeMap<>(signed));
  }

  @Test
  void aFormBodyIsDecodedOnceThenSigned() throws Exception {
    StringBuilder form = new StringBuilder();
    request()
        .forEach(
            (k, v) ->
                form.append(form.isEmpty() ? "" : "&")
                    .append(k)
                    .append('=')
                    .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));

    Exchange out = routes.send("alipay-sign", form.toString(), Map.of());

    @SuppressWarnings("unchecked")
    Map<String, String> signed = out.getMessage().getBody(Map.class);
    assertThat(signed).containsAllEntriesOf(request());
    assertThat(
            AlipaySignature.rsaCheckV2(
                new HashMap<>(signed), base64(APP.getPublic()), "UTF-8", "RSA2"))
        .isTrue();
  }

  @Test
  void sm2SignatureVerifiesWithTheSdk() throws Exception {
    Exchange out = routes.send("alipay-sign-sm2", request(), Map.of());

    @SuppressWarnings("unchecked")
    Map<String, String> signed = out.getMessage().getBody(Map.class);
    assertThat(signed).containsEntry("sign_type", "SM2");
    assertThat(
            AlipaySignature.verifyV2(
                new HashMap<>(signed), base64(AlipayTestKeys.SM2.getPublic()), "UTF-8", "SM2"))
        .isTrue();
  }

  @Test
  void notificationSignedByAlipayVerifiesAsMapAndAsForm() throws Exception {
    Map<String, String> notification = notification();

    Exchange asMap = routes.send("alipay-notify", notification, Map.of());
    Exchange asForm = routes.send("alipay-notify", form(notification), Map.of());

    for (Exchange out : List.of(asMap, asForm)) {
      assertThat(out.getException()).isNull();
      assertThat(out.getMessage().getHeader("PayHubSignatureVerified")).isEqualTo(true);
      assertThat(out.getMessage().getBody(Map.class))
          .containsEntry("out_trade_no", "PH20261126001")
          .containsEntry("subject", "一杯咖啡 & 蛋糕")
          .doesNotContainKey("sign");
    }
  }

  @Test
  void tamperedNotificationIsRefusedWithTheTypedException() throws Exception {
    Map<String, String> tampered = new HashMap<>(notification());
    tampered.put("total_amount", "0.01");

    Exchange out = routes.send("alipay-notify", tampered, Map.of());

    // the route's onException mapped it: Alipay reads anything but "success" as refused
    assertThat(out.getMessage().getBody()).isEqualTo("failure");
    assertThat(out.getMessage().getHeader("PayHubSignatureVerified")).isNull();
    Exception caught = out.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
    assertThat(caught).isInstanceOf(AlipaySignatureException.class);
    assertThat(((AlipaySignatureException) caught).reason())
        .isEqualTo(AlipaySignatureException.Reason.SIGNATURE_MISMATCH);
  }

  @Test
  void responseVerifiesAndTheBodyBecomesTheSignedMemberText() throws Exception {
    String member = "{\"code\":\"10000\",\"msg\":\"Success\",\"total_amount\":\"88.88\"}";
    String raw = response("alipay_trade_query_response", member);

    Exchange fromText = routes.send("alipay-response", raw, Map.of());
    Exchange fromBytes =
        routes.send(
            "alipay-response",
            raw.getBytes(StandardCharsets.UTF_8),
            Map.of(AlipayResponseVerifyProcessor.METHOD_HEADER, "alipay.trade.query"));

    for (Exchange out : List.of(fromText, fromBytes)) {
      assertThat(out.getException()).isNull();
      assertThat(out.getMessage().getBody()).isEqualTo(member);
      assertThat(out.getMessage().getHeader("PayHubSignatureVerified")).isEqualTo(true);
      assertThat(out.getMessage().getHeader(AlipayResponseVerifyProcessor.ERROR_HEADER))
          .isEqualTo(false);
    }
  }

  @Test
  void tamperedResponseOrOtherMethodIsRefused() throws Exception {
    String member = "{\"code\":\"10000\",\"total_amount\":\"88.88\"}";
    String raw = response("alipay_trade_query_response", member);

    Exchange tampered = routes.send("alipay-response", raw.replace("88.88", "8.88"), Map.of());
    Exchange otherMethod =
        routes.send(
            "alipay-response",
            raw,
            Map.of(AlipayResponseVerifyProcessor.METHOD_HEADER, "alipay.trade.pay"));

    assertThat(tampered.getException()).isInstanceOf(AlipaySignatureException.class);
    assertThat(otherMethod.getException()).isInstanceOf(AlipaySignatureException.class);
    assertThat(((AlipaySignatureException) otherMethod.getException()).reason())
        .isEqualTo(AlipaySignatureException.Reason.MISSING_RESPONSE_MEMBER);
  }

  @Test
  void aBeanWithoutCredentialStopsTheRoutesWithASentenceNamingTheProperty() throws Exception {
    Throwable failure =
        YamlRouteHarness.startFailure("alipay-no-credential.camel.yaml", CREDENTIALS);

    assertThat(YamlRouteHarness.rootCause(failure))
        .isInstanceOf(ProcessorPropertyException.class)
        .hasMessageStartingWith("AlipaySignProcessor needs the bean property 'credential'");
  }

  @Test
  void anUnknownSignTypeStopsTheRoutes() throws Exception {
    Throwable failure =
        YamlRouteHarness.startFailure("alipay-bad-sign-type.camel.yaml", CREDENTIALS);

    assertThat(YamlRouteHarness.rootCause(failure))
        .isInstanceOf(ProcessorPropertyException.class)
        .hasMessageContaining("signType 'RSA3'");
  }

  private static Map<String, String> request() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("app_id", "2021000000000001");
    p.put("method", "alipay.trade.precreate");
    p.put("charset", "UTF-8");
    p.put("timestamp", "2026-11-26 12:00:00");
    p.put("version", "1.0");
    p.put(
        "biz_content",
        "{\"out_trade_no\":\"PH20261126001\",\"total_amount\":\"88.88\",\"subject\":\"咖啡 a+b=c&d\"}");
    return p;
  }

  private static Map<String, String> notification() throws Exception {
    Map<String, String> n = new LinkedHashMap<>();
    n.put("notify_id", "2026112600222000000000000001");
    n.put("app_id", "2021000000000001");
    n.put("charset", "utf-8");
    n.put("out_trade_no", "PH20261126001");
    n.put("trade_status", "TRADE_SUCCESS");
    n.put("total_amount", "88.88");
    n.put("subject", "一杯咖啡 & 蛋糕");
    String content = AlipaySignature.getSignCheckContentV1(new HashMap<>(n));
    n.put("sign", AlipaySignature.rsaSign(content, base64(ALIPAY.getPrivate()), "utf-8", "RSA2"));
    n.put("sign_type", "RSA2");
    return n;
  }

  private static String response(String name, String member) throws Exception {
    String sign = AlipaySignature.rsa256Sign(member, base64(ALIPAY.getPrivate()), "UTF-8");
    return "{\"" + name + "\":" + member + ",\"sign\":\"" + sign + "\"}";
  }

  private static String form(Map<String, String> fields) {
    StringBuilder form = new StringBuilder();
    fields.forEach(
        (k, v) ->
            form.append(form.isEmpty() ? "" : "&")
                .append(k)
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return form.toString();
  }

  private static Map<String, String> decode(String query) {
    Map<String, String> pairs = new TreeMap<>();
    for (String pair : query.split("&")) {
      String[] kv = pair.split("=", 2);
      pairs.put(
          URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
          URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
    }
    return pairs;
  }

  private static Credential credential(String id, KeyPair keys, boolean withPrivateKey) {
    return new Credential(
        id,
        List.of(
            new KeyEntry(
                id, withPrivateKey ? keys.getPrivate() : null, keys.getPublic(), List.of(), null)));
  }
}
