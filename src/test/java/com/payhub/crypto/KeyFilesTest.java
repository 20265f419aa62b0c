package com.payhub.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.payhub.crypto.TestPki.P12Entry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.util.io.pem.PemObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** Every file type loads; every failure names property and path and quotes no key material. */
class KeyFilesTest {

  private static final String P = "payhub.credentials.merchant-M100001.keys[0].private-key";
  private static final byte[] MESSAGE = "amount=100".getBytes(StandardCharsets.US_ASCII);

  private static KeyPair rsa;
  private static KeyPair ec;
  private static KeyPair sm2;
  private static X509Certificate rsaCert;

  @TempDir Path dir;

  @BeforeAll
  static void keys() throws Exception {
    rsa = TestPki.rsa();
    ec = TestPki.ec();
    sm2 = TestPki.sm2();
    rsaCert = TestPki.selfSigned(rsa, "merchant");
  }

  // ---- what loads

  @Test
  void pkcs8RsaKeyMadeByOpenssl() throws Exception {
    Path file =
        TestPki.write(dir.resolve("apiclient_key.pem"), Fixtures.resource("test-rsa-2048.pem"));
    PrivateKey key = KeyFiles.privateKey(P, file);
    assertThat(key.getAlgorithm()).isEqualTo("RSA");
    assertThat(key.getEncoded()).isEqualTo(Fixtures.rsaPrivate().getEncoded());
  }

  @Test
  void pkcs1RsaPrivateKey() throws Exception {
    String pem = TestPki.pem(rsa.getPrivate());
    assertThat(pem).startsWith("-----BEGIN RSA PRIVATE KEY-----");
    PrivateKey key = KeyFiles.privateKey(P, TestPki.write(dir.resolve("rsa1.pem"), pem));
    assertThat(key.getEncoded()).isEqualTo(rsa.getPrivate().getEncoded());
  }

  @Test
  void pkcs8AndSec1EcKeysIncludingOpensslsEcParametersBlock() throws Exception {
    String sec1 = TestPki.pem(ec.getPrivate());
    assertThat(sec1).startsWith("-----BEGIN EC PRIVATE KEY-----");
    assertSigns(
        KeyFiles.privateKey(P, TestPki.write(dir.resolve("ec1.pem"), sec1)), ec, "SHA256withECDSA");
    assertSigns(
        KeyFiles.privateKey(
            P, TestPki.write(dir.resolve("ec8.pem"), TestPki.pkcs8(ec.getPrivate()))),
        ec,
        "SHA256withECDSA");
    // what `openssl ecparam -name prime256v1 -genkey` writes: EC PARAMETERS, then the key
    String params =
        TestPki.pem(new PemObject("EC PARAMETERS", SECObjectIdentifiers.secp256r1.getEncoded()));
    assertSigns(
        KeyFiles.privateKey(P, TestPki.write(dir.resolve("ecp.pem"), params + sec1)),
        ec,
        "SHA256withECDSA");
  }

  @Test
  void sm2KeysAsBouncyCastleAndOpensslWriteThem() throws Exception {
    String sec1 = TestPki.pem(sm2.getPrivate());
    assertThat(sec1).startsWith("-----BEGIN EC PRIVATE KEY-----");
    byte[] userId = "1234567812345678".getBytes(StandardCharsets.US_ASCII);
    for (String pem : List.of(sec1, TestPki.pkcs8(sm2.getPrivate()))) {
      PrivateKey key = KeyFiles.privateKey(P, TestPki.write(dir.resolve("sm2.pem"), pem));
      byte[] signature = JcaSigner.sm2(key, userId).sign(MESSAGE);
      assertThat(JcaVerifier.sm2(sm2.getPublic(), userId).verify(MESSAGE, signature)).isTrue();
    }
    PrivateKey fromOpenssl =
        KeyFiles.privateKey(
            P, TestPki.write(dir.resolve("o.pem"), Fixtures.resource("test-sm2.pem")));
    PublicKey opensslPublic =
        KeyFiles.publicKey(
            "x.public-key",
            TestPki.write(dir.resolve("op.pem"), Fixtures.resource("test-sm2-public.pem")));
    byte[] signature = JcaSigner.sm2(fromOpenssl, userId).sign(MESSAGE);
    assertThat(JcaVerifier.sm2(opensslPublic, userId).verify(MESSAGE, signature)).isTrue();
  }

  @Test
  void publicKeysAsSpkiAndPkcs1() throws Exception {
    Path spki = TestPki.write(dir.resolve("pub.pem"), TestPki.pem(rsa.getPublic()));
    assertThat(Files.readString(spki)).startsWith("-----BEGIN PUBLIC KEY-----");
    assertThat(KeyFiles.publicKey(P, spki).getEncoded()).isEqualTo(rsa.getPublic().getEncoded());

    java.security.interfaces.RSAPublicKey k =
        (java.security.interfaces.RSAPublicKey) rsa.getPublic();
    byte[] pkcs1 = new RSAPublicKey(k.getModulus(), k.getPublicExponent()).getEncoded();
    Path rsaPub =
        TestPki.write(
            dir.resolve("rsapub.pem"), TestPki.pem(new PemObject("RSA PUBLIC KEY", pkcs1)));
    assertThat(KeyFiles.publicKey(P, rsaPub).getEncoded()).isEqualTo(rsa.getPublic().getEncoded());

    Path sm2Pub = TestPki.write(dir.resolve("sm2pub.pem"), TestPki.pem(sm2.getPublic()));
    assertThat(KeyFiles.publicKey(P, sm2Pub).getEncoded()).isEqualTo(sm2.getPublic().getEncoded());
  }

  @Test
  void oneCertificateOrAChainInOrder() throws Exception {
    KeyPair caKeys = TestPki.rsa();
    X509Certificate ca = TestPki.selfSigned(caKeys, "PayHub Test CA");
    X509Certificate leaf = TestPki.issue(rsa, "merchant", caKeys, "PayHub Test CA", false);

    List<X509Certificate> one =
        KeyFiles.certificates(P, TestPki.write(dir.resolve("one.pem"), TestPki.pem(rsaCert)));
    assertThat(one).containsExactly(rsaCert);

    List<X509Certificate> chain =
        KeyFiles.certificates(P, TestPki.write(dir.resolve("chain.pem"), TestPki.pem(leaf, ca)));
    assertThat(chain).containsExactly(leaf, ca);
    chain.get(0).verify(chain.get(1).getPublicKey());

    X509Certificate sm2Cert = TestPki.selfSigned(sm2, "sm2");
    List<X509Certificate> sm2Chain =
        KeyFiles.certificates(P, TestPki.write(dir.resolve("sm2cert.pem"), TestPki.pem(sm2Cert)));
    assertThat(sm2Chain.get(0).getPublicKey().getEncoded()).isEqualTo(sm2.getPublic().getEncoded());
  }

  @Test
  void pkcs12WithPasswordFileOrGivenPasswordAndAliases() throws Exception {
    char[] password = "s3cret-pw".toCharArray();
    Path p12 =
        TestPki.pkcs12(
            dir.resolve("acp_sign.pfx"),
            password,
            List.of(new P12Entry("sign", rsa.getPrivate(), List.of(rsaCert))));
    Path pwFile = TestPki.write(dir.resolve("pfx-password"), "s3cret-pw\n");

    KeyFiles.Pkcs12Entry only =
        KeyFiles.pkcs12(P, p12, KeyFiles.password("x.pkcs12-password-file", pwFile), null);
    assertThat(only.alias()).isEqualTo("sign");
    assertThat(only.privateKey().getEncoded()).isEqualTo(rsa.getPrivate().getEncoded());
    assertThat(only.chain()).containsExactly(rsaCert);
    assertThat(only.toString())
        .doesNotContain(
            Base64.getEncoder().encodeToString(rsa.getPrivate().getEncoded()).substring(40, 60));

    KeyPair second = TestPki.rsa();
    Path two =
        TestPki.pkcs12(
            dir.resolve("two.p12"),
            password,
            List.of(
                new P12Entry("old", rsa.getPrivate(), List.of(rsaCert)),
                new P12Entry(
                    "new", second.getPrivate(), List.of(TestPki.selfSigned(second, "new")))));
    assertThat(KeyFiles.pkcs12(P, two, password, "new").privateKey().getEncoded())
        .isEqualTo(second.getPrivate().getEncoded());
    assertThat(KeyFiles.pkcs12(P, two, password, "old").privateKey().getEncoded())
        .isEqualTo(rsa.getPrivate().getEncoded());
  }

  @Test
  void pkcs12WithAnSm2KeyWrittenByBouncyCastle() throws Exception {
    char[] password = "pw".toCharArray();
    KeyStore ks = KeyStore.getInstance("PKCS12", Jca.BC);
    ks.load(null, null);
    ks.setKeyEntry(
        "sm2", sm2.getPrivate(), password, new Certificate[] {TestPki.selfSigned(sm2, "sm2")});
    Path file = dir.resolve("sm2.p12");
    try (var out = Files.newOutputStream(file)) {
      ks.store(out, password);
    }
    KeyFiles.Pkcs12Entry entry = KeyFiles.pkcs12(P, file, password, null);
    byte[] id = "1234567812345678".getBytes(StandardCharsets.US_ASCII);
    assertThat(
            JcaVerifier.sm2(entry.chain().get(0).getPublicKey(), id)
                .verify(MESSAGE, JcaSigner.sm2(entry.privateKey(), id).sign(MESSAGE)))
        .isTrue();
  }

  @Test
  void secretsLoseOneTrailingNewlineOnly() throws Exception {
    String apiV3Key = "0123456789abcdefghijABCDEFGHIJ01";
    for (String content : List.of(apiV3Key, apiV3Key + "\n", apiV3Key + "\r\n")) {
      Path file = TestPki.write(dir.resolve("apiv3"), content);
      assertThat(KeyFiles.secret(P, file)).asString(StandardCharsets.US_ASCII).isEqualTo(apiV3Key);
    }
    Path binary = dir.resolve("bin");
    byte[] raw = new byte[32];
    new SecureRandom().nextBytes(raw);
    raw[31] = 7;
    Files.write(binary, raw);
    assertThat(KeyFiles.secret(P, binary)).isEqualTo(raw);
    assertThat(KeyFiles.password(P, TestPki.write(dir.resolve("pw"), "")).length).isZero();
  }

  // ---- what fails, and how it is reported

  @Test
  void aMissingFileOrADirectory() {
    Path missing = dir.resolve("nope.pem");
    assertFails(() -> KeyFiles.privateKey(P, missing), missing, "does not exist");
    assertFails(() -> KeyFiles.publicKey(P, missing), missing, "does not exist");
    assertFails(() -> KeyFiles.certificates(P, missing), missing, "does not exist");
    assertFails(() -> KeyFiles.pkcs12(P, missing, null, null), missing, "does not exist");
    assertFails(() -> KeyFiles.secret(P, missing), missing, "does not exist");
    assertFails(() -> KeyFiles.password(P, missing), missing, "does not exist");
    assertFails(() -> KeyFiles.privateKey(P, dir), dir, "is a directory, not a file");
    assertThatThrownBy(() -> KeyFiles.privateKey(P, null))
        .isInstanceOf(KeyLoadException.class)
        .hasMessage(P + ": no file is configured");
  }

  @Test
  void anUnreadableFile() throws Exception {
    Path file = TestPki.write(dir.resolve("locked.pem"), TestPki.pkcs8(rsa.getPrivate()));
    assumeThat(Files.getFileStore(file).supportsFileAttributeView("posix")).isTrue();
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
    assumeThat(Files.isReadable(file))
        .as("running as root: permissions are not enforced")
        .isFalse();
    assertFails(() -> KeyFiles.privateKey(P, file), file, "cannot be read: permission denied");
  }

  @Test
  void theWrongKindOfContent() throws Exception {
    Path cert = TestPki.write(dir.resolve("x.pem"), TestPki.pem(rsaCert));
    Path key = TestPki.write(dir.resolve("key.pem"), TestPki.pkcs8(rsa.getPrivate()));
    Path pub = TestPki.write(dir.resolve("pub.pem"), TestPki.pem(rsa.getPublic()));

    assertFails(() -> KeyFiles.privateKey(P, cert), cert, "holds a CERTIFICATE, not a private key");
    assertFails(() -> KeyFiles.privateKey(P, pub), pub, "holds a PUBLIC KEY, not a private key");
    assertFails(() -> KeyFiles.publicKey(P, cert), cert, "holds a CERTIFICATE, not a public key");
    assertFails(() -> KeyFiles.publicKey(P, key), key, "holds a private key, not a public key");
    assertFails(() -> KeyFiles.certificates(P, key), key, "holds a private key, not a certificate");
    assertFails(() -> KeyFiles.pkcs12(P, key, null, null), key, "is not a PKCS#12 file");
    Path twoKeys =
        TestPki.write(
            dir.resolve("two.pem"),
            TestPki.pkcs8(rsa.getPrivate()) + TestPki.pkcs8(ec.getPrivate()));
    assertFails(() -> KeyFiles.privateKey(P, twoKeys), twoKeys, "holds 2 keys; put one per file");
  }

  @Test
  void exactlyTheMessageTheConfigurationReaderNeeds() throws Exception {
    Path cert = TestPki.write(dir.resolve("x.pem"), TestPki.pem(rsaCert));
    assertThatThrownBy(() -> KeyFiles.privateKey(P, cert))
        .hasMessage(P + ": " + cert + " holds a CERTIFICATE, not a private key");
  }

  @Test
  void garbageEmptyAndBrokenPem() throws Exception {
    byte[] noise = new byte[600];
    new SecureRandom().nextBytes(noise);
    Path random = dir.resolve("random.pem");
    Files.write(random, noise);
    assertFails(() -> KeyFiles.privateKey(P, random), random, "holds no PEM block");
    assertFails(() -> KeyFiles.pkcs12(P, random, null, null), random, "PKCS#12");

    Path empty = TestPki.write(dir.resolve("empty.pem"), "");
    assertFails(() -> KeyFiles.certificates(P, empty), empty, "holds no PEM block");
    assertFails(() -> KeyFiles.secret(P, empty), empty, "is empty");
    Path newline = TestPki.write(dir.resolve("nl"), "\n");
    assertFails(() -> KeyFiles.secret(P, newline), newline, "is empty");

    String real = TestPki.pkcs8(rsa.getPrivate());
    Path badBase64 =
        TestPki.write(dir.resolve("bad64.pem"), real.replace(real.substring(80, 84), "!!!!"));
    assertFails(() -> KeyFiles.privateKey(P, badBase64), badBase64, "is damaged PEM");

    Path truncated =
        TestPki.write(
            dir.resolve("trunc.pem"), real.substring(0, 400) + "\n-----END PRIVATE KEY-----\n");
    assertFails(() -> KeyFiles.privateKey(P, truncated), truncated, "is damaged PEM");

    Path garbageDer =
        TestPki.write(
            dir.resolve("der.pem"),
            TestPki.pem(
                new PemObject(
                    "PRIVATE KEY", "certainly not DER".getBytes(StandardCharsets.US_ASCII))));
    assertFails(() -> KeyFiles.privateKey(P, garbageDer), garbageDer, "is damaged PEM");
  }

  @Test
  void anEncryptedPrivateKeyIsRefusedWithAHint() throws Exception {
    JcaPKCS8Generator encrypted =
        new JcaPKCS8Generator(
            rsa.getPrivate(),
            new JceOpenSSLPKCS8EncryptorBuilder(JcaPKCS8Generator.AES_256_CBC)
                .setPassword("pw".toCharArray())
                .build());
    Path file = TestPki.write(dir.resolve("enc.pem"), TestPki.pem(encrypted));
    assertThat(Files.readString(file)).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----");
    assertFails(() -> KeyFiles.privateKey(P, file), file, "holds an encrypted private key");
  }

  @Test
  void pkcs12WrongPasswordUnknownAliasOrSeveralEntries() throws Exception {
    char[] password = "right".toCharArray();
    Path one =
        TestPki.pkcs12(
            dir.resolve("one.p12"),
            password,
            List.of(new P12Entry("sign", rsa.getPrivate(), List.of(rsaCert))));
    assertFails(() -> KeyFiles.pkcs12(P, one, "wrong".toCharArray(), null), one, "wrong password");
    assertFails(() -> KeyFiles.pkcs12(P, one, null, null), one, "wrong password");
    assertFails(
        () -> KeyFiles.pkcs12(P, one, password, "encrypt"),
        one,
        "has no key entry 'encrypt' (key entries: [sign])");

    KeyPair other = TestPki.rsa();
    Path two =
        TestPki.pkcs12(
            dir.resolve("two.p12"),
            password,
            List.of(
                new P12Entry("a", rsa.getPrivate(), List.of(rsaCert)),
                new P12Entry("b", other.getPrivate(), List.of(TestPki.selfSigned(other, "b")))));
    assertFails(
        () -> KeyFiles.pkcs12(P, two, password, null),
        two,
        "holds 2 key entries [a, b]; choose one with pkcs12-alias");

    byte[] bytes = Files.readAllBytes(one);
    bytes[bytes.length / 2] ^= 0x55;
    Path corrupt = dir.resolve("corrupt.p12");
    Files.write(corrupt, bytes);
    assertFails(() -> KeyFiles.pkcs12(P, corrupt, password, null), corrupt, null);
  }

  @Test
  void aSecretNeverReachesAMessage() throws Exception {
    // a PEM-looking secret file read as a key: the message names what it holds, not the bytes
    String apiV3Key = "0123456789abcdefghijABCDEFGHIJ01";
    Path file = TestPki.write(dir.resolve("apiv3.pem"), apiV3Key + "\n");
    assertFails(() -> KeyFiles.privateKey(P, file), file, "holds no PEM block");
  }

  // ---- helpers

  private static void assertSigns(PrivateKey key, KeyPair expected, String algorithm)
      throws Exception {
    java.security.Signature s = java.security.Signature.getInstance(algorithm, Jca.BC);
    s.initSign(key);
    s.update(MESSAGE);
    java.security.Signature v = java.security.Signature.getInstance(algorithm, Jca.BC);
    v.initVerify(expected.getPublic());
    v.update(MESSAGE);
    assertThat(v.verify(s.sign())).isTrue();
  }

  /**
   * The failure is a KeyLoadException whose message starts with "property: path", contains the
   * expected words, and neither it nor any cause quotes a fragment of the file's content.
   */
  static void assertFails(Executable call, Path path, String expected) {
    KeyLoadException e = assertThrows(KeyLoadException.class, call);
    assertThat(e.getMessage()).startsWith(P + ": " + path);
    if (expected != null) {
      assertThat(e.getMessage()).contains(expected);
    }
    assertNoFileContent(e, path);
  }

  static void assertNoFileContent(Throwable e, Path path) {
    StringBuilder text = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      text.append(t).append('\n');
    }
    List<String> fragments = new ArrayList<>();
    try {
      if (Files.isRegularFile(path)) {
        byte[] bytes = Files.readAllBytes(path);
        fragments.addAll(TestPki.fragments(bytes));
        String body =
            new String(bytes, StandardCharsets.ISO_8859_1)
                .replaceAll("-----[A-Z ]+-----", "")
                .replaceAll("\\s", "");
        for (int i = 0; i + 16 <= body.length(); i += 4) {
          fragments.add(body.substring(i, i + 16));
        }
      }
    } catch (java.io.IOException io) {
      throw new java.io.UncheckedIOException(io);
    }
    for (String f : fragments) {
      assertThat(text.toString()).as("messages quote file content").doesNotContain(f);
    }
  }
}
