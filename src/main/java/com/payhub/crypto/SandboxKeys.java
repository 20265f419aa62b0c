package com.payhub.crypto;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Set;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Sandbox keys for a bare-machine run: an RSA-2048 key and a self-signed certificate per name,
 * generated into a folder on first use and reused afterwards (never committed, never used against a
 * real channel). Files are readable by their owner only where the file system has POSIX
 * permissions. Not for deployments: there keys come from Secrets.
 */
public final class SandboxKeys {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  private static final Duration VALIDITY = Duration.ofDays(3650);
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");

  private final Path dir;

  /** The files of one sandbox key. */
  public record SandboxFiles(Path privateKey, Path certificate) {

    /** A key spec whose key id defaults to the certificate serial. */
    public KeyConfig.KeySpec keySpec() {
      return KeyConfig.KeySpec.pem(null, privateKey, certificate);
    }
  }

  public SandboxKeys(Path dir) {
    this.dir = dir;
  }

  /** Generates {@code <name>-key.pem} and {@code <name>-cert.pem} unless they exist. */
  public synchronized SandboxFiles ensure(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "a sandbox key name is 1-64 letters, digits, '.', '_' or '-', not '" + name + "'");
    }
    Path keyFile = dir.resolve(name + "-key.pem");
    Path certFile = dir.resolve(name + "-cert.pem");
    try {
      createOwnerOnlyDirectories(dir);
      if (Files.exists(keyFile) && Files.exists(certFile)) {
        return new SandboxFiles(keyFile, certFile);
      }
      KeyPair pair;
      if (Files.exists(keyFile)) {
        // keep an existing key: only its certificate went missing
        PrivateKey key = KeyFiles.privateKey("sandbox key " + name, keyFile);
        pair = new KeyPair(publicOf(key), key);
      } else {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048, RANDOM);
        pair = generator.generateKeyPair();
        writeOwnerOnly(keyFile, pem(new JcaPKCS8Generator(pair.getPrivate(), null)));
      }
      writeOwnerOnly(certFile, pem(selfSigned(name, pair)));
      return new SandboxFiles(keyFile, certFile);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write sandbox keys into " + dir, e);
    } catch (GeneralSecurityException | OperatorCreationException e) {
      throw new CryptoException("cannot generate sandbox key '" + name + "'", e);
    }
  }

  /**
   * Generates {@code <name>.secret} unless it exists: {@code length} random characters from letters
   * and digits (the shape of WeChat Pay's API v3 key). Returns its path.
   */
  public synchronized Path ensureSecret(String name, int length) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "a sandbox key name is 1-64 letters, digits, '.', '_' or '-', not '" + name + "'");
    }
    Path file = dir.resolve(name + ".secret");
    try {
      createOwnerOnlyDirectories(dir);
      if (!Files.exists(file)) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
          b.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        writeOwnerOnly(file, b.toString().getBytes(StandardCharsets.US_ASCII));
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write sandbox keys into " + dir, e);
    }
  }

  /** The folder the sandbox keys live in. */
  public Path dir() {
    return dir;
  }

  private static X509Certificate selfSigned(String name, KeyPair pair)
      throws GeneralSecurityException, OperatorCreationException, IOException {
    X500Name subject = new X500Name("CN=PayHub sandbox " + name + ",O=PayHub sandbox");
    Instant now = Instant.now();
    BigInteger serial = new BigInteger(63, RANDOM).setBit(62); // positive, 16 hex digits
    JcaX509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            subject,
            serial,
            Date.from(now.minus(Duration.ofDays(1))),
            Date.from(now.plus(VALIDITY)),
            subject,
            pair.getPublic());
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
    builder.addExtension(
        Extension.keyUsage,
        true,
        new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
    return new JcaX509CertificateConverter()
        .getCertificate(
            builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
  }

  private static PublicKey publicOf(PrivateKey key) throws GeneralSecurityException {
    if (!(key instanceof RSAPrivateCrtKey rsa)) {
      throw new GeneralSecurityException("the sandbox key is not an RSA CRT key");
    }
    return KeyFactory.getInstance("RSA")
        .generatePublic(new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
  }

  private static byte[] pem(Object o) throws IOException {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
      writer.writeObject(o);
    }
    return out.toString().getBytes(StandardCharsets.US_ASCII);
  }

  private static void createOwnerOnlyDirectories(Path dir) throws IOException {
    if (posix(dir)) {
      Files.createDirectories(
          dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    } else {
      Files.createDirectories(dir);
    }
  }

  /** Writes a temporary file created owner-only, then renames it: never briefly world-readable. */
  private static void writeOwnerOnly(Path target, byte[] content) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    FileAttribute<?>[] attributes =
        posix(dir)
            ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
            : new FileAttribute<?>[0];
    Path tmp = Files.createTempFile(dir, ".sandbox-", ".tmp", attributes);
    try {
      Files.write(tmp, content);
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static boolean posix(Path path) {
    return path.getFileSystem().supportedFileAttributeViews().contains("posix");
  }
}
