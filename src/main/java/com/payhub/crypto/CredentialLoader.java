package com.payhub.crypto;

import com.payhub.crypto.KeyConfig.CredentialSpec;
import com.payhub.crypto.KeyConfig.KeySpec;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/** Turns a {@link CredentialSpec} into a {@link Credential}, naming properties in every error. */
final class CredentialLoader {

  private static final SecureRandom RANDOM = new SecureRandom();

  private CredentialLoader() {}

  /**
   * @param prefix the property prefix, e.g. {@code payhub.credentials}
   * @throws KeyLoadException naming the property and path of the first key that does not load
   */
  static Credential load(String prefix, CredentialSpec spec) {
    String base = prefix + "." + spec.id();
    if (spec.keys().isEmpty()) {
      throw new KeyLoadException(base + ".keys: no keys are configured");
    }
    List<KeyEntry> entries = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < spec.keys().size(); i++) {
      KeyEntry entry = loadKey(base + ".keys[" + i + "]", spec.keys().get(i));
      Integer earlier = seen.putIfAbsent(entry.keyId(), i);
      if (earlier != null) {
        throw new KeyLoadException(
            base
                + ".keys["
                + i
                + "]: key id '"
                + entry.keyId()
                + "' is already used by keys["
                + earlier
                + "]; set distinct key-id values");
      }
      entries.add(entry);
    }
    return new Credential(spec.id(), entries);
  }

  static KeyEntry loadKey(String property, KeySpec spec) {
    if (spec == null || spec.files().isEmpty()) {
      throw new KeyLoadException(
          property
              + ": names no key file; set private-key, public-key, certificate, pkcs12 or secret");
    }
    if (spec.pkcs12() != null && (spec.privateKey() != null || spec.certificate() != null)) {
      throw new KeyLoadException(
          property + ": set either pkcs12 or private-key/certificate, not both");
    }
    if (spec.pkcs12() == null
        && (spec.pkcs12PasswordFile() != null || spec.pkcs12Alias() != null)) {
      throw new KeyLoadException(
          property + ": pkcs12-password-file and pkcs12-alias need pkcs12 to be set");
    }
    PrivateKey privateKey = null;
    List<X509Certificate> chain = List.of();
    if (spec.pkcs12() != null) {
      char[] password =
          spec.pkcs12PasswordFile() == null
              ? new char[0]
              : KeyFiles.password(property + ".pkcs12-password-file", spec.pkcs12PasswordFile());
      KeyFiles.Pkcs12Entry entry;
      try {
        entry = KeyFiles.pkcs12(property + ".pkcs12", spec.pkcs12(), password, spec.pkcs12Alias());
      } finally {
        Arrays.fill(password, '\0');
      }
      privateKey = entry.privateKey();
      chain = entry.chain();
    }
    if (spec.privateKey() != null) {
      privateKey = KeyFiles.privateKey(property + ".private-key", spec.privateKey());
    }
    if (spec.certificate() != null) {
      chain = KeyFiles.certificates(property + ".certificate", spec.certificate());
    }
    PublicKey publicKey =
        spec.publicKey() == null
            ? null
            : KeyFiles.publicKey(property + ".public-key", spec.publicKey());
    byte[] secret =
        spec.secret() == null ? null : KeyFiles.secret(property + ".secret", spec.secret());
    if (publicKey != null
        && !chain.isEmpty()
        && !Arrays.equals(publicKey.getEncoded(), chain.get(0).getPublicKey().getEncoded())) {
      throw new KeyLoadException(
          property
              + ": public-key "
              + spec.publicKey()
              + " is not the key of certificate "
              + certPath(spec));
    }
    PublicKey counterpart =
        publicKey != null ? publicKey : chain.isEmpty() ? null : chain.get(0).getPublicKey();
    if (privateKey != null && counterpart != null && !matches(privateKey, counterpart)) {
      throw new KeyLoadException(
          property
              + ": the private key does not match its "
              + (publicKey != null
                  ? "public key " + spec.publicKey()
                  : "certificate " + certPath(spec)));
    }
    String keyId = keyId(spec, chain);
    return new KeyEntry(keyId, privateKey, publicKey, chain, secret);
  }

  /** The configured id, else the certificate serial (upper-case hex), else the file name. */
  static String keyId(KeySpec spec, List<X509Certificate> chain) {
    if (spec.keyId() != null && !spec.keyId().isBlank()) {
      return spec.keyId().trim();
    }
    if (!chain.isEmpty()) {
      return chain.get(0).getSerialNumber().toString(16).toUpperCase(Locale.ROOT);
    }
    return Stream.of(spec.privateKey(), spec.pkcs12(), spec.publicKey(), spec.secret())
        .filter(Objects::nonNull)
        .findFirst()
        .map(Path::getFileName)
        .map(Path::toString)
        .orElseThrow();
  }

  /** Signs a random probe and verifies it: works for RSA, EC and SM2 keys alike. */
  private static boolean matches(PrivateKey privateKey, PublicKey publicKey) {
    String algorithm =
        switch (privateKey.getAlgorithm()) {
          case "RSA" -> "SHA256withRSA";
          case "EC", "ECDSA" -> "SHA256withECDSA";
          default -> null;
        };
    if (algorithm == null) {
      return true; // no probe for this key type; the first signature will tell
    }
    byte[] probe = new byte[32];
    RANDOM.nextBytes(probe);
    try {
      Signature signer = Signature.getInstance(algorithm, Jca.BC);
      signer.initSign(privateKey);
      signer.update(probe);
      Signature verifier = Signature.getInstance(algorithm, Jca.BC);
      verifier.initVerify(publicKey);
      verifier.update(probe);
      return verifier.verify(signer.sign());
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private static Path certPath(KeySpec spec) {
    return spec.certificate() != null ? spec.certificate() : spec.pkcs12();
  }
}
