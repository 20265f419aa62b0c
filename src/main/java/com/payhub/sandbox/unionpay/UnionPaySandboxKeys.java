package com.payhub.sandbox.unionpay;

import com.payhub.crypto.KeyConfig.CredentialSpec;
import com.payhub.crypto.KeyConfig.KeySpec;
import com.payhub.crypto.KeyFiles;
import com.payhub.crypto.SandboxKeys;
import com.payhub.sandbox.SandboxConfig;
import com.payhub.sandbox.SandboxCredentialSource;
import com.payhub.sandbox.unionpay.UnionPaySandboxPki.Issued;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.stream.Stream;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The sandbox UnionPay's keys, generated on first start into the sandbox key folder ({@code
 * unionpay-*.pem}, owner-only) and reused afterwards: a root and a middle CA, UnionPay's signing
 * certificate (owner {@value UnionPaySandboxPki#UNIONPAY_OWNER}) and encryption certificate, the
 * hub's own acp signing certificate (its certId is its decimal serial), all RSA-2048 under the
 * middle CA. The hub gets three credentials: {@value #SIGN_CREDENTIAL} (its signing key and
 * certificate), {@value #TRUST_CREDENTIAL} (root and middle, key ids {@code root} and {@code
 * middle}) and {@value #ENCRYPT_CREDENTIAL} (UnionPay's encryption certificate, for {@code accNo}).
 */
@Component
@ConditionalOnProperty(name = SandboxConfig.ENABLED, havingValue = "true", matchIfMissing = true)
public class UnionPaySandboxKeys implements SandboxCredentialSource {

  public static final String SIGN_CREDENTIAL = "unionpay-sign";
  public static final String TRUST_CREDENTIAL = "unionpay-trust";
  public static final String ENCRYPT_CREDENTIAL = "unionpay-encrypt";

  /** File names in the sandbox key folder. */
  static final String ROOT = "unionpay-root-cert.pem";

  static final String MIDDLE = "unionpay-middle-cert.pem";
  static final String GATEWAY_KEY = "unionpay-gateway-sign-key.pem";
  static final String GATEWAY_CERT = "unionpay-gateway-sign-cert.pem";
  static final String ENCRYPT_KEY = "unionpay-gateway-encrypt-key.pem";
  static final String ENCRYPT_CERT = "unionpay-gateway-encrypt-cert.pem";
  public static final String HUB_KEY = "unionpay-hub-sign-key.pem";
  public static final String HUB_CERT = "unionpay-hub-sign-cert.pem";

  /** What the sandbox gateway holds: its own keys and the hub's certificate. */
  record Material(
      X509Certificate root,
      X509Certificate middle,
      Issued gatewaySigning,
      Issued encryption,
      X509Certificate hubCertificate,
      PrivateKey rogueKey) {}

  private final SandboxKeys keys;
  private volatile Material material;

  public UnionPaySandboxKeys(SandboxKeys keys) {
    this.keys = keys;
  }

  @Override
  public List<CredentialSpec> hubCredentials(SandboxKeys sandbox) {
    Path dir = ensure(sandbox.dir());
    return List.of(
        new CredentialSpec(
            SIGN_CREDENTIAL,
            List.of(KeySpec.pem(null, dir.resolve(HUB_KEY), dir.resolve(HUB_CERT)))),
        new CredentialSpec(
            TRUST_CREDENTIAL,
            List.of(
                KeySpec.certificate("root", dir.resolve(ROOT)),
                KeySpec.certificate("middle", dir.resolve(MIDDLE)))),
        new CredentialSpec(
            ENCRYPT_CREDENTIAL, List.of(KeySpec.certificate(null, dir.resolve(ENCRYPT_CERT)))));
  }

  /** The gateway side, loaded once from the files. */
  Material material() {
    Material m = material;
    if (m == null) {
      synchronized (this) {
        if (material == null) {
          Path dir = ensure(keys.dir());
          // BAD_SIGNATURE answers are signed with a key the hub has never seen
          PrivateKey rogue =
              KeyFiles.privateKey(
                  "sandbox unionpay-rogue", keys.ensure("unionpay-rogue").privateKey());
          material =
              new Material(
                  cert(dir, ROOT),
                  cert(dir, MIDDLE),
                  new Issued(cert(dir, GATEWAY_CERT), key(dir, GATEWAY_KEY)),
                  new Issued(cert(dir, ENCRYPT_CERT), key(dir, ENCRYPT_KEY)),
                  cert(dir, HUB_CERT),
                  rogue);
        }
        m = material;
      }
    }
    return m;
  }

  /** Generates the whole set unless every file is there (a partial set is replaced). */
  static synchronized Path ensure(Path dir) {
    boolean complete =
        Stream.of(
                ROOT,
                MIDDLE,
                GATEWAY_KEY,
                GATEWAY_CERT,
                ENCRYPT_KEY,
                ENCRYPT_CERT,
                HUB_KEY,
                HUB_CERT)
            .allMatch(f -> Files.exists(dir.resolve(f)));
    if (complete) {
      return dir;
    }
    Issued root = UnionPaySandboxPki.root();
    Issued middle = UnionPaySandboxPki.middle(root);
    Issued gateway = UnionPaySandboxPki.leaf(middle, UnionPaySandboxPki.UNIONPAY_OWNER);
    Issued encryption = UnionPaySandboxPki.leaf(middle, UnionPaySandboxPki.UNIONPAY_OWNER + ":ENC");
    Issued hub = UnionPaySandboxPki.leaf(middle, "PayHub sandbox merchant");
    try {
      if (posix(dir)) {
        Files.createDirectories(
            dir,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      } else {
        Files.createDirectories(dir);
      }
      write(dir.resolve(ROOT), root.certificate());
      write(dir.resolve(MIDDLE), middle.certificate());
      write(dir.resolve(GATEWAY_KEY), new JcaPKCS8Generator(gateway.key(), null));
      write(dir.resolve(GATEWAY_CERT), gateway.certificate());
      write(dir.resolve(ENCRYPT_KEY), new JcaPKCS8Generator(encryption.key(), null));
      write(dir.resolve(ENCRYPT_CERT), encryption.certificate());
      write(dir.resolve(HUB_KEY), new JcaPKCS8Generator(hub.key(), null));
      write(dir.resolve(HUB_CERT), hub.certificate());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the sandbox UnionPay keys into " + dir, e);
    }
    return dir;
  }

  private static X509Certificate cert(Path dir, String file) {
    return KeyFiles.certificates("sandbox " + file, dir.resolve(file)).get(0);
  }

  private static PrivateKey key(Path dir, String file) {
    return KeyFiles.privateKey("sandbox " + file, dir.resolve(file));
  }

  /** Written to an owner-only temporary file, then renamed: never briefly world-readable. */
  private static void write(Path target, Object pemObject) throws IOException {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
      writer.writeObject(pemObject);
    }
    Path dir = target.toAbsolutePath().getParent();
    FileAttribute<?>[] attributes =
        posix(dir)
            ? new FileAttribute<?>[] {
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))
            }
            : new FileAttribute<?>[0];
    Path tmp = Files.createTempFile(dir, ".sandbox-", ".tmp", attributes);
    try {
      Files.writeString(tmp, out.toString(), StandardCharsets.US_ASCII);
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static boolean posix(Path path) {
    return path.getFileSystem().supportedFileAttributeViews().contains("posix");
  }
}
