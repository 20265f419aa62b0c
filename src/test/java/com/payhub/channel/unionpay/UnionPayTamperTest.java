package com.payhub.channel.unionpay;

import static com.payhub.channel.unionpay.UnionPayFixture.CLOCK;
import static com.payhub.channel.unionpay.UnionPayFixture.SECURE_KEY;
import static com.payhub.channel.unionpay.UnionPayFixture.flip;
import static com.payhub.channel.unionpay.UnionPayFixture.reason;
import static com.payhub.channel.unionpay.UnionPayFixture.with;
import static com.payhub.channel.unionpay.UnionPaySignatureException.Reason.SIGNATURE_INVALID;
import static org.assertj.core.api.Assertions.assertThat;

import com.payhub.channel.unionpay.UnionPaySignatureException.Reason;
import com.payhub.channel.unionpay.UnionPayTestPki.Algorithm;
import com.payhub.channel.unionpay.UnionPayTestPki.Issued;
import com.payhub.channel.unionpay.UnionPayTestPki.Pki;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A message that verified must be refused after one changed byte anywhere that is signed. */
class UnionPayTamperTest {

  static Pki rsaPki;
  static Issued rsaLeaf;
  static Issued rsaOtherLeaf;
  static Pki sm2Pki;
  static Issued sm2Leaf;

  @BeforeAll
  static void pki() {
    rsaPki = Pki.create(Algorithm.RSA);
    rsaLeaf = rsaPki.leaf(UnionPayTestPki.PRODUCTION_CN);
    rsaOtherLeaf = rsaPki.leaf(UnionPayTestPki.PRODUCTION_CN);
    sm2Pki = Pki.create(Algorithm.SM2);
    sm2Leaf = sm2Pki.leaf(UnionPayTestPki.PRODUCTION_CN);
  }

  @ParameterizedTest
  @ValueSource(strings = {"01", "11", "12", "21"})
  void oneChangedByteInAValue(String code) {
    assertRefused(code, f -> with(f, "txnAmt", "10001"));
    assertRefused(code, f -> with(f, "orderDesc", "一杯咖喱"));
    assertRefused(code, f -> with(f, "respCode", "01"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"01", "11", "12", "21"})
  void oneFlippedBitInTheSignature(String code) {
    assertRefused(code, f -> with(f, "signature", flip(f.get("signature"), code)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"01", "21"})
  void aChangedCertId(String code) {
    assertRefused(code, f -> with(f, "certId", f.get("certId") + "1"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"01", "11", "12", "21"})
  void anAddedField(String code) {
    assertRefused(code, f -> with(f, "reqReserved", "x"));
  }

  @Test
  void anotherValidCertificateInSignPubKeyCert() {
    String other = UnionPayCertificates.toPem(rsaOtherLeaf.cert());
    assertRefused("01", f -> with(f, "signPubKeyCert", other));
  }

  @Test
  void oneChangedCharacterInSignPubKeyCert() {
    Map<String, String> signed = sign("01");
    String pem = signed.get("signPubKeyCert");
    int at = pem.length() / 2;
    String tampered =
        pem.substring(0, at) + (pem.charAt(at) == 'A' ? 'B' : 'A') + pem.substring(at + 1);
    // where the byte lands decides whether parsing, the chain or the signature fails first
    assertThat(reason(verifier("01"), with(signed, "signPubKeyCert", tampered)))
        .isIn(Reason.CERT_MALFORMED, Reason.CERT_CHAIN_INVALID, Reason.SIGNATURE_INVALID);
  }

  private static void assertRefused(String code, UnaryOperator<Map<String, String>> tamper) {
    Map<String, String> signed = sign(code);
    UnionPayVerifier v = verifier(code);
    assertThat(v.verify(signed)).isNotNull();
    assertThat(reason(v, tamper.apply(signed))).isEqualTo(SIGNATURE_INVALID);
  }

  private static Map<String, String> sign(String code) {
    UnionPaySigner signer =
        switch (code) {
          case "01" -> UnionPaySigner.rsa(rsaLeaf.key(), rsaLeaf.cert()).embeddingCertificate();
          case "21" -> UnionPaySigner.sm2(sm2Leaf.key(), sm2Leaf.cert()).embeddingCertificate();
          default ->
              UnionPaySigner.secureKey(UnionPaySignMethod.fromCode(code).orElseThrow(), SECURE_KEY);
        };
    return signer.sign(UnionPayFixture.notification());
  }

  private static UnionPayVerifier verifier(String code) {
    Pki pki = code.equals("21") ? sm2Pki : rsaPki;
    return new UnionPayVerifier(pki.production(), CLOCK, SECURE_KEY);
  }
}
