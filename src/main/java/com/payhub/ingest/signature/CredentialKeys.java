package com.payhub.ingest.signature;

import com.payhub.crypto.Credential;
import com.payhub.crypto.KeyEntry;
import java.math.BigInteger;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.Locale;
import java.util.Optional;

/**
 * Picks a merchant's key the way each dialect names it: by configured key id, or by its
 * certificate's serial in decimal (UnionPay certId) or hex (WeChat serial_no); null means the
 * current key.
 */
final class CredentialKeys {

  private CredentialKeys() {}

  static Optional<PublicKey> publicKey(Credential credential, String keyId) {
    if (keyId == null) {
      return Optional.ofNullable(credential.current().publicKey());
    }
    return credential.keys().stream()
        .filter(k -> matches(k, keyId))
        .map(KeyEntry::publicKey)
        .filter(java.util.Objects::nonNull)
        .findFirst();
  }

  static Optional<String> secret(Credential credential) {
    return credential.keys().stream()
        .map(KeyEntry::secret)
        .filter(java.util.Objects::nonNull)
        .map(s -> new String(s, java.nio.charset.StandardCharsets.UTF_8))
        .findFirst();
  }

  private static boolean matches(KeyEntry k, String keyId) {
    if (k.keyId().equals(keyId)) {
      return true;
    }
    X509Certificate cert = k.certificate();
    if (cert == null) {
      return false;
    }
    BigInteger serial = cert.getSerialNumber();
    return serial.toString().equals(keyId)
        || serial.toString(16).toUpperCase(Locale.ROOT).equals(keyId.toUpperCase(Locale.ROOT));
  }
}
