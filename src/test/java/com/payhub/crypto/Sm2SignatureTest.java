package com.payhub.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * SM3withSM2 (GM/T 0009 / GB/T 32918). SM2 signatures are randomised, so there is no known answer;
 * instead a round trip, the user id's effect, and an independent oracle: a signature made by
 * OpenSSL 3.0 with the test-only fixture key and the GM/T 0009 default user id:
 *
 * <pre>
 * openssl genpkey -algorithm SM2 -out test-sm2.pem
 * openssl pkey -in test-sm2.pem -pubout -out test-sm2-public.pem
 * printf '%s' 'PayHub known-answer message' &gt; msg.txt
 * openssl dgst -sm3 -sign test-sm2.pem -sigopt distid:1234567812345678 msg.txt | base64 -w0
 * </pre>
 */
class Sm2SignatureTest {

  static final byte[] DEFAULT_ID = "1234567812345678".getBytes(StandardCharsets.US_ASCII);
  static final String OPENSSL_SIGNATURE =
      "MEUCIQDa/aingYxw/A/djvKE1I6giwMeUYltiQFtjvnVQIKLJgIgSZqPpb/uzr0Iht26sQ5SH7PtPk37dL7RPcOLnbCtDlY=";

  static KeyPair sm2KeyPair() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC", Jca.BC);
    g.initialize(new ECGenParameterSpec("sm2p256v1"));
    return g.generateKeyPair();
  }

  @Test
  void verifiesOpensslsSignatureWithTheDefaultUserId() {
    Verifier verifier = JcaVerifier.sm2(Fixtures.sm2Public(), DEFAULT_ID);
    assertThat(verifier.algorithm()).isEqualTo("SM3withSM2");
    assertThat(verifier.verify(Fixtures.MESSAGE, Base64.getDecoder().decode(OPENSSL_SIGNATURE)))
        .isTrue();
    byte[] otherId = "ALICE123@YAHOO.COM".getBytes(StandardCharsets.US_ASCII);
    assertThat(
            JcaVerifier.sm2(Fixtures.sm2Public(), otherId)
                .verify(Fixtures.MESSAGE, Base64.getDecoder().decode(OPENSSL_SIGNATURE)))
        .isFalse();
  }

  @Test
  void signsWhatOpensslsKeyVerifies() {
    byte[] signature = JcaSigner.sm2(Fixtures.sm2Private(), DEFAULT_ID).sign(Fixtures.MESSAGE);
    assertThat(
            JcaVerifier.sm2(Fixtures.sm2Public(), DEFAULT_ID).verify(Fixtures.MESSAGE, signature))
        .isTrue();
  }

  @Test
  void roundTripWithAUserIdAndAWrongUserIdIsFalse() throws Exception {
    KeyPair pair = sm2KeyPair();
    byte[] userId = "payhub@example".getBytes(StandardCharsets.US_ASCII);
    byte[] message = "amount=100&currency=CNY".getBytes(StandardCharsets.UTF_8);
    byte[] signature = JcaSigner.sm2(pair.getPrivate(), userId).sign(message);

    assertThat(JcaVerifier.sm2(pair.getPublic(), userId).verify(message, signature)).isTrue();
    assertThat(JcaVerifier.sm2(pair.getPublic(), DEFAULT_ID).verify(message, signature)).isFalse();
    assertThat(
            JcaVerifier.sm2(pair.getPublic(), userId)
                .verify("amount=999&currency=CNY".getBytes(StandardCharsets.UTF_8), signature))
        .isFalse();
    assertThat(JcaVerifier.sm2(sm2KeyPair().getPublic(), userId).verify(message, signature))
        .isFalse();
  }

  @Test
  void garbageAndEmptySignaturesAreFalseNotExceptions() throws Exception {
    Verifier verifier = JcaVerifier.sm2(sm2KeyPair().getPublic(), DEFAULT_ID);
    assertThat(verifier.verify(Fixtures.MESSAGE, new byte[0])).isFalse();
    assertThat(verifier.verify(Fixtures.MESSAGE, null)).isFalse();
    assertThat(verifier.verify(Fixtures.MESSAGE, new byte[] {0x30, 0x03, 0x02, 0x01})).isFalse();
    assertThat(verifier.verify(Fixtures.MESSAGE, new byte[64])).isFalse();
    assertThat(
            verifier.verify(
                Fixtures.MESSAGE, "not a signature".getBytes(StandardCharsets.US_ASCII)))
        .isFalse();
  }
}
