package com.payhub.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * RSA PKCS#1 v1.5 signatures are deterministic, so openssl's output is a known answer. The fixture
 * key and the expected values were made with OpenSSL 3.0:
 *
 * <pre>
 * openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out test-rsa-2048.pem
 * printf '%s' 'PayHub known-answer message' &gt; msg.txt
 * openssl dgst -sha256 -sign test-rsa-2048.pem msg.txt | base64 -w0   # SHA256_SIGNATURE
 * openssl dgst -sha1   -sign test-rsa-2048.pem msg.txt | base64 -w0   # SHA1_SIGNATURE
 * </pre>
 */
class RsaSignatureTest {

  static final String SHA256_SIGNATURE =
      "gem3JnoLACWNsMa2P12llWCqNcu8cWWhNqNZUjoA21eNYfKYUQm2yMmyyZ+OhiZyOHeePB//BsLyW1Ns6/K1Bzgy"
          + "GPJdMs84zQsMGu24IpIWWrMYFSQP9TAq7G+XoBwCtsSUuPMv0kxauOmX7H/FC9vPD03udWo4VqXsKCyC2DYY"
          + "zzpoV76eFqYLyzxVHHzBTgLZ4+c7REHijgn3lD/gBwUAl+uTYiLsTmL9RGUsR40of/XXlKH3aZsmfot8t7Xc"
          + "xDaSddY76r1bf6BYgsliLCr1jJi1GnZfosRDj4YWS4oPlR5Bp0BFG1QjvGm7WpO/DiSsk7wCn3NoikmYU3HNGQ==";

  static final String SHA1_SIGNATURE =
      "EdlUMV2DaFA6OApIwxBH2n/CJrzJpq/RZ5HKHB2qDbEzEdy6h+iUiZczEJPot8Sl6O+VDaPEwst2zNjC/1jVFJsv"
          + "7B/QbIBK8OtNWZZrHAIE33zQzx5B7JQ0ZBorN+uXNfPWztNkjof6XOgpbEVmyb5QEc2WuA6FLj1f90I9eSem"
          + "Qywr7lloZl5zBG74WO8W8L+qEYIAYx3L4BsMM+DFwGP+eaYknsj4njTKr7BAHU+ippxXWmewU+krr26febCA"
          + "bkgPHabD+VfdRHScGihVYiof3W2go0FpXMqjbC+GYNz+/KUw0DUALnYy1cSyI41QBWtokJrjTNU9gY3PhixoCg==";

  private final Signer sha256Signer = JcaSigner.rsa(RsaHash.SHA256, Fixtures.rsaPrivate());
  private final Verifier sha256Verifier = JcaVerifier.rsa(RsaHash.SHA256, Fixtures.rsaPublic());

  @Test
  void sha256SignatureEqualsOpenssl() {
    assertThat(sha256Signer.algorithm()).isEqualTo("SHA256withRSA");
    assertThat(Base64.getEncoder().encodeToString(sha256Signer.sign(Fixtures.MESSAGE)))
        .isEqualTo(SHA256_SIGNATURE);
    assertThat(
            sha256Verifier.verify(Fixtures.MESSAGE, Base64.getDecoder().decode(SHA256_SIGNATURE)))
        .isTrue();
  }

  @Test
  void sha1SignatureEqualsOpenssl() {
    Signer signer = JcaSigner.rsa(RsaHash.SHA1, Fixtures.rsaPrivate());
    assertThat(Base64.getEncoder().encodeToString(signer.sign(Fixtures.MESSAGE)))
        .isEqualTo(SHA1_SIGNATURE);
    Verifier verifier = JcaVerifier.rsa(RsaHash.SHA1, Fixtures.rsaPublic());
    assertThat(verifier.verify(Fixtures.MESSAGE, Base64.getDecoder().decode(SHA1_SIGNATURE)))
        .isTrue();
    // the hash is part of the signature: a SHA-1 signature is not a SHA-256 one
    assertThat(sha256Verifier.verify(Fixtures.MESSAGE, Base64.getDecoder().decode(SHA1_SIGNATURE)))
        .isFalse();
  }

  @Test
  void aChangedMessageOrSignatureIsFalse() {
    byte[] signature = Base64.getDecoder().decode(SHA256_SIGNATURE);
    byte[] flipped = signature.clone();
    flipped[100] ^= 1;
    assertThat(sha256Verifier.verify(Fixtures.MESSAGE, flipped)).isFalse();
    assertThat(
            sha256Verifier.verify(
                "PayHub known-answer message.".getBytes(StandardCharsets.US_ASCII), signature))
        .isFalse();
  }

  @Test
  void garbageAndEmptySignaturesAreFalseNotExceptions() {
    assertThat(sha256Verifier.verify(Fixtures.MESSAGE, new byte[0])).isFalse();
    assertThat(sha256Verifier.verify(Fixtures.MESSAGE, null)).isFalse();
    assertThat(sha256Verifier.verify(Fixtures.MESSAGE, new byte[] {1, 2, 3})).isFalse();
    assertThat(sha256Verifier.verify(Fixtures.MESSAGE, new byte[256])).isFalse();
    byte[] allOnes = new byte[256];
    Arrays.fill(allOnes, (byte) 0xff); // larger than the modulus
    assertThat(sha256Verifier.verify(Fixtures.MESSAGE, allOnes)).isFalse();
    assertThat(sha256Verifier.verify(Fixtures.MESSAGE, new byte[512])).isFalse();
    assertThat(
            sha256Verifier.verify(
                Fixtures.MESSAGE, SHA256_SIGNATURE.getBytes(StandardCharsets.US_ASCII)))
        .isFalse(); // base64 text passed where bytes belong
  }

  @Test
  void anotherKeysSignatureIsFalse() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048);
    Verifier other = JcaVerifier.rsa(RsaHash.SHA256, g.generateKeyPair().getPublic());
    assertThat(other.verify(Fixtures.MESSAGE, Base64.getDecoder().decode(SHA256_SIGNATURE)))
        .isFalse();
  }
}
