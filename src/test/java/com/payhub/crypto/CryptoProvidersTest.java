package com.payhub.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.LoggerFactory;

/**
 * The native-provider switch: ACCP's RSA signatures are byte-identical to the JDK's (and to
 * OpenSSL's known answers), each verifies the other's, and when ACCP cannot be had signing goes on
 * with the JDK after one WARN.
 */
class CryptoProvidersTest {

  private static final byte[] MESSAGE =
      "app_id=2021000000000001&biz_content={\"subject\":\"绿茶 250 克\"}&charset=utf-8"
          .getBytes(StandardCharsets.UTF_8);

  private ListAppender<ILoggingEvent> logs;

  @BeforeEach
  void captureLogs() {
    logs = new ListAppender<>();
    logs.start();
    logger().addAppender(logs);
  }

  @AfterEach
  void restoreJdk() {
    CryptoProviders.use(CryptoProviders.JDK); // the provider list is JVM-wide: leave it as found
    logger().detachAppender(logs);
  }

  @ParameterizedTest
  @EnumSource(RsaHash.class)
  void accpSignsByteIdenticallyToTheJdkAndEachVerifiesTheOther(RsaHash hash) throws Exception {
    assumeAccpPlatform();
    KeyPair pair = rsa2048();
    byte[] jdkSignature = sign(hash, pair, "SunRsaSign");

    assertThat(CryptoProviders.use("accp")).isEqualTo(CryptoProviders.ACCP);
    assertThat(CryptoProviders.active()).isEqualTo(CryptoProviders.ACCP);
    assertThat(providerOf(hash, pair)).isEqualTo(CryptoProviders.RSA_PROVIDER_NAME);
    byte[] accpSignature = JcaSigner.rsa(hash, pair.getPrivate()).sign(MESSAGE);

    assertThat(accpSignature).isEqualTo(jdkSignature);
    assertThat(JcaVerifier.rsa(hash, pair.getPublic()).verify(MESSAGE, jdkSignature)).isTrue();
    Signature jdk = Signature.getInstance(hash.algorithm(), "SunRsaSign");
    jdk.initVerify(pair.getPublic());
    jdk.update(MESSAGE);
    assertThat(jdk.verify(accpSignature)).isTrue();
    byte[] tampered = MESSAGE.clone();
    tampered[0] ^= 1;
    assertThat(JcaVerifier.rsa(hash, pair.getPublic()).verify(tampered, jdkSignature)).isFalse();
    assertThat(warnings()).isEmpty();
  }

  @Test
  void accpGivesOpensslsKnownAnswer() {
    assumeAccpPlatform();
    CryptoProviders.use("ACCP"); // case and blanks do not matter
    assertThat(
            Base64.getEncoder()
                .encodeToString(
                    JcaSigner.rsa(RsaHash.SHA256, Fixtures.rsaPrivate()).sign(Fixtures.MESSAGE)))
        .isEqualTo(RsaSignatureTest.SHA256_SIGNATURE);
  }

  @Test
  void accpTakesKeysOfOtherProvidersAndReusesTheirTranslation() throws Exception {
    assumeAccpPlatform();
    KeyPair pair = rsa2048();
    byte[] jdkSignature = sign(RsaHash.SHA256, pair, "SunRsaSign");
    KeyFactory bc = KeyFactory.getInstance("RSA", Jca.BC);
    PrivateKey bcPrivate = (PrivateKey) bc.translateKey(pair.getPrivate());
    PublicKey bcPublic = (PublicKey) bc.translateKey(pair.getPublic());
    CryptoProviders.use("accp");

    for (int i = 0; i < 3; i++) { // the second and third use the translation made by the first
      assertThat(JcaSigner.rsa(RsaHash.SHA256, bcPrivate).sign(MESSAGE)).isEqualTo(jdkSignature);
      assertThat(JcaSigner.rsa(RsaHash.SHA256, pair.getPrivate()).sign(MESSAGE))
          .isEqualTo(jdkSignature);
      assertThat(JcaVerifier.rsa(RsaHash.SHA256, bcPublic).verify(MESSAGE, jdkSignature)).isTrue();
    }
  }

  @Test
  void jdkIsTheDefaultAndUndoesAccp() throws Exception {
    assumeAccpPlatform();
    CryptoProviders.use("accp");
    assertThat(CryptoProviders.use(null)).isEqualTo(CryptoProviders.JDK);
    assertThat(CryptoProviders.active()).isEqualTo(CryptoProviders.JDK);
    assertThat(providerOf(RsaHash.SHA256, rsa2048())).isEqualTo("SunRsaSign");
  }

  @Test
  void unavailableNativeProviderFallsBackToTheJdkWithOneWarning() throws Exception {
    String active =
        CryptoProviders.use(
            "accp",
            () -> {
              throw new IllegalStateException("native library did not load");
            });

    assertThat(active).isEqualTo(CryptoProviders.JDK);
    assertThat(CryptoProviders.active()).isEqualTo(CryptoProviders.JDK);
    assertSigningWorksWithTheJdk();
    assertThat(warnings())
        .singleElement()
        .satisfies(
            w ->
                assertThat(w.getFormattedMessage())
                    .contains("payhub.crypto.native-provider=accp", "native library did not load"));
  }

  @Test
  void aNativeProviderWithoutRsaSignaturesIsNotHalfInstalled() throws Exception {
    Provider empty = new Provider("Empty", "1", "no services") {};
    assertThat(CryptoProviders.use("accp", () -> empty)).isEqualTo(CryptoProviders.JDK);
    assertSigningWorksWithTheJdk();
    assertThat(warnings()).hasSize(1);
  }

  @Test
  void anUnknownProviderNameFallsBackToTheJdkWithOneWarning() throws Exception {
    assertThat(CryptoProviders.use("openssl")).isEqualTo(CryptoProviders.JDK);
    assertSigningWorksWithTheJdk();
    assertThat(warnings())
        .singleElement()
        .satisfies(w -> assertThat(w.getFormattedMessage()).contains("'openssl'", "jdk", "accp"));
  }

  private static void assertSigningWorksWithTheJdk() throws Exception {
    KeyPair pair = rsa2048();
    assertThat(providerOf(RsaHash.SHA256, pair)).isEqualTo("SunRsaSign");
    byte[] signature = JcaSigner.rsa(RsaHash.SHA256, pair.getPrivate()).sign(MESSAGE);
    assertThat(JcaVerifier.rsa(RsaHash.SHA256, pair.getPublic()).verify(MESSAGE, signature))
        .isTrue();
  }

  /** The provider JCA picks for an unnamed-provider signature with this key. */
  private static String providerOf(RsaHash hash, KeyPair pair) throws Exception {
    Signature s = Signature.getInstance(hash.algorithm());
    s.initSign(pair.getPrivate());
    return s.getProvider().getName();
  }

  private static byte[] sign(RsaHash hash, KeyPair pair, String provider) throws Exception {
    Signature s = Signature.getInstance(hash.algorithm(), provider);
    s.initSign(pair.getPrivate());
    s.update(MESSAGE);
    return s.sign();
  }

  private static KeyPair rsa2048() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA", "SunRsaSign");
    g.initialize(2048);
    return g.generateKeyPair();
  }

  /** The dependency ships ACCP's native library for Linux x86-64 only. */
  private static void assumeAccpPlatform() {
    assumeTrue(
        System.getProperty("os.name").startsWith("Linux")
            && List.of("amd64", "x86_64").contains(System.getProperty("os.arch")),
        "ACCP's linux-x86_64 build does not run here");
  }

  private List<ILoggingEvent> warnings() {
    return logs.list.stream().filter(e -> e.getLevel() == Level.WARN).toList();
  }

  private static Logger logger() {
    return (Logger) LoggerFactory.getLogger(CryptoProviders.class);
  }
}
