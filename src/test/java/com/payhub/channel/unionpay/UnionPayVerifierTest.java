package com.payhub.channel.unionpay;

import static com.payhub.channel.unionpay.UnionPayFixture.CLOCK;
import static com.payhub.channel.unionpay.UnionPayFixture.SECURE_KEY;
import static com.payhub.channel.unionpay.UnionPayFixture.reason;
import static com.payhub.channel.unionpay.UnionPayFixture.with;
import static com.payhub.channel.unionpay.UnionPaySignatureException.Reason.MISSING_SIGNATURE;
import static com.payhub.channel.unionpay.UnionPaySignatureException.Reason.SIGNATURE_INVALID;
import static com.payhub.channel.unionpay.UnionPaySignatureException.Reason.UNSUPPORTED_SIGN_METHOD;
import static org.assertj.core.api.Assertions.assertThat;

import com.payhub.channel.unionpay.UnionPayTestPki.Algorithm;
import com.payhub.channel.unionpay.UnionPayTestPki.Issued;
import com.payhub.channel.unionpay.UnionPayTestPki.Pki;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.signers.PlainDSAEncoding;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Round trips sign → verify for every signMethod, and the reasons for refusing. */
class UnionPayVerifierTest {

  static Pki rsaPki;
  static Issued rsaLeaf;
  static Pki sm2Pki;
  static Issued sm2Leaf;

  @BeforeAll
  static void pki() {
    rsaPki = Pki.create(Algorithm.RSA);
    rsaLeaf = rsaPki.leaf(UnionPayTestPki.PRODUCTION_CN);
    sm2Pki = Pki.create(Algorithm.SM2);
    sm2Leaf = sm2Pki.leaf(UnionPayTestPki.PRODUCTION_CN);
  }

  static Map<String, String> signed01() {
    return UnionPaySigner.rsa(rsaLeaf.key(), rsaLeaf.cert())
        .embeddingCertificate()
        .sign(UnionPayFixture.notification());
  }

  static Map<String, String> signedKeyed(UnionPaySignMethod method) {
    return UnionPaySigner.secureKey(method, SECURE_KEY).sign(UnionPayFixture.notification());
  }

  static UnionPayVerifier verifier() {
    return new UnionPayVerifier(rsaPki.production(), CLOCK, SECURE_KEY);
  }

  @Test
  void signMethod01RoundTrips() {
    Map<String, String> signed = signed01();
    assertThat(signed.get("signPubKeyCert")).startsWith("-----BEGIN CERTIFICATE-----\r\n");
    assertThat(verifier().verify(signed)).isEqualTo(UnionPaySignMethod.RSA);
  }

  @Test
  void signMethods11And12RoundTrip() {
    assertThat(verifier().verify(signedKeyed(UnionPaySignMethod.SHA256)))
        .isEqualTo(UnionPaySignMethod.SHA256);
    assertThat(verifier().verify(signedKeyed(UnionPaySignMethod.SM3)))
        .isEqualTo(UnionPaySignMethod.SM3);
  }

  @Test
  void sm2RoundTripsAndIsPlainRsOverTheSm3HexWithCertIdAsUserId() throws Exception {
    Map<String, String> signed =
        UnionPaySigner.sm2(sm2Leaf.key(), sm2Leaf.cert())
            .embeddingCertificate()
            .sign(UnionPayFixture.notification());
    assertThat(signed).containsEntry("signMethod", "21");
    UnionPayVerifier v = new UnionPayVerifier(sm2Pki.production(), CLOCK, null);
    assertThat(v.verify(signed)).isEqualTo(UnionPaySignMethod.SM2);

    // independent check with BouncyCastle's low-level SM2Signer and SM3Digest, not PayHub's code
    byte[] rs = Base64.getDecoder().decode(signed.get("signature"));
    assertThat(rs).hasSize(64);
    String sm3Hex = UnionPayFixture.sm3Hex(UnionPaySignContent.of(signed));
    byte[] userId = sm2Leaf.cert().getSerialNumber().toString().getBytes(StandardCharsets.US_ASCII);
    SM2Signer bc = new SM2Signer(PlainDSAEncoding.INSTANCE);
    bc.init(
        false,
        new ParametersWithID(
            PublicKeyFactory.createKey(sm2Leaf.cert().getPublicKey().getEncoded()), userId));
    byte[] message = sm3Hex.getBytes(StandardCharsets.US_ASCII);
    bc.update(message, 0, message.length);
    assertThat(bc.verifySignature(rs)).isTrue();
  }

  @Test
  void secureKeySignaturesNeedTheRightKeyAndLowercaseHex() {
    Map<String, String> signed = signedKeyed(UnionPaySignMethod.SHA256);
    UnionPayVerifier wrongKey = new UnionPayVerifier(rsaPki.production(), CLOCK, SECURE_KEY + "x");
    assertThat(reason(wrongKey, signed)).isEqualTo(SIGNATURE_INVALID);
    // acp compares with String.equals: upper-case hex is a different signature
    String upper = signed.get("signature").toUpperCase();
    assertThat(reason(verifier(), with(signed, "signature", upper))).isEqualTo(SIGNATURE_INVALID);
  }

  @Test
  void missingSignatureAndUnsupportedMethodsHaveTheirReasons() {
    UnionPayVerifier v = verifier();
    Map<String, String> signed = signed01();
    assertThat(reason(v, with(signed, "signature", null))).isEqualTo(MISSING_SIGNATURE);
    assertThat(reason(v, with(signed, "signature", "  "))).isEqualTo(MISSING_SIGNATURE);
    assertThat(reason(v, with(signed, "signMethod", "99"))).isEqualTo(UNSUPPORTED_SIGN_METHOD);
    assertThat(reason(v, with(signed, "signMethod", null))).isEqualTo(UNSUPPORTED_SIGN_METHOD);
    assertThat(reason(v, with(signed, "version", "5.0.0"))).isEqualTo(UNSUPPORTED_SIGN_METHOD);
    assertThat(reason(v, with(signed, "encoding", "no-such-charset")))
        .isEqualTo(UNSUPPORTED_SIGN_METHOD);
    UnionPayVerifier certificatesOnly = new UnionPayVerifier(rsaPki.production(), CLOCK, null);
    assertThat(reason(certificatesOnly, signedKeyed(UnionPaySignMethod.SM3)))
        .isEqualTo(UNSUPPORTED_SIGN_METHOD);
  }

  @Test
  void anRsaCertificateCannotVouchForAnSm2SignMethod() {
    assertThat(reason(verifier(), with(signed01(), "signMethod", "21")))
        .isEqualTo(SIGNATURE_INVALID);
  }

  @Test
  void verifyingDoesNotModifyTheMap() {
    Map<String, String> signed = new HashMap<>(signed01());
    Map<String, String> before = Map.copyOf(signed);
    verifier().verify(signed);
    assertThat(signed).isEqualTo(before);
  }
}
