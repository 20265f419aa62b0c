package com.payhub.channel.unionpay;

import static com.payhub.Samples.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.payhub.EventTap;
import com.payhub.HubTestSupport;
import com.payhub.Samples;
import com.payhub.model.PaymentEvent;
import com.payhub.model.PaymentStatus;
import com.payhub.sandbox.unionpay.UnionPaySandboxGateway;
import com.payhub.sandbox.unionpay.UnionPaySandboxKeys;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the UnionPay integration tests share: canonical orders for the unionpay channel sent over
 * HTTP or the queue, the sandbox gateway's record of what it received, and the independent check of
 * the hub's acp signature (there is no UnionPay SDK on Maven to ask).
 */
abstract class UnionPayHubSupport extends HubTestSupport {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String CARD = "6216261000000000018";
  static final Duration WAIT = Duration.ofSeconds(20);

  @Autowired UnionPaySandboxGateway sandbox;

  static String orderNo(String prefix) {
    return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
  }

  /** A canonical unionpay PAY with a card number in its (sealed) attributes. */
  static String pay(String orderNo, long minor) {
    return Samples.canonical(
        orderNo,
        with(
            "channel",
            "\"unionpay\"",
            "amount",
            "{\"minor\":" + minor + ",\"currency\":\"CNY\"}",
            "attributes",
            "{\"accNo\":\"" + CARD + "\"}"));
  }

  static String operation(String orderNo, String operation, Map<String, Object> more) {
    Map<String, Object> f =
        with(
            "channel",
            "\"unionpay\"",
            "operation",
            "\"" + operation + "\"",
            "amount",
            null,
            "subject",
            null,
            "notifyUrl",
            null);
    if (more != null) {
      f.putAll(more);
    }
    return Samples.canonical(orderNo, f);
  }

  /** Submits a canonical order over "http" or "queue"; returns the hub's answer. */
  JsonNode submit(String transport, String body) throws Exception {
    if (transport.equals("http")) {
      HttpResponse<String> r = post("/api/v1/payments", "application/json", body);
      assertThat(r.statusCode()).as(r.body()).isIn(200, 202);
      return JSON.readTree(r.body());
    }
    String correlation = UUID.randomUUID().toString();
    send("payments.inbound.canonical", body, Map.of("JMSCorrelationID", correlation));
    return JSON.readTree(
        text(receive("payments.results", "JMSCorrelationID = '" + correlation + "'")));
  }

  String payAndAwait(
      EventTap tap, String transport, String orderNo, long minor, PaymentStatus status)
      throws Exception {
    String paymentId = submit(transport, pay(orderNo, minor)).get("paymentId").asText();
    tap.await(paymentId, e -> e.status() == status, WAIT);
    return paymentId;
  }

  static Predicate<PaymentEvent> pay(PaymentStatus status) {
    return e -> e.operation() == com.payhub.model.Operation.PAY && e.status() == status;
  }

  JsonNode ledger(String paymentId) throws Exception {
    return JSON.readTree(get("/api/v1/payments/" + paymentId).body());
  }

  /**
   * The known-answer oracle, written independently of the hub's signer: acp 5.1.0 signMethod 01 is
   * SHA256withRSA over the ASCII of the lowercase hex SHA-256 of the sorted {@code k=v&…} string
   * (blank values left out, {@code signature} excluded, {@code certId} included), made with the key
   * of the certificate whose decimal serial is {@code certId}.
   */
  static void assertSignedByHub(Map<String, String> fields) throws Exception {
    X509Certificate hub;
    try (InputStream in =
        Files.newInputStream(DATA_DIR.resolve("keys/sandbox/" + UnionPaySandboxKeys.HUB_CERT))) {
      hub = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
    assertThat(fields.get("signMethod")).isEqualTo("01");
    assertThat(fields.get("certId")).isEqualTo(hub.getSerialNumber().toString());
    StringBuilder content = new StringBuilder();
    for (var e : new TreeMap<>(fields).entrySet()) {
      if (e.getKey().equals("signature") || e.getValue() == null || e.getValue().isBlank()) {
        continue;
      }
      content
          .append(content.length() == 0 ? "" : "&")
          .append(e.getKey())
          .append('=')
          .append(e.getValue().trim());
    }
    String hex =
        HexFormat.of()
            .formatHex(
                MessageDigest.getInstance("SHA-256")
                    .digest(content.toString().getBytes(StandardCharsets.UTF_8)));
    Signature verifier = Signature.getInstance("SHA256withRSA");
    verifier.initVerify(hub.getPublicKey());
    verifier.update(hex.getBytes(StandardCharsets.US_ASCII));
    assertThat(verifier.verify(Base64.getDecoder().decode(fields.get("signature"))))
        .as("the hub's signature verifies independently")
        .isTrue();
  }

  /** The request the sandbox received for {@code orderId} with {@code txnType}. */
  Map<String, String> received(String orderId, String txnType) {
    return sandbox.received(orderId).stream()
        .map(UnionPaySandboxGateway.Received::fields)
        .filter(f -> txnType.equals(f.get("txnType")))
        .reduce((a, b) -> b)
        .orElseThrow(
            () -> new AssertionError("the sandbox received no " + txnType + " for " + orderId));
  }
}
