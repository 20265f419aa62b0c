package com.payhub.channel.unionpay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.payhub.channel.unionpay.UnionPaySignatureException.Reason;
import com.payhub.channel.unionpay.UnionPayTestPki.Algorithm;
import com.payhub.channel.unionpay.UnionPayTestPki.Issued;
import com.payhub.channel.unionpay.UnionPayTestPki.Pki;
import com.payhub.crypto.Credential;
import com.payhub.crypto.KeyEntry;
import com.payhub.crypto.camel.ProcessorPropertyException;
import com.payhub.crypto.camel.YamlRouteHarness;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The UnionPay processors as a route file declares them ({@code processors/unionpay.camel.yaml}),
 * in a plain Camel context: merchant-side signatures checked by hand with MessageDigest and
 * Signature, UnionPay-side messages (signed with an embedded certificate) checked by the verify
 * processor against a root and middle certificate.
 */
class UnionPayProcessorTest {

  static final Pki RSA_PKI = Pki.create(Algorithm.RSA);
  static final Pki SM2_PKI = Pki.create(Algorithm.SM2);
  static final Issued RSA_SIGNER = unionPayLeaf(RSA_PKI);
  static final Issued SM2_SIGNER = unionPayLeaf(SM2_PKI);
  static final String SECURE_KEY = UnionPayFixture.SECURE_KEY;

  static final Map<String, Credential> CREDENTIALS =
      Map.of(
          "unionpay-signer-rsa", signer("unionpay-signer-rsa", RSA_SIGNER),
          "unionpay-signer-sm2", signer("unionpay-signer-sm2", SM2_SIGNER),
          "unionpay-secure-key",
              new Credential("unionpay-secure-key", List.of(secret("secure-key"))),
          "unionpay-trust",
              new Credential(
                  "unionpay-trust",
                  List.of(
                      certificate("root", RSA_PKI.root()),
                      certificate("middle", RSA_PKI.middle()),
                      secret("secure-key"))),
          "unionpay-trust-sm2",
              new Credential(
                  "unionpay-trust-sm2",
                  List.of(
                      certificate("root", SM2_PKI.root()),
                      certificate("middle", SM2_PKI.middle()))),
          "unionpay-root-only",
              new Credential("unionpay-root-only", List.of(certificate("root", RSA_PKI.root()))));

  static YamlRouteHarness routes;

  @BeforeAll
  static void start() throws Exception {
    routes = YamlRouteHarness.start("unionpay.camel.yaml", CREDENTIALS);
  }

  @AfterAll
  static void stop() {
    routes.close();
  }

  @Test
  void rsaSignatureVerifiesWithMessageDigestAndSignature() throws Exception {
    Map<String, String> request = UnionPayFixture.consume();
    Map<String, String> before = new HashMap<>(request);

    Map<String, String> signed = signed("unionpay-sign", request);

    assertThat(request).isEqualTo(before);
    assertThat(signed)
        .containsEntry("signMethod", "01")
        .containsEntry("certId", RSA_SIGNER.cert().getSerialNumber().toString())
        .containsEntry("frontUrl", "https://merchant.example/front")
        .doesNotContainKeys("reqReserved", "riskRateInfo");
    String hex = HexFormat.of().formatHex(sha256(content(signed)));
    Signature rsa = Signature.getInstance("SHA256withRSA");
    rsa.initVerify(RSA_SIGNER.cert().getPublicKey());
    rsa.update(hex.getBytes(StandardCharsets.US_ASCII));
    assertThat(rsa.verify(Base64.getDecoder().decode(signed.get("signature")))).isTrue();
  }

  @Test
  void sm3SecureKeySignatureMatchesAnIndependentSm3() throws Exception {
    Map<String, String> signed = signed("unionpay-sign-sm3", UnionPayFixture.consume());

    assertThat(signed).containsEntry("signMethod", "12").doesNotContainKey("certId");
    String expected =
        UnionPayFixture.sm3Hex(content(signed) + "&" + UnionPayFixture.sm3Hex(SECURE_KEY));
    assertThat(signed.get("signature")).isEqualTo(expected);
  }

  @Test
  void unionPayMessagesVerifyAsMapAndAsForm() throws Exception {
    Map<String, String> rsa = unionPayMessage("unionpay-sign", RSA_SIGNER);
    Map<String, String> sm2 = unionPayMessage("unionpay-sign-sm2", SM2_SIGNER);
    Map<String, String> sm3 = signed("unionpay-sign-sm3", UnionPayFixture.notification());

    assertVerified(routes.send("unionpay-verify", rsa, Map.of()), "01");
    assertVerified(routes.send("unionpay-verify", form(rsa), Map.of()), "01");
    assertVerified(routes.send("unionpay-verify-sm2", sm2, Map.of()), "21");
    assertVerified(routes.send("unionpay-verify", sm3, Map.of()), "12");
  }

  @Test
  void tamperedMessagesAreRefusedWithTheTypedException() throws Exception {
    Map<String, String> rsa = unionPayMessage("unionpay-sign", RSA_SIGNER);
    Map<String, String> sm2 = unionPayMessage("unionpay-sign-sm2", SM2_SIGNER);
    Map<String, String> sm3 = signed("unionpay-sign-sm3", UnionPayFixture.notification());

    assertThat(reason(routes.send("unionpay-verify", tamper(rsa), Map.of())))
        .isEqualTo(Reason.SIGNATURE_INVALID);
    assertThat(reason(routes.send("unionpay-verify-sm2", tamper(sm2), Map.of())))
        .isEqualTo(Reason.SIGNATURE_INVALID);
    assertThat(reason(routes.send("unionpay-verify", tamper(sm3), Map.of())))
        .isEqualTo(Reason.SIGNATURE_INVALID);
    // an SM2 certificate does not chain to the RSA root
    assertThat(reason(routes.send("unionpay-verify", sm2, Map.of())))
        .isEqualTo(Reason.CERT_CHAIN_INVALID);
  }

  @Test
  void aTrustCredentialWithoutMiddleStopsTheRoutesNamingTheKeyId() throws Exception {
    Throwable failure =
        YamlRouteHarness.startFailure("unionpay-trust-without-middle.camel.yaml", CREDENTIALS);

    assertThat(YamlRouteHarness.rootCause(failure))
        .isInstanceOf(ProcessorPropertyException.class)
        .hasMessageContaining("UnionPayVerifyProcessor needs a key with key-id 'middle'")
        .hasMessageContaining("credential 'unionpay-root-only'");
  }

  @Test
  void anUnquotedSignMethodStaysTextAndAWrongOneStopsTheRoutes() throws Exception {
    try (YamlRouteHarness unquoted =
        YamlRouteHarness.start("unionpay-unquoted-sign-method.camel.yaml", CREDENTIALS)) {
      Exchange out = unquoted.send("unionpay-sign-unquoted", UnionPayFixture.consume(), Map.of());
      assertThat(out.getMessage().getBody(Map.class)).containsEntry("signMethod", "01");
    }
    UnionPaySignProcessor wrong = new UnionPaySignProcessor();
    wrong.setKeyRing(CREDENTIALS::get);
    wrong.setCredential("unionpay-signer-rsa");
    wrong.setSignMethod("1");

    assertThatThrownBy(wrong::start)
        .isInstanceOf(ProcessorPropertyException.class)
        .hasMessageStartingWith("UnionPaySignProcessor has signMethod '1'");
  }

  /** As UnionPay sends a notification: its signing certificate embedded, then signed. */
  private static Map<String, String> unionPayMessage(String route, Issued signer) {
    Map<String, String> fields = new HashMap<>(UnionPayFixture.notification());
    fields.put("signPubKeyCert", UnionPayCertificates.toPem(signer.cert()));
    return signed(route, fields);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> signed(String route, Map<String, String> fields) {
    Exchange out = routes.send(route, fields, Map.of());
    assertThat(out.getException()).isNull();
    return out.getMessage().getBody(Map.class);
  }

  private static void assertVerified(Exchange out, String signMethod) {
    assertThat(out.getException()).isNull();
    assertThat(out.getMessage().getHeader("PayHubSignatureVerified")).isEqualTo(true);
    assertThat(out.getMessage().getHeader(UnionPayVerifyProcessor.SIGN_METHOD_HEADER))
        .isEqualTo(signMethod);
    assertThat(out.getMessage().getBody(Map.class)).containsEntry("txnAmt", "10000");
  }

  private static Reason reason(Exchange out) {
    assertThat(out.getException()).isInstanceOf(UnionPaySignatureException.class);
    return ((UnionPaySignatureException) out.getException()).reason();
  }

  private static Map<String, String> tamper(Map<String, String> signed) {
    Map<String, String> copy = new HashMap<>(signed);
    copy.put("txnAmt", "1");
    return copy;
  }

  /** acp's string to sign, written out: sorted k=v joined by &, without signature. */
  private static String content(Map<String, String> signed) {
    StringJoiner joined = new StringJoiner("&");
    new TreeMap<>(signed)
        .forEach(
            (k, v) -> {
              if (!k.equals("signature")) {
                joined.add(k + "=" + v);
              }
            });
    return joined.toString();
  }

  private static byte[] sha256(String text) throws Exception {
    return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String form(Map<String, String> fields) {
    StringJoiner form = new StringJoiner("&");
    fields.forEach((k, v) -> form.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return form.toString();
  }

  /** A UnionPay-like signing certificate valid today (the test PKI's dates are fixed). */
  private static Issued unionPayLeaf(Pki pki) {
    int today = (int) Duration.between(UnionPayTestPki.NOW, Instant.now()).toDays();
    return pki.leaf(UnionPayTestPki.PRODUCTION_CN, UnionPayTestPki.next(), today - 30, today + 365);
  }

  private static Credential signer(String id, Issued issued) {
    return new Credential(
        id, List.of(new KeyEntry("signer", issued.key(), null, List.of(issued.cert()), null)));
  }

  private static KeyEntry certificate(String keyId, Issued issued) {
    return new KeyEntry(keyId, null, null, List.of(issued.cert()), null);
  }

  private static KeyEntry secret(String keyId) {
    return new KeyEntry(keyId, null, null, null, SECURE_KEY.getBytes(StandardCharsets.UTF_8));
  }
}
