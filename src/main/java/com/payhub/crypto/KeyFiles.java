package com.payhub.crypto;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * Reads keys and certificates from files, as OpenShift Secrets mount them. Every failure is a
 * {@link KeyLoadException} whose message starts with the configuration property and the path;
 * messages never quote file content. RSA keys go to the JDK provider, everything else (EC, SM2) to
 * BouncyCastle, which knows the SM2 curve.
 */
public final class KeyFiles {

  private static final String NOT_ENCRYPTED =
      "; mount it unencrypted (the Secret protects it) or use a PKCS#12 file with a password file";

  private KeyFiles() {}

  /** A PKCS#12 key entry; the chain starts with the key's own certificate. */
  public record Pkcs12Entry(String alias, PrivateKey privateKey, List<X509Certificate> chain) {

    public Pkcs12Entry {
      chain = List.copyOf(chain);
    }

    /** Never prints key material. */
    @Override
    public String toString() {
      return "Pkcs12Entry[" + alias + ", " + chain.size() + " cert(s)]";
    }
  }

  /** A PEM private key: PKCS#8 {@code PRIVATE KEY}, PKCS#1 {@code RSA PRIVATE KEY}, SEC1 EC/SM2. */
  public static PrivateKey privateKey(String property, Path path) {
    List<Object> objects = pem(property, path);
    List<PrivateKeyInfo> keys = new ArrayList<>();
    for (Object o : objects) {
      if (o instanceof PEMKeyPair pair) {
        keys.add(pair.getPrivateKeyInfo());
      } else if (o instanceof PrivateKeyInfo info) {
        keys.add(info);
      } else if (o instanceof PEMEncryptedKeyPair || o instanceof PKCS8EncryptedPrivateKeyInfo) {
        throw new KeyLoadException(
            where(property, path) + " holds an encrypted private key" + NOT_ENCRYPTED);
      }
    }
    if (keys.size() != 1) {
      throw wrongContent(property, path, objects, keys.size(), "a private key");
    }
    PrivateKeyInfo info = keys.get(0);
    try {
      return converter(info.getPrivateKeyAlgorithm().getAlgorithm()).getPrivateKey(info);
    } catch (IOException | RuntimeException e) {
      throw new KeyLoadException(
          where(property, path) + " holds a private key that cannot be decoded (" + type(e) + ")",
          e);
    }
  }

  /** A PEM {@code PUBLIC KEY} (or PKCS#1 {@code RSA PUBLIC KEY}). */
  public static PublicKey publicKey(String property, Path path) {
    List<Object> objects = pem(property, path);
    List<SubjectPublicKeyInfo> keys =
        objects.stream()
            .filter(SubjectPublicKeyInfo.class::isInstance)
            .map(SubjectPublicKeyInfo.class::cast)
            .toList();
    if (keys.size() != 1) {
      throw wrongContent(property, path, objects, keys.size(), "a public key");
    }
    SubjectPublicKeyInfo info = keys.get(0);
    try {
      return converter(info.getAlgorithm().getAlgorithm()).getPublicKey(info);
    } catch (IOException | RuntimeException e) {
      throw new KeyLoadException(
          where(property, path) + " holds a public key that cannot be decoded (" + type(e) + ")",
          e);
    }
  }

  /** One or more PEM {@code CERTIFICATE}s; the first is the key's own, then its issuers. */
  public static List<X509Certificate> certificates(String property, Path path) {
    List<Object> objects = pem(property, path);
    List<X509Certificate> chain = new ArrayList<>();
    for (Object o : objects) {
      if (o instanceof X509CertificateHolder holder) {
        try {
          JcaX509CertificateConverter c = new JcaX509CertificateConverter();
          if (!isRsa(holder.getSubjectPublicKeyInfo().getAlgorithm().getAlgorithm())) {
            c.setProvider(Jca.BC);
          }
          chain.add(c.getCertificate(holder));
        } catch (GeneralSecurityException | RuntimeException e) {
          throw new KeyLoadException(
              where(property, path)
                  + " holds a certificate that cannot be decoded ("
                  + type(e)
                  + ")",
              e);
        }
      }
    }
    if (chain.isEmpty()) {
      throw wrongContent(property, path, objects, 0, "a certificate");
    }
    return List.copyOf(chain);
  }

  /**
   * The key entry of a PKCS#12 file: the one named {@code alias}, or the only one when alias is
   * null or blank.
   */
  public static Pkcs12Entry pkcs12(String property, Path path, char[] password, String alias) {
    return Pkcs12Files.load(property, path, password, alias);
  }

  /** A password file: its text (UTF-8) without a trailing newline; may be empty. */
  public static char[] password(String property, Path path) {
    byte[] bytes = stripNewline(read(property, path));
    try {
      return StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes)).toString().toCharArray();
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  /**
   * A raw secret (e.g. WeChat Pay's 32-character API v3 key): the file's bytes without one trailing
   * newline ({@code \n} or {@code \r\n}), as {@code echo} or an editor adds it.
   */
  public static byte[] secret(String property, Path path) {
    byte[] bytes = stripNewline(read(property, path));
    if (bytes.length == 0) {
      throw new KeyLoadException(where(property, path) + " is empty");
    }
    return bytes;
  }

  /** The file's bytes, or a {@link KeyLoadException} saying why not. */
  static byte[] read(String property, Path path) {
    if (path == null) {
      throw new KeyLoadException(property + ": no file is configured");
    }
    try {
      if (Files.isDirectory(path)) {
        throw new KeyLoadException(where(property, path) + " is a directory, not a file");
      }
      return Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      throw new KeyLoadException(where(property, path) + " does not exist", e);
    } catch (AccessDeniedException e) {
      throw new KeyLoadException(where(property, path) + " cannot be read: permission denied", e);
    } catch (IOException e) {
      throw new KeyLoadException(where(property, path) + " cannot be read (" + type(e) + ")", e);
    }
  }

  static String where(String property, Path path) {
    return property + ": " + path;
  }

  private static List<Object> pem(String property, Path path) {
    byte[] bytes = read(property, path);
    List<Object> objects = new ArrayList<>();
    try (PEMParser parser =
        new PEMParser(new StringReader(new String(bytes, StandardCharsets.US_ASCII)))) {
      for (Object o = parser.readObject(); o != null; o = parser.readObject()) {
        objects.add(o);
      }
    } catch (IOException | RuntimeException e) {
      throw new KeyLoadException(
          where(property, path)
              + " is damaged PEM: its base64 text or the DER inside does not decode",
          e);
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
    if (objects.isEmpty()) {
      throw new KeyLoadException(
          where(property, path)
              + " holds no PEM block (text between -----BEGIN and -----END lines)");
    }
    return objects;
  }

  private static KeyLoadException wrongContent(
      String property, Path path, List<Object> objects, int found, String wanted) {
    if (found > 1) {
      return new KeyLoadException(
          where(property, path) + " holds " + found + " keys; put one per file");
    }
    String first =
        objects.stream()
            .filter(o -> !(o instanceof ASN1ObjectIdentifier || o instanceof X9ECParameters))
            .findFirst()
            .map(KeyFiles::describe)
            .orElse("only EC PARAMETERS");
    return new KeyLoadException(where(property, path) + " holds " + first + ", not " + wanted);
  }

  private static String describe(Object o) {
    if (o instanceof X509CertificateHolder) {
      return "a CERTIFICATE";
    } else if (o instanceof SubjectPublicKeyInfo) {
      return "a PUBLIC KEY";
    } else if (o instanceof PEMKeyPair || o instanceof PrivateKeyInfo) {
      return "a private key";
    } else if (o instanceof PEMEncryptedKeyPair || o instanceof PKCS8EncryptedPrivateKeyInfo) {
      return "an encrypted private key";
    } else if (o instanceof X509CRLHolder) {
      return "a CRL";
    } else if (o instanceof PKCS10CertificationRequest) {
      return "a CERTIFICATE REQUEST";
    }
    return "a " + o.getClass().getSimpleName();
  }

  private static JcaPEMKeyConverter converter(ASN1ObjectIdentifier algorithm) {
    return isRsa(algorithm)
        ? new JcaPEMKeyConverter()
        : new JcaPEMKeyConverter().setProvider(Jca.BC);
  }

  private static boolean isRsa(ASN1ObjectIdentifier algorithm) {
    return PKCSObjectIdentifiers.rsaEncryption.equals(algorithm);
  }

  private static byte[] stripNewline(byte[] bytes) {
    int end = bytes.length;
    if (end > 0 && bytes[end - 1] == '\n') {
      end--;
      if (end > 0 && bytes[end - 1] == '\r') {
        end--;
      }
    }
    if (end == bytes.length) {
      return bytes;
    }
    byte[] stripped = Arrays.copyOf(bytes, end);
    Arrays.fill(bytes, (byte) 0);
    return stripped;
  }

  static String type(Throwable e) {
    return e.getClass().getSimpleName();
  }
}
