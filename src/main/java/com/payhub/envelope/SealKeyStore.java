package com.payhub.envelope;

import com.payhub.crypto.CryptoException;
import com.payhub.crypto.Jca;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Loads the seal keystore, or creates one with fresh keys for a sandbox. */
public final class SealKeyStore {

  private SealKeyStore() {}

  /** The loaded keystore and its password (needed to read private and secret entries). */
  public record Loaded(KeyStore keyStore, char[] password) {}

  public static Loaded load(SealProperties p) {
    if (!Files.exists(p.keystore()) && p.generateIfMissing()) {
      generate(p);
    }
    if (!Files.isReadable(p.keystore())) {
      throw new IllegalStateException(
          "payhub.seal.keystore: "
              + p.keystore()
              + " does not exist or cannot be read (mount the seal keystore there, or set payhub.seal.generate-if-missing=true for a sandbox)");
    }
    if (!Files.isReadable(p.passwordFile())) {
      throw new IllegalStateException(
          "payhub.seal.password-file: " + p.passwordFile() + " does not exist or cannot be read");
    }
    char[] password = readPassword(p.passwordFile());
    try (InputStream in = Files.newInputStream(p.keystore())) {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(in, password);
      require(
          ks,
          p.signingKeyId(),
          KeyStore.PrivateKeyEntry.class,
          "payhub.seal.signing-key-id",
          p.keystore());
      require(
          ks,
          p.fieldKeyId(),
          KeyStore.SecretKeyEntry.class,
          "payhub.seal.field-key-id",
          p.keystore());
      return new Loaded(ks, password);
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException(
          "payhub.seal.keystore: "
              + p.keystore()
              + " is not a PKCS#12 keystore this password opens ("
              + e.getClass().getSimpleName()
              + ")",
          e);
    }
  }

  private static void require(
      KeyStore ks, String alias, Class<? extends KeyStore.Entry> type, String property, Path file)
      throws GeneralSecurityException {
    if (!ks.containsAlias(alias) || !ks.entryInstanceOf(alias, type)) {
      throw new IllegalStateException(
          property
              + ": "
              + file
              + " has no "
              + (type == KeyStore.PrivateKeyEntry.class ? "private key" : "secret key")
              + " entry '"
              + alias
              + "'");
    }
  }

  private static char[] readPassword(Path file) {
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      int nl = text.indexOf('\n');
      return (nl >= 0 ? text.substring(0, nl) : text).strip().toCharArray();
    } catch (IOException e) {
      throw new IllegalStateException("payhub.seal.password-file: " + file + " cannot be read", e);
    }
  }

  /** A sandbox keystore: an EC P-256 signing key and an AES-256 field key, random password. */
  static void generate(SealProperties p) {
    try {
      Files.createDirectories(p.keystore().toAbsolutePath().getParent());
      SecureRandom random = new SecureRandom();
      byte[] pw = new byte[24];
      random.nextBytes(pw);
      char[] password = Base64.getUrlEncoder().withoutPadding().encodeToString(pw).toCharArray();

      KeyPairGenerator kpg = KeyPairGenerator.getInstance("EC");
      kpg.initialize(new ECGenParameterSpec("secp256r1"), random);
      KeyPair pair = kpg.generateKeyPair();
      X509Certificate cert = selfSigned(pair, "CN=PayHub sandbox seal " + p.signingKeyId());
      KeyGenerator kg = KeyGenerator.getInstance("AES");
      kg.init(256, random);
      SecretKey fieldKey = kg.generateKey();

      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(null, null);
      ks.setKeyEntry(p.signingKeyId(), pair.getPrivate(), password, new X509Certificate[] {cert});
      ks.setEntry(
          p.fieldKeyId(),
          new KeyStore.SecretKeyEntry(fieldKey),
          new KeyStore.PasswordProtection(password));
      writeOwnerOnly(
          p.passwordFile(), (new String(password) + "\n").getBytes(StandardCharsets.UTF_8));
      try (OutputStream out = Files.newOutputStream(p.keystore())) {
        ks.store(out, password);
      }
      restrict(p.keystore());
    } catch (IOException
        | GeneralSecurityException
        | org.bouncycastle.operator.OperatorCreationException e) {
      throw new CryptoException(
          "could not generate the sandbox seal keystore at " + p.keystore(), e);
    }
  }

  private static X509Certificate selfSigned(KeyPair pair, String dn)
      throws GeneralSecurityException, org.bouncycastle.operator.OperatorCreationException {
    Instant now = Instant.now();
    X500Name name = new X500Name(dn);
    var builder =
        new JcaX509v3CertificateBuilder(
            name,
            new BigInteger(64, new SecureRandom()),
            Date.from(now.minus(Duration.ofDays(1))),
            Date.from(now.plus(Duration.ofDays(3650))),
            name,
            pair.getPublic());
    var signer =
        new JcaContentSignerBuilder("SHA256withECDSA").setProvider(Jca.BC).build(pair.getPrivate());
    return new JcaX509CertificateConverter()
        .setProvider(Jca.BC)
        .getCertificate(builder.build(signer));
  }

  private static void writeOwnerOnly(Path file, byte[] content) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.write(file, content);
    restrict(file);
  }

  private static void restrict(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: the folder's own permissions have to do
    }
  }
}
