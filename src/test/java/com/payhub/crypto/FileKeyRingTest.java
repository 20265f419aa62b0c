package com.payhub.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.payhub.crypto.KeyConfig.CredentialSpec;
import com.payhub.crypto.KeyConfig.KeySpec;
import com.payhub.crypto.TestPki.P12Entry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class FileKeyRingTest {

  private static final String PREFIX = "payhub.credentials";
  private static final String MERCHANT = "merchant-M100001";

  private static KeyPair first;
  private static KeyPair second;
  private static X509Certificate firstCert;
  private static X509Certificate secondCert;

  @TempDir Path dir;

  @BeforeAll
  static void keys() throws Exception {
    first = TestPki.rsa();
    second = TestPki.rsa();
    firstCert = TestPki.selfSigned(first, "merchant 2024");
    secondCert = TestPki.selfSigned(second, "merchant 2025");
  }

  private static String serial(X509Certificate cert) {
    return cert.getSerialNumber().toString(16).toUpperCase(Locale.ROOT);
  }

  private KeySpec pemKey(String name, KeyPair pair, X509Certificate cert) throws Exception {
    Path key = TestPki.write(dir.resolve(name + "-key.pem"), TestPki.pkcs8(pair.getPrivate()));
    Path crt = TestPki.write(dir.resolve(name + "-cert.pem"), TestPki.pem(cert));
    return KeySpec.pem(null, key, crt);
  }

  private static FileKeyRing ring(CredentialSpec... specs) {
    return new FileKeyRing(List.of(specs), PREFIX);
  }

  // ---- loading and rotation

  @Test
  void rotationPicksKeysByIdAndTheFirstIsCurrent() throws Exception {
    KeySpec current = pemKey("new", second, secondCert);
    KeySpec previous =
        KeySpec.certificate(null, TestPki.write(dir.resolve("old.pem"), TestPki.pem(firstCert)));
    FileKeyRing ring = ring(new CredentialSpec(MERCHANT, List.of(current, previous)));

    Credential c = ring.credential(MERCHANT);
    assertThat(c.current().keyId()).isEqualTo(serial(secondCert));
    assertThat(c.current().privateKey()).isNotNull();
    assertThat(c.key(serial(firstCert)))
        .get()
        .satisfies(
            k -> {
              assertThat(k.privateKey()).isNull();
              assertThat(k.publicKey().getEncoded()).isEqualTo(first.getPublic().getEncoded());
            });
    assertThat(serial(secondCert)).matches("[0-9A-F]+");
    assertThat(ring.ids()).containsExactly(MERCHANT);
  }

  @Test
  void keyIdsAreConfiguredOrTheSerialOrTheFileName() throws Exception {
    Path pub = TestPki.write(dir.resolve("pub_key.pem"), TestPki.pem(first.getPublic()));
    Path secret = TestPki.write(dir.resolve("apiv3-key"), "0123456789abcdefghijABCDEFGHIJ01\n");
    FileKeyRing ring =
        ring(
            new CredentialSpec(
                "wechatpay-1900000001",
                List.of(
                    KeySpec.publicKey("PUB_KEY_ID_0119000000012025", pub),
                    KeySpec.publicKey(null, pub),
                    KeySpec.secret(null, secret))));
    Credential c = ring.credential("wechatpay-1900000001");
    assertThat(c.keys())
        .extracting(KeyEntry::keyId)
        .containsExactly("PUB_KEY_ID_0119000000012025", "pub_key.pem", "apiv3-key");
    assertThat(c.key("apiv3-key").orElseThrow().secret()).hasSize(32);
    assertThat(c.toString()).doesNotContain("0123456789abcdef");
  }

  @Test
  void aPkcs12KeyWithItsPasswordFile() throws Exception {
    Path p12 =
        TestPki.pkcs12(
            dir.resolve("acp_sign.pfx"),
            "000000".toCharArray(),
            List.of(new P12Entry("x", first.getPrivate(), List.of(firstCert))));
    Path pw = TestPki.write(dir.resolve("pfx-password"), "000000\n");
    FileKeyRing ring =
        ring(
            new CredentialSpec(
                "unionpay-777290058110048", List.of(KeySpec.pkcs12(null, p12, pw, null))));
    KeyEntry key = ring.credential("unionpay-777290058110048").current();
    assertThat(key.keyId()).isEqualTo(serial(firstCert));
    assertThat(key.privateKey().getEncoded()).isEqualTo(first.getPrivate().getEncoded());
  }

  @Test
  void anUnknownCredentialIsKeyNotFound() throws Exception {
    FileKeyRing ring = ring(new CredentialSpec(MERCHANT, List.of(pemKey("k", first, firstCert))));
    assertThatThrownBy(() -> ring.credential("merchant-M999"))
        .isInstanceOf(KeyNotFoundException.class)
        .hasMessageContaining("merchant-M999");
  }

  // ---- start-up failures

  @Test
  void aBadFileFailsConstructionNamingPropertyAndPath() throws Exception {
    Path missing = dir.resolve("gone-cert.pem");
    CredentialSpec spec =
        new CredentialSpec(
            MERCHANT, List.of(pemKey("k", first, firstCert), KeySpec.certificate(null, missing)));
    assertThatThrownBy(() -> ring(spec))
        .isInstanceOf(KeyLoadException.class)
        .hasMessage(
            PREFIX + "." + MERCHANT + ".keys[1].certificate: " + missing + " does not exist");
  }

  @Test
  void everyBrokenCredentialIsListed() throws Exception {
    Path cert = TestPki.write(dir.resolve("cert.pem"), TestPki.pem(firstCert));
    assertThatThrownBy(
            () ->
                ring(
                    new CredentialSpec("a", List.of(KeySpec.pem(null, cert, cert))),
                    new CredentialSpec("b", List.of(KeySpec.publicKey(null, dir.resolve("none"))))))
        .isInstanceOf(KeyLoadException.class)
        .hasMessageContaining("2 credentials do not load")
        .hasMessageContaining(
            PREFIX + ".a.keys[0].private-key: " + cert + " holds a CERTIFICATE, not a private key")
        .hasMessageContaining(PREFIX + ".b.keys[0].public-key: ");
  }

  @Test
  void aPrivateKeyMustMatchItsCertificate() throws Exception {
    Path key = TestPki.write(dir.resolve("key.pem"), TestPki.pkcs8(first.getPrivate()));
    Path cert = TestPki.write(dir.resolve("cert.pem"), TestPki.pem(secondCert));
    assertThatThrownBy(
            () -> ring(new CredentialSpec(MERCHANT, List.of(KeySpec.pem(null, key, cert)))))
        .isInstanceOf(KeyLoadException.class)
        .hasMessage(
            PREFIX
                + "."
                + MERCHANT
                + ".keys[0]: the private key does not match its certificate "
                + cert);
  }

  @Test
  void inconsistentSpecsAreRefused() throws Exception {
    KeySpec good = pemKey("k", first, firstCert);
    Path p12 = dir.resolve("x.p12");
    String base = PREFIX + "." + MERCHANT;
    assertThatThrownBy(() -> ring(new CredentialSpec(MERCHANT, List.of(good, good))))
        .hasMessageContaining(
            base + ".keys[1]: key id '" + serial(firstCert) + "' is already used by keys[0]");
    assertThatThrownBy(() -> ring(new CredentialSpec(MERCHANT, List.of())))
        .hasMessage(base + ".keys: no keys are configured");
    assertThatThrownBy(
            () ->
                ring(
                    new CredentialSpec(
                        MERCHANT,
                        List.of(new KeySpec(null, null, null, null, null, null, null, null)))))
        .hasMessageStartingWith(base + ".keys[0]: names no key file");
    assertThatThrownBy(
            () ->
                ring(
                    new CredentialSpec(
                        MERCHANT,
                        List.of(
                            new KeySpec(
                                null, good.privateKey(), null, null, p12, null, null, null)))))
        .hasMessage(base + ".keys[0]: set either pkcs12 or private-key/certificate, not both");
    assertThatThrownBy(
            () ->
                ring(
                    new CredentialSpec(
                        MERCHANT,
                        List.of(
                            new KeySpec(
                                null, good.privateKey(), null, null, null, null, "sign", null)))))
        .hasMessage(base + ".keys[0]: pkcs12-password-file and pkcs12-alias need pkcs12 to be set");
    assertThatThrownBy(
            () ->
                ring(
                    new CredentialSpec(MERCHANT, List.of(good)),
                    new CredentialSpec(MERCHANT, List.of(good))))
        .hasMessage(base + ": configured twice");
    assertThatThrownBy(() -> ring(new CredentialSpec(" ", List.of(good))))
        .hasMessage(PREFIX + ": a credential has no id");
  }

  // ---- reload

  @Test
  void aFileReplacedByAnAtomicMoveIsPickedUp() throws Exception {
    Path pub = TestPki.write(dir.resolve("platform.pem"), TestPki.pem(first.getPublic()));
    FileKeyRing ring =
        ring(new CredentialSpec("wechatpay", List.of(KeySpec.publicKey("PUB_KEY_ID_1", pub))));
    assertThat(ring.reloadIfChanged()).isZero();

    TestPki.replaceAtomically(pub, TestPki.pem(second.getPublic()));

    assertThat(ring.reloadIfChanged()).isEqualTo(1);
    assertThat(ring.credential("wechatpay").current().publicKey().getEncoded())
        .isEqualTo(second.getPublic().getEncoded());
    assertThat(ring.reloadIfChanged()).isZero();
    assertThat(ring.reloadFailures()).isZero();
  }

  /**
   * How kubelet updates a Secret volume: files are links through {@code ..data}, a symlink to a
   * timestamped folder, and an update renames a new {@code ..data} over the old one.
   */
  @Test
  void aKubernetesSymlinkSwapIsPickedUp() throws Exception {
    Path secret = Files.createDirectories(dir.resolve("secret"));
    writeVersion(secret, "..2025_01_01_00_00_00.1", first, firstCert);
    Files.createSymbolicLink(secret.resolve("..data"), Path.of("..2025_01_01_00_00_00.1"));
    Files.createSymbolicLink(secret.resolve("tls.key"), Path.of("..data/tls.key"));
    Files.createSymbolicLink(secret.resolve("tls.crt"), Path.of("..data/tls.crt"));
    FileKeyRing ring =
        ring(
            new CredentialSpec(
                "hub-seal",
                List.of(KeySpec.pem(null, secret.resolve("tls.key"), secret.resolve("tls.crt")))));
    assertThat(ring.credential("hub-seal").current().keyId()).isEqualTo(serial(firstCert));

    writeVersion(secret, "..2025_02_01_00_00_00.2", second, secondCert);
    Files.createSymbolicLink(secret.resolve("..data_tmp"), Path.of("..2025_02_01_00_00_00.2"));
    Files.move(
        secret.resolve("..data_tmp"), secret.resolve("..data"), StandardCopyOption.ATOMIC_MOVE);

    assertThat(ring.reloadIfChanged()).isEqualTo(1);
    KeyEntry now = ring.credential("hub-seal").current();
    assertThat(now.keyId()).isEqualTo(serial(secondCert));
    assertThat(now.privateKey().getEncoded()).isEqualTo(second.getPrivate().getEncoded());
  }

  private static void writeVersion(Path secret, String version, KeyPair pair, X509Certificate cert)
      throws Exception {
    Path v = Files.createDirectories(secret.resolve(version));
    TestPki.write(v.resolve("tls.key"), TestPki.pem(pair.getPrivate()));
    TestPki.write(v.resolve("tls.crt"), TestPki.pem(cert));
  }

  @Test
  void aBrokenReplacementKeepsTheOldKeyAndCountsOnce() throws Exception {
    KeySpec spec = pemKey("m", first, firstCert);
    FileKeyRing ring = ring(new CredentialSpec(MERCHANT, List.of(spec)));
    ListAppender<ILoggingEvent> logs = captureLogs();
    try {
      TestPki.replaceAtomically(spec.certificate(), "-----BEGIN CERTIFICATE-----\nAAAA\n");

      assertThat(ring.reloadIfChanged()).isZero();
      assertThat(ring.credential(MERCHANT).current().keyId()).isEqualTo(serial(firstCert));
      assertThat(ring.reloadFailures()).isEqualTo(1);
      String property = PREFIX + "." + MERCHANT + ".keys[0].certificate: " + spec.certificate();
      assertThat(ring.lastReloadError())
          .get(org.assertj.core.api.InstanceOfAssertFactories.STRING)
          .startsWith(property);
      assertThat(logs.list)
          .filteredOn(e -> e.getLevel() == Level.WARN)
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.getFormattedMessage())
                    .contains(MERCHANT, property, "keeping its previous keys");
                assertThat(e.getThrowableProxy()).isNull();
              });

      // unchanged broken files are not retried (nor counted) on every poll
      assertThat(ring.reloadIfChanged()).isZero();
      assertThat(ring.reloadFailures()).isEqualTo(1);

      // a cert of another key is caught too: the pair must match
      TestPki.replaceAtomically(spec.certificate(), TestPki.pem(secondCert));
      assertThat(ring.reloadIfChanged()).isZero();
      assertThat(ring.reloadFailures()).isEqualTo(2);

      // the operator completes the rotation
      TestPki.replaceAtomically(spec.privateKey(), TestPki.pkcs8(second.getPrivate()));
      assertThat(ring.reloadIfChanged()).isEqualTo(1);
      assertThat(ring.credential(MERCHANT).current().keyId()).isEqualTo(serial(secondCert));
      assertThat(ring.reloadFailures()).isEqualTo(2);
      for (ILoggingEvent e : logs.list) {
        KeyFilesTest.assertNoFileContent(
            new RuntimeException(e.getFormattedMessage()), spec.privateKey());
      }
    } finally {
      releaseLogs(logs);
    }
  }

  @Test
  void aDeletedFileKeepsTheOldKey() throws Exception {
    KeySpec spec = pemKey("m", first, firstCert);
    FileKeyRing ring = ring(new CredentialSpec(MERCHANT, List.of(spec)));
    Files.delete(spec.privateKey());
    assertThat(ring.reloadIfChanged()).isZero();
    assertThat(ring.credential(MERCHANT).current().privateKey()).isNotNull();
    assertThat(ring.reloadFailures()).isEqualTo(1);
    assertThat(ring.lastReloadError()).get().asString().contains("does not exist");
  }

  @Test
  void thePollerPicksUpChangesOnADaemonThreadUntilClosed() throws Exception {
    Path pub = TestPki.write(dir.resolve("platform.pem"), TestPki.pem(first.getPublic()));
    try (FileKeyRing ring =
        ring(new CredentialSpec("wechatpay", List.of(KeySpec.publicKey("k", pub))))) {
      ring.start(Duration.ofMillis(20));
      assertThatThrownBy(() -> ring.start(Duration.ofMillis(20)))
          .isInstanceOf(IllegalStateException.class);
      assertThat(pollerThreads()).singleElement().satisfies(t -> assertThat(t.isDaemon()).isTrue());

      TestPki.replaceAtomically(pub, TestPki.pem(second.getPublic()));

      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () -> ring.credential("wechatpay").current().publicKey().equals(second.getPublic()));
      ring.close();
      assertThatThrownBy(() -> ring.start(Duration.ofMillis(20)))
          .isInstanceOf(IllegalStateException.class);
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> pollerThreads().isEmpty());
  }

  @Test
  void refusesANonPositiveInterval() throws Exception {
    try (FileKeyRing ring = ring()) {
      assertThatThrownBy(() -> ring.start(Duration.ZERO))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  private static List<Thread> pollerThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().equals("payhub-key-reload") && t.isAlive())
        .toList();
  }

  private static ListAppender<ILoggingEvent> captureLogs() {
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    ((Logger) LoggerFactory.getLogger(FileKeyRing.class)).addAppender(appender);
    return appender;
  }

  private static void releaseLogs(ListAppender<ILoggingEvent> appender) {
    ((Logger) LoggerFactory.getLogger(FileKeyRing.class)).detachAppender(appender);
  }
}
