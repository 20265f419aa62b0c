package com.payhub.crypto;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** PKCS#12 files for {@link KeyFiles}: BouncyCastle's key store, one key entry chosen by alias. */
final class Pkcs12Files {

  private Pkcs12Files() {}

  static KeyFiles.Pkcs12Entry load(String property, Path path, char[] password, String alias) {
    byte[] bytes = KeyFiles.read(property, path);
    char[] pw = password == null ? new char[0] : password;
    KeyStore store;
    try {
      // BouncyCastle's PKCS#12 reads legacy (RC2/3DES) and current (PBES2/AES) files, SM2 keys too
      store = KeyStore.getInstance("PKCS12", Jca.BC);
      store.load(new ByteArrayInputStream(bytes), pw);
    } catch (IOException e) {
      if (e.getCause() instanceof UnrecoverableKeyException
          || String.valueOf(e.getMessage()).contains("password")) {
        throw new KeyLoadException(
            KeyFiles.where(property, path) + " cannot be opened: wrong password or corrupted file",
            e);
      }
      throw new KeyLoadException(KeyFiles.where(property, path) + " is not a PKCS#12 file", e);
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new KeyLoadException(
          KeyFiles.where(property, path)
              + " is not a readable PKCS#12 file ("
              + KeyFiles.type(e)
              + ")",
          e);
    }
    String chosen = chooseAlias(property, path, store, alias);
    try {
      Key key = store.getKey(chosen, pw);
      if (!(key instanceof PrivateKey privateKey)) {
        throw new KeyLoadException(
            KeyFiles.where(property, path) + " entry '" + chosen + "' is not a private key");
      }
      Certificate[] certs = store.getCertificateChain(chosen);
      List<X509Certificate> chain = new ArrayList<>();
      for (Certificate c : certs == null ? new Certificate[0] : certs) {
        chain.add((X509Certificate) c);
      }
      return new KeyFiles.Pkcs12Entry(chosen, privateKey, chain);
    } catch (GeneralSecurityException | ClassCastException e) {
      throw new KeyLoadException(
          KeyFiles.where(property, path)
              + " entry '"
              + chosen
              + "' cannot be read ("
              + KeyFiles.type(e)
              + ")",
          e);
    }
  }

  private static String chooseAlias(String property, Path path, KeyStore store, String alias) {
    List<String> keyAliases = new ArrayList<>();
    try {
      for (String a : Collections.list(store.aliases())) {
        if (store.isKeyEntry(a)) {
          keyAliases.add(a);
        }
      }
    } catch (GeneralSecurityException e) {
      throw new KeyLoadException(
          KeyFiles.where(property, path) + " cannot be listed (" + KeyFiles.type(e) + ")", e);
    }
    Collections.sort(keyAliases);
    if (alias != null && !alias.isBlank()) {
      if (!keyAliases.contains(alias)) {
        throw new KeyLoadException(
            KeyFiles.where(property, path)
                + " has no key entry '"
                + alias
                + "' (key entries: "
                + keyAliases
                + ")");
      }
      return alias;
    }
    if (keyAliases.size() != 1) {
      throw new KeyLoadException(
          KeyFiles.where(property, path)
              + (keyAliases.isEmpty()
                  ? " holds no private key entry"
                  : " holds "
                      + keyAliases.size()
                      + " key entries "
                      + keyAliases
                      + "; choose one with pkcs12-alias"));
    }
    return keyAliases.get(0);
  }
}
