package com.payhub.sandbox.unionpay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.payhub.channel.unionpay.UnionPayResponseText;
import com.payhub.channel.unionpay.UnionPaySignatureException;
import com.payhub.channel.unionpay.UnionPaySigner;
import com.payhub.channel.unionpay.UnionPayTrust;
import com.payhub.channel.unionpay.UnionPayVerifier;
import com.payhub.crypto.KeyFiles;
import com.payhub.crypto.SandboxKeys;
import com.payhub.sandbox.SandboxNotifier;
import com.payhub.sandbox.SandboxProperties;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * The sandbox UnionPay without the hub: its generated PKI passes the hub's production checks
 * (chain, owner in the CN's third field, signature), it refuses a request the hub did not sign with
 * respCode 11, and a BAD_SIGNATURE answer does not verify.
 */
class UnionPaySandboxTest {

  @TempDir static Path dir;
  static SandboxKeys keys;
  static UnionPaySandboxKeys unionpay;
  static SandboxNotifier notifier;
  static UnionPaySandboxGateway gateway;
  static UnionPayVerifier hubVerifier;
  static UnionPaySigner hubSigner;

  @BeforeAll
  static void sandbox() {
    keys = new SandboxKeys(dir.resolve("keys"));
    unionpay = new UnionPaySandboxKeys(keys);
    SandboxProperties properties =
        new SandboxProperties(
            true, Duration.ofMillis(10), List.of(), Duration.ofMillis(1), Duration.ofMillis(1), 2);
    notifier = new SandboxNotifier(properties);
    gateway =
        new UnionPaySandboxGateway(
            unionpay, notifier, properties, new com.payhub.sandbox.SandboxCalls());
    unionpay.hubCredentials(keys);
    Path k = keys.dir();
    hubVerifier =
        new UnionPayVerifier(
            UnionPayTrust.production(
                KeyFiles.certificates("r", k.resolve(UnionPaySandboxKeys.ROOT)).get(0),
                KeyFiles.certificates("m", k.resolve(UnionPaySandboxKeys.MIDDLE)).get(0)),
            Clock.systemUTC(),
            null);
    hubSigner =
        UnionPaySigner.rsa(
            KeyFiles.privateKey("h", k.resolve(UnionPaySandboxKeys.HUB_KEY)),
            KeyFiles.certificates("h", k.resolve(UnionPaySandboxKeys.HUB_CERT)).get(0));
  }

  @AfterAll
  static void close() {
    notifier.close();
  }

  static Map<String, String> consume(String orderId, String amount) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("version", "5.1.0");
    f.put("encoding", "UTF-8");
    f.put("txnType", "01");
    f.put("txnSubType", "01");
    f.put("bizType", "000201");
    f.put("channelType", "07");
    f.put("accessType", "0");
    f.put("merId", "777290058110048");
    f.put("orderId", orderId);
    f.put("txnTime", "20261126120000");
    f.put("txnAmt", amount);
    f.put("currencyCode", "156");
    f.put("backUrl", "http://127.0.0.1:9/notify/unionpay");
    f.put("accNo", unionpayEncrypt("6216261000000000018"));
    return f;
  }

  static String unionpayEncrypt(String card) {
    return com.payhub.channel.unionpay.UnionPaySensitiveFields.encryptingFor(
            KeyFiles.certificates("e", keys.dir().resolve(UnionPaySandboxKeys.ENCRYPT_CERT)).get(0))
        .encrypt(card);
  }

  static Map<String, String> post(Map<String, String> fields) {
    String body =
        fields.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    MockHttpServletRequest request =
        new MockHttpServletRequest("POST", "/sandbox/unionpay/gateway/api/backTransReq.do");
    ResponseEntity<String> answer = gateway.back(request, body.getBytes(StandardCharsets.UTF_8));
    assertThat(answer.getStatusCode().value()).isEqualTo(200);
    return UnionPayResponseText.parse(answer.getBody());
  }

  @Test
  void aSignedConsumeIsAcceptedWithAnAnswerTheHubsProductionCheckAccepts() {
    Map<String, String> answer = post(hubSigner.sign(consume("SBX00000001", "100")));
    assertThat(answer.get("respCode")).isEqualTo("00");
    assertThat(answer.get("queryId")).matches("\\d{21}");
    assertThat(answer.get("signPubKeyCert")).startsWith("-----BEGIN CERTIFICATE-----");
    hubVerifier.verify(answer);
    assertThat(gateway.received("SBX00000001")).hasSize(1);
  }

  @Test
  void aRequestTheHubDidNotSignIsAnsweredWithRespCode11() {
    Map<String, String> tampered =
        new LinkedHashMap<>(hubSigner.sign(consume("SBX00000002", "100")));
    tampered.put("txnAmt", "1");
    Map<String, String> answer = post(tampered);
    assertThat(answer.get("respCode")).isEqualTo("11");
    assertThat(answer.get("respMsg")).isEqualTo("验证签名失败");
    assertThat(answer).doesNotContainKey("queryId");
    hubVerifier.verify(answer);

    Map<String, String> otherCert =
        new LinkedHashMap<>(hubSigner.sign(consume("SBX00000003", "100")));
    otherCert.put("certId", "1");
    assertThat(post(otherCert).get("respCode")).isEqualTo("11");
  }

  @Test
  void aBadSignatureBehaviourAnswersWithASignatureThatDoesNotVerify() {
    Map<String, String> answer = post(hubSigner.sign(consume("SBX00000004", "148")));
    assertThat(answer.get("respCode")).isEqualTo("00");
    assertThatThrownBy(() -> hubVerifier.verify(answer))
        .isInstanceOf(UnionPaySignatureException.class);
  }

  @Test
  void aSecondConsumeWithTheSameOrderIdIsADuplicate() {
    post(hubSigner.sign(consume("SBX00000005", "100")));
    assertThat(post(hubSigner.sign(consume("SBX00000005", "100"))).get("respCode")).isEqualTo("12");
  }

  @Test
  void aRefundIsQueriedByItsOwnOrderIdAndTimeWithASignedAnswer() {
    String origQryId =
        post(hubSigner.sign(consume("SBX00000006", "1000"))).get("queryId"); // settled at once
    assertThat(post(hubSigner.sign(refund("SBX0000006R", "300", origQryId))).get("respCode"))
        .isEqualTo("00");

    Map<String, String> answer = query(hubSigner.sign(queryOf("SBX0000006R", REFUND_TIME)));

    hubVerifier.verify(answer);
    assertThat(answer)
        .containsEntry("respCode", "00")
        .containsEntry("orderId", "SBX0000006R")
        .containsEntry("origRespCode", "00")
        .containsEntry("txnAmt", "300");
    assertThat(query(hubSigner.sign(queryOf("SBX0000006R", "20261126120000"))).get("respCode"))
        .as("another txnTime is another transaction")
        .isEqualTo("34");
    assertThat(query(hubSigner.sign(queryOf("SBX0000006X", REFUND_TIME))).get("respCode"))
        .isEqualTo("34");
  }

  @Test
  void aRefundQueryTheHubDidNotSignIsAnsweredWithRespCode11() {
    Map<String, String> tampered =
        new LinkedHashMap<>(hubSigner.sign(queryOf("SBX0000007R", REFUND_TIME)));
    tampered.put("orderId", "SBX0000007X");
    Map<String, String> answer = query(tampered);
    assertThat(answer.get("respCode")).isEqualTo("11");
    hubVerifier.verify(answer);
  }

  @Test
  void aTimedOutRefundIsMadeButNeverNotifiedSoOnlyTheQueryTells() {
    String origQryId = post(hubSigner.sign(consume("SBX00000008", "1000"))).get("queryId");

    Map<String, String> late = post(hubSigner.sign(refund("SBX0000008R", "145", origQryId)));

    assertThat(late.get("respCode")).isEqualTo("00");
    assertThat(query(hubSigner.sign(queryOf("SBX0000008R", REFUND_TIME))))
        .containsEntry("respCode", "00")
        .containsEntry("origRespCode", "00");
    assertThat(notifier.deliveries("unionpay:SBX0000008R:")).isEmpty();
  }

  static final String REFUND_TIME = "20261126130000";

  static Map<String, String> refund(String orderId, String amount, String origQryId) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("version", "5.1.0");
    f.put("encoding", "UTF-8");
    f.put("txnType", "04");
    f.put("txnSubType", "00");
    f.put("bizType", "000201");
    f.put("channelType", "07");
    f.put("accessType", "0");
    f.put("merId", "777290058110048");
    f.put("orderId", orderId);
    f.put("txnTime", REFUND_TIME);
    f.put("txnAmt", amount);
    f.put("currencyCode", "156");
    f.put("origQryId", origQryId);
    f.put("backUrl", "http://127.0.0.1:9/notify/unionpay");
    return f;
  }

  static Map<String, String> queryOf(String orderId, String txnTime) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("version", "5.1.0");
    f.put("encoding", "UTF-8");
    f.put("txnType", "00");
    f.put("txnSubType", "00");
    f.put("bizType", "000000");
    f.put("accessType", "0");
    f.put("merId", "777290058110048");
    f.put("orderId", orderId);
    f.put("txnTime", txnTime);
    return f;
  }

  static Map<String, String> query(Map<String, String> fields) {
    String body =
        fields.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    MockHttpServletRequest request =
        new MockHttpServletRequest("POST", "/sandbox/unionpay/gateway/api/queryTrans.do");
    ResponseEntity<String> answer = gateway.query(request, body.getBytes(StandardCharsets.UTF_8));
    assertThat(answer.getStatusCode().value()).isEqualTo(200);
    return UnionPayResponseText.parse(answer.getBody());
  }

  @Test
  void keysAreGeneratedOnceOwnerOnlyAndReused() throws Exception {
    Path cert = keys.dir().resolve(UnionPaySandboxKeys.HUB_CERT);
    String before = Files.readString(cert);
    unionpay.hubCredentials(keys);
    assertThat(Files.readString(cert)).isEqualTo(before);
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(keys.dir().resolve(UnionPaySandboxKeys.HUB_KEY))))
        .isEqualTo("rw-------");
  }
}
