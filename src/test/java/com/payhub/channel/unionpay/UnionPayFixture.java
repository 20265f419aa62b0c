package com.payhub.channel.unionpay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.payhub.channel.unionpay.UnionPaySignatureException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bouncycastle.crypto.digests.SM3Digest;

/**
 * Shared test data: the openssl fixture of {@code src/test/resources/unionpay/} (see its README),
 * sample messages, an independent SM3 and small helpers for refusals and tampering.
 */
final class UnionPayFixture {

  static final String SECURE_KEY = "payhub-test-secure-key-0001";
  static final Clock CLOCK = Clock.fixed(UnionPayTestPki.NOW, ZoneOffset.UTC);

  private UnionPayFixture() {}

  /**
   * A consume request as a merchant builds it: a blank field, a padded value and a stale signature
   * that must not matter; no certId or signMethod yet.
   */
  static Map<String, String> consume() {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("version", "5.1.0");
    f.put("encoding", "UTF-8");
    f.put("txnType", "01");
    f.put("txnSubType", "01");
    f.put("bizType", "000201");
    f.put("channelType", "07");
    f.put("accessType", "0");
    f.put("merId", "777290058110048");
    f.put("orderId", "20261127003000001");
    f.put("txnTime", "20261127003000");
    f.put("txnAmt", "10000");
    f.put("currencyCode", "156");
    f.put("frontUrl", "  https://merchant.example/front ");
    f.put("backUrl", "https://merchant.example/acp/notify?x=1&y=2");
    f.put("orderDesc", "一杯咖啡");
    f.put("reqReserved", "   ");
    f.put("riskRateInfo", "");
    f.put("signature", "stale");
    return f;
  }

  /** A backUrl notification as UnionPay sends it (before signing). */
  static Map<String, String> notification() {
    Map<String, String> f = new HashMap<>(consume());
    f.remove("signature");
    f.put("respCode", "00");
    f.put("respMsg", "成功[0000000]");
    f.put("queryId", "762611270030001234567");
    return f;
  }

  /** SM3 with BouncyCastle's digest directly, independent of PayHub's {@code Digests}. */
  static String sm3Hex(String text) {
    byte[] in = text.getBytes(StandardCharsets.UTF_8);
    SM3Digest sm3 = new SM3Digest();
    sm3.update(in, 0, in.length);
    byte[] out = new byte[sm3.getDigestSize()];
    sm3.doFinal(out, 0);
    return HexFormat.of().formatHex(out);
  }

  static Reason reason(UnionPayVerifier verifier, Map<String, String> fields) {
    UnionPaySignatureException e =
        catchThrowableOfType(() -> verifier.verify(fields), UnionPaySignatureException.class);
    assertThat(e).as("expected a refusal").isNotNull();
    return e.reason();
  }

  static Map<String, String> with(Map<String, String> fields, String key, String value) {
    Map<String, String> copy = new HashMap<>(fields);
    copy.put(key, value);
    return copy;
  }

  /** Flips one bit of the signature's bytes (binary for 01/21, the hex text for 11/12). */
  static String flip(String signature, String code) {
    if (code.equals("11") || code.equals("12")) {
      char c = signature.charAt(10);
      return signature.substring(0, 10) + (c == '0' ? '1' : '0') + signature.substring(11);
    }
    byte[] bytes = Base64.getDecoder().decode(signature);
    bytes[bytes.length / 2] ^= 0x01;
    return Base64.getEncoder().encodeToString(bytes);
  }

  /** The openssl-made fixture certificate (serial 0x9C2A5E3F1B7D4A6051). */
  static X509Certificate certificate() {
    try (InputStream in = resource("cert.pem")) {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The openssl-made fixture key (PKCS#8 PEM). */
  static PrivateKey key() {
    try (InputStream in = resource("key.pem")) {
      String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
      String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
      return KeyFactory.getInstance("RSA")
          .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static InputStream resource(String name) {
    InputStream in = UnionPayFixture.class.getResourceAsStream("/unionpay/" + name);
    if (in == null) {
      throw new IllegalStateException("missing test resource unionpay/" + name);
    }
    return in;
  }
}
