package com.payhub.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.payhub.crypto.KeyConfig.CredentialSpec;
import com.payhub.crypto.SandboxKeys.SandboxFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SandboxKeysTest {

  @TempDir Path dir;

  @Test
  void generatesOnceAndReusesAcrossInstances() throws Exception {
    Path keys = dir.resolve("data/keys");
    SandboxFiles files = new SandboxKeys(keys).ensure("hub-seal");

    assertThat(files.privateKey()).isEqualTo(keys.resolve("hub-seal-key.pem"));
    assertThat(files.certificate()).isEqualTo(keys.resolve("hub-seal-cert.pem"));
    assertThat(Files.readString(files.privateKey())).startsWith("-----BEGIN PRIVATE KEY-----");
    assertThat(Files.readString(files.certificate())).startsWith("-----BEGIN CERTIFICATE-----");
    byte[] key = Files.readAllBytes(files.privateKey());
    byte[] cert = Files.readAllBytes(files.certificate());
    FileTime written = Files.getLastModifiedTime(files.privateKey());

    SandboxFiles again = new SandboxKeys(keys).ensure("hub-seal"); // a restart
    assertThat(again).isEqualTo(files);
    assertThat(Files.readAllBytes(again.privateKey())).isEqualTo(key);
    assertThat(Files.readAllBytes(again.certificate())).isEqualTo(cert);
    assertThat(Files.getLastModifiedTime(again.privateKey())).isEqualTo(written);
    try (var listing = Files.list(keys)) {
      assertThat(listing.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("hub-seal-key.pem", "hub-seal-cert.pem"); // no temp files left
    }
  }

  @Test
  void filesAreReadableByTheOwnerOnly() throws Exception {
    Path keys = dir.resolve("keys");
    SandboxFiles files = new SandboxKeys(keys).ensure("alipay-sandbox");
    assumeThat(Files.getFileStore(keys).supportsFileAttributeView("posix")).isTrue();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(files.privateKey())))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(files.certificate())))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys)))
        .isEqualTo("rwx------");
  }

  @Test
  void loadsIntoAKeyRingAsARsaKeyWithASelfSignedCertificate() throws Exception {
    SandboxFiles files = new SandboxKeys(dir).ensure("hub-seal");
    FileKeyRing ring =
        new FileKeyRing(
            List.of(new CredentialSpec("hub-seal", List.of(files.keySpec()))),
            "payhub.credentials");
    KeyEntry entry = ring.credential("hub-seal").current();
    X509Certificate cert = entry.certificate();
    assertThat(entry.privateKey().getAlgorithm()).isEqualTo("RSA");
    assertThat(((java.security.interfaces.RSAKey) entry.privateKey()).getModulus().bitLength())
        .isEqualTo(2048);
    assertThat(cert.getSubjectX500Principal().getName()).contains("CN=PayHub sandbox hub-seal");
    cert.verify(cert.getPublicKey());
    cert.checkValidity();
    assertThat(entry.keyId()).isEqualTo(cert.getSerialNumber().toString(16).toUpperCase());

    Signer signer = JcaSigner.rsa(RsaHash.SHA256, entry.privateKey());
    Verifier verifier = JcaVerifier.rsa(RsaHash.SHA256, entry.publicKey());
    assertThat(verifier.verify(new byte[] {1}, signer.sign(new byte[] {1}))).isTrue();
  }

  @Test
  void aLostCertificateIsReissuedForTheSameKey() throws Exception {
    SandboxKeys sandbox = new SandboxKeys(dir);
    SandboxFiles files = sandbox.ensure("unionpay");
    byte[] key = Files.readAllBytes(files.privateKey());
    X509Certificate before = KeyFiles.certificates("c", files.certificate()).get(0);
    Files.delete(files.certificate());

    sandbox.ensure("unionpay");

    assertThat(Files.readAllBytes(files.privateKey())).isEqualTo(key);
    X509Certificate after = KeyFiles.certificates("c", files.certificate()).get(0);
    assertThat(after.getPublicKey().getEncoded()).isEqualTo(before.getPublicKey().getEncoded());
  }

  @Test
  void namesCannotEscapeTheFolder() {
    SandboxKeys sandbox = new SandboxKeys(dir);
    for (String bad : new String[] {"../etc", "a/b", "", ".hidden", "x y"}) {
      assertThatThrownBy(() -> sandbox.ensure(bad)).isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> sandbox.ensure(null)).isInstanceOf(IllegalArgumentException.class);
  }
}
