package com.payhub.channel.unionpay;

import static org.assertj.core.api.Assertions.assertThat;

import com.payhub.EventTap;
import com.payhub.crypto.KeyFiles;
import com.payhub.crypto.SandboxKeys;
import com.payhub.model.PaymentEvent;
import com.payhub.model.PaymentStatus;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /notify/unionpay}: refusals are non-200 (so UnionPay resends) and change nothing; a
 * replayed notification is acknowledged with 200 and makes no second event. Each negative is
 * followed by a positive control on the same payment, whose event must be the only one.
 */
class UnionPayNotifyIT extends UnionPayHubSupport {

  private static final String FORM = "application/x-www-form-urlencoded";

  /** A .42 payment: the sandbox leaves it in process and sends nothing until queried. */
  private record Pending(String paymentId, String orderNo, String queryId, long minor) {}

  private Pending pending(EventTap tap) throws Exception {
    String orderNo = orderNo("UN");
    long minor = 7_742;
    String paymentId = payAndAwait(tap, "http", orderNo, minor, PaymentStatus.PENDING);
    String queryId = tap.of(paymentId).get(0).channelTransactionId();
    return new Pending(paymentId, orderNo, queryId, minor);
  }

  private static Map<String, String> fields(Pending p) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("version", "5.1.0");
    f.put("encoding", "UTF-8");
    f.put("bizType", "000201");
    f.put("txnType", "01");
    f.put("txnSubType", "01");
    f.put("accessType", "0");
    f.put("merId", "777290058110048");
    f.put("orderId", p.orderNo());
    // two days old: UnionPay's txnTime is the request's, not the notification's (no freshness)
    f.put("txnTime", UnionPayTime.format(Instant.now().minus(2, ChronoUnit.DAYS)));
    f.put("txnAmt", Long.toString(p.minor()));
    f.put("currencyCode", "156");
    f.put("queryId", p.queryId());
    f.put("respCode", "00");
    f.put("respMsg", "成功[0000000]");
    f.put("traceTime", "1126120000");
    return f;
  }

  private static UnionPaySigner gateway() {
    Path dir = DATA_DIR.resolve("keys/sandbox");
    PrivateKey key = KeyFiles.privateKey("k", dir.resolve("unionpay-gateway-sign-key.pem"));
    X509Certificate cert =
        KeyFiles.certificates("c", dir.resolve("unionpay-gateway-sign-cert.pem")).get(0);
    return UnionPaySigner.rsa(key, cert).embeddingCertificate();
  }

  private HttpResponse<String> notify(Map<String, String> fields) {
    String body =
        fields.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return post("/notify/unionpay", FORM, body);
  }

  private void assertPositiveControlIsTheOnlyEvent(EventTap tap, Pending p) throws Exception {
    HttpResponse<String> ok = notify(gateway().sign(fields(p)));
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.body()).isEqualTo("ok");
    PaymentEvent paid = tap.await(p.paymentId(), pay(PaymentStatus.SUCCEEDED), WAIT);
    assertThat(paid.channelTransactionId()).isEqualTo(p.queryId());
    UnionPayChannelIT.awaitQuiet(tap, p.paymentId(), 2);
    assertThat(tap.of(p.paymentId()).stream().map(PaymentEvent::status).toList())
        .containsExactlyInAnyOrder(PaymentStatus.PENDING, PaymentStatus.SUCCEEDED);
  }

  @Test
  void aReplayIsAcknowledgedAndMakesNoSecondEvent() throws Exception {
    try (EventTap tap = tapEvents()) {
      Pending p = pending(tap);
      Map<String, String> signed = gateway().sign(fields(p));
      assertPositiveControlIsTheOnlyEvent(tap, p);
      HttpResponse<String> again = notify(signed);
      assertThat(again.statusCode()).isEqualTo(200);
      assertThat(again.body()).isEqualTo("ok");
      UnionPayChannelIT.awaitQuiet(tap, p.paymentId(), 2);
      assertThat(tap.of(p.paymentId())).hasSize(2);
    }
  }

  @Test
  void aTamperedNotificationIsRefusedWith401() throws Exception {
    try (EventTap tap = tapEvents()) {
      Pending p = pending(tap);
      Map<String, String> tampered = new LinkedHashMap<>(gateway().sign(fields(p)));
      tampered.put("respMsg", "成功");
      assertThat(notify(tampered).statusCode()).isEqualTo(401);
      Map<String, String> unsigned = new LinkedHashMap<>(fields(p));
      assertThat(notify(unsigned).statusCode()).isEqualTo(401);
      assertPositiveControlIsTheOnlyEvent(tap, p);
    }
  }

  @Test
  void aCertificateOutsideTheTrustedChainIsRefusedWith401() throws Exception {
    try (EventTap tap = tapEvents()) {
      Pending p = pending(tap);
      // a self-signed certificate: right key pair, no chain to the configured root and middle
      SandboxKeys.SandboxFiles stranger =
          new SandboxKeys(DATA_DIR.resolve("stranger")).ensure("unionpay-stranger");
      UnionPaySigner strangerSigner =
          UnionPaySigner.rsa(
                  KeyFiles.privateKey("k", stranger.privateKey()),
                  KeyFiles.certificates("c", stranger.certificate()).get(0))
              .embeddingCertificate();
      assertThat(notify(strangerSigner.sign(fields(p))).statusCode()).isEqualTo(401);
      assertPositiveControlIsTheOnlyEvent(tap, p);
    }
  }

  @Test
  void aWrongAmountIsRefusedWith400() throws Exception {
    try (EventTap tap = tapEvents()) {
      Pending p = pending(tap);
      Map<String, String> f = fields(p);
      f.put("txnAmt", Long.toString(p.minor() + 1));
      HttpResponse<String> r = notify(gateway().sign(f));
      assertThat(r.statusCode()).isEqualTo(400);
      assertPositiveControlIsTheOnlyEvent(tap, p);
    }
  }

  @Test
  void anUnknownOrderOrMerchantIsRefusedWith404() throws Exception {
    try (EventTap tap = tapEvents()) {
      Pending p = pending(tap);
      Map<String, String> unknownOrder = fields(p);
      unknownOrder.put("orderId", "NOSUCHORDER0001");
      assertThat(notify(gateway().sign(unknownOrder)).statusCode()).isEqualTo(404);
      Map<String, String> unknownMerchant = fields(p);
      unknownMerchant.put("merId", "777290058119999");
      assertThat(notify(gateway().sign(unknownMerchant)).statusCode()).isEqualTo(404);
      assertPositiveControlIsTheOnlyEvent(tap, p);
    }
  }
}
