package com.payhub.crypto;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Where a credential's keys live, as configured (paths of mounted Secrets). Checked when loaded by
 * {@link FileKeyRing}, so that a mistake is reported with its property name.
 */
public final class KeyConfig {

  private KeyConfig() {}

  /** One credential (a merchant, a channel account, the hub seal); the first key is current. */
  public record CredentialSpec(String id, List<KeySpec> keys) {

    public CredentialSpec {
      keys = keys == null ? List.of() : List.copyOf(keys);
    }
  }

  /**
   * One key. Set a private key (PEM) or a PKCS#12 file, and/or a public key, a certificate (chain)
   * and a raw secret. {@code keyId} is optional: it defaults to the certificate serial (upper-case
   * hex, as WeChat Pay prints it) when there is a certificate, else to the file name.
   */
  public record KeySpec(
      String keyId,
      Path privateKey,
      Path publicKey,
      Path certificate,
      Path pkcs12,
      Path pkcs12PasswordFile,
      String pkcs12Alias,
      Path secret) {

    /** A PEM private key with its certificate (chain). */
    public static KeySpec pem(String keyId, Path privateKey, Path certificate) {
      return new KeySpec(keyId, privateKey, null, certificate, null, null, null, null);
    }

    /** A verification-only key: a certificate (chain). */
    public static KeySpec certificate(String keyId, Path certificate) {
      return new KeySpec(keyId, null, null, certificate, null, null, null, null);
    }

    /** A verification-only key: a PEM public key (e.g. WeChat Pay's {@code PUB_KEY_ID_…}). */
    public static KeySpec publicKey(String keyId, Path publicKey) {
      return new KeySpec(keyId, null, publicKey, null, null, null, null, null);
    }

    /** A PKCS#12 file; password file and alias may be null. */
    public static KeySpec pkcs12(String keyId, Path pkcs12, Path passwordFile, String alias) {
      return new KeySpec(keyId, null, null, null, pkcs12, passwordFile, alias, null);
    }

    /** A raw secret (an HMAC key, WeChat Pay's API v3 key). */
    public static KeySpec secret(String keyId, Path secret) {
      return new KeySpec(keyId, null, null, null, null, null, null, secret);
    }

    /** Every file this key is read from, to watch for changes. */
    public List<Path> files() {
      return Stream.of(privateKey, publicKey, certificate, pkcs12, pkcs12PasswordFile, secret)
          .filter(Objects::nonNull)
          .toList();
    }
  }
}
