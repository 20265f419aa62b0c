package com.payhub.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** RSA encryption is randomised (OAEP, PKCS#1 v1.5 padding): round trips and failure kinds. */
class RsaCipherTest {

  private static final byte[] CARD = "6222021234567890123".getBytes(StandardCharsets.US_ASCII);
  private static KeyPair other;

  @BeforeAll
  static void otherKey() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048);
    other = g.generateKeyPair();
  }

  @Test
  void oaepRoundTrip() {
    RsaCipher cipher = RsaCipher.oaep(Fixtures.rsaPublic(), Fixtures.rsaPrivate());
    assertThat(cipher.transformation()).isEqualTo("RSA/ECB/OAEPWithSHA-1AndMGF1Padding");
    byte[] first = cipher.encrypt(CARD);
    byte[] second = cipher.encrypt(CARD);
    assertThat(first).hasSize(256).isNotEqualTo(second); // randomised padding
    assertThat(cipher.decrypt(first)).isEqualTo(CARD);
    assertThat(cipher.decrypt(second)).isEqualTo(CARD);
  }

  @Test
  void pkcs1RoundTrip() {
    RsaCipher cipher = RsaCipher.pkcs1(Fixtures.rsaPublic(), Fixtures.rsaPrivate());
    assertThat(cipher.transformation()).isEqualTo("RSA/ECB/PKCS1Padding");
    byte[] first = cipher.encrypt(CARD);
    assertThat(first).hasSize(256).isNotEqualTo(cipher.encrypt(CARD));
    assertThat(cipher.decrypt(first)).isEqualTo(CARD);
  }

  @Test
  void encryptOnlyWithThePublicKeyDecryptOnlyWithThePrivate() {
    byte[] sealed = RsaCipher.oaep(Fixtures.rsaPublic(), null).encrypt(CARD);
    assertThat(RsaCipher.oaep(null, Fixtures.rsaPrivate()).decrypt(sealed)).isEqualTo(CARD);
    assertThatThrownBy(() -> RsaCipher.oaep(null, Fixtures.rsaPrivate()).encrypt(CARD))
        .isInstanceOf(CryptoException.class)
        .isNotInstanceOf(DecryptionFailedException.class);
    assertThatThrownBy(() -> RsaCipher.oaep(Fixtures.rsaPublic(), null).decrypt(sealed))
        .isInstanceOf(CryptoException.class)
        .isNotInstanceOf(DecryptionFailedException.class);
  }

  @Test
  void wrongKeyPaddingOrGarbageIsADecryptionFailure() {
    byte[] oaep = RsaCipher.oaep(Fixtures.rsaPublic(), null).encrypt(CARD);
    byte[] pkcs1 = RsaCipher.pkcs1(Fixtures.rsaPublic(), null).encrypt(CARD);
    assertThatThrownBy(() -> RsaCipher.oaep(null, other.getPrivate()).decrypt(oaep))
        .isInstanceOf(DecryptionFailedException.class);
    assertThatThrownBy(() -> RsaCipher.oaep(null, Fixtures.rsaPrivate()).decrypt(pkcs1))
        .isInstanceOf(DecryptionFailedException.class);
    assertThatThrownBy(() -> RsaCipher.pkcs1(null, Fixtures.rsaPrivate()).decrypt(new byte[256]))
        .isInstanceOf(DecryptionFailedException.class);
    assertThatThrownBy(() -> RsaCipher.oaep(null, Fixtures.rsaPrivate()).decrypt(new byte[300]))
        .isInstanceOf(DecryptionFailedException.class);
    assertThatThrownBy(() -> RsaCipher.oaep(null, Fixtures.rsaPrivate()).decrypt(new byte[0]))
        .isInstanceOf(DecryptionFailedException.class);
  }

  /** Regression: a key of the wrong type was reported as undecryptable input (reject). */
  @Test
  void aWrongTypeOfKeyIsAConfigurationErrorNotARejection() throws Exception {
    KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
    ec.initialize(256);
    RsaCipher misconfigured = RsaCipher.oaep(null, ec.generateKeyPair().getPrivate());
    assertThatThrownBy(() -> misconfigured.decrypt(new byte[256]))
        .isInstanceOf(CryptoException.class)
        .isNotInstanceOf(DecryptionFailedException.class);
    assertThatThrownBy(() -> RsaCipher.oaep(null, Fixtures.rsaPrivate()).decrypt(null))
        .isInstanceOf(DecryptionFailedException.class);
  }

  @Test
  void refusesPlaintextLongerThanThePaddingAllows() {
    RsaCipher cipher = RsaCipher.oaep(Fixtures.rsaPublic(), null);
    assertThat(cipher.encrypt(new byte[214])).hasSize(256); // 256 - 2*20 - 2
    assertThatThrownBy(() -> cipher.encrypt(new byte[215])).isInstanceOf(CryptoException.class);
  }
}
