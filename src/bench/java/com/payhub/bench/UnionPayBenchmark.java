package com.payhub.bench;

import com.payhub.channel.unionpay.UnionPayCertificates;
import com.payhub.channel.unionpay.UnionPaySignContent;
import com.payhub.channel.unionpay.UnionPaySignMethod;
import com.payhub.channel.unionpay.UnionPaySigner;
import com.payhub.channel.unionpay.UnionPayTrust;
import com.payhub.channel.unionpay.UnionPayVerifier;
import com.payhub.crypto.Digests;
import com.payhub.crypto.JcaSigner;
import com.payhub.crypto.JcaVerifier;
import com.payhub.crypto.RsaHash;
import com.payhub.crypto.Signer;
import com.payhub.crypto.Verifier;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * UnionPay acp 5.1.0 signMethod 01: {@link UnionPaySigner#sign} of a consume request, and the
 * verification of the consume response two ways: {@code verifyScheme} is {@link
 * UnionPayVerifier#verify} as production runs it (parses {@code signPubKeyCert} and validates its
 * chain to the configured middle and root on every call); {@code verifySchemeCertCached} is the
 * same message work with the certificate already checked (string to sign, SHA-256, hex, base64,
 * verify), what a certificate cache would leave. The primitive signs or verifies the 64 hex
 * characters the scheme signs, with the same key.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class UnionPayBenchmark {

  /** A test-environment signing certificate's CN; its third field is the owner acp checks. */
  static final String SIGNING_CN = "041@Z12@00040000:SIGN@00000062";

  @Param({"jdk", "accp", "none"})
  public String provider;

  private Map<String, String> request;
  private UnionPaySigner schemeSigner;
  private Signer primitiveSigner;
  private byte[] requestBytes;
  private Map<String, String> response;
  private UnionPayVerifier schemeVerifier;
  private X509Certificate cachedCertificate;
  private Verifier primitiveVerifier;
  private byte[] responseBytes;
  private byte[] responseSignature;

  @Setup
  public void setUp() throws Exception {
    Providers.use(provider);
    KeyPair key = BenchKeys.rsa2048(); // merchant and UnionPay share it: one key for both sides
    KeyPair rootKey = BenchKeys.rsa2048();
    KeyPair middleKey = BenchKeys.rsa2048();
    X509Certificate root =
        BenchKeys.certificate(rootKey, "CFCA TEST CS ROOT", rootKey, "CFCA TEST CS ROOT", true);
    X509Certificate middle =
        BenchKeys.certificate(middleKey, "CFCA TEST OCA1", rootKey, "CFCA TEST CS ROOT", true);
    X509Certificate leaf =
        BenchKeys.certificate(key, SIGNING_CN, middleKey, "CFCA TEST OCA1", false);

    request = consume();
    schemeSigner = UnionPaySigner.rsa(key.getPrivate(), leaf);
    primitiveSigner = JcaSigner.rsa(RsaHash.SHA256, key.getPrivate());
    Map<String, String> signed = schemeSigner.sign(request);
    requestBytes = hexOfContent(signed);

    response = new LinkedHashMap<>(schemeSigner.embeddingCertificate().sign(consumeResponse()));
    schemeVerifier =
        new UnionPayVerifier(UnionPayTrust.testEnvironment(root, middle), Clock.systemUTC(), null);
    cachedCertificate = UnionPayCertificates.parse(response.get("signPubKeyCert"));
    primitiveVerifier = JcaVerifier.rsa(RsaHash.SHA256, key.getPublic());
    responseBytes = hexOfContent(response);
    responseSignature = Base64.getDecoder().decode(response.get("signature"));

    // the pairs measure the same RSA work: identical signatures, every verification passes
    String expected = Base64.getEncoder().encodeToString(primitiveSigner.sign(requestBytes));
    if (!signed.get("signature").equals(expected)
        || schemeVerifier.verify(response) != UnionPaySignMethod.RSA
        || !verifySchemeCertCached()
        || !primitiveVerifier.verify(responseBytes, responseSignature)) {
      throw new IllegalStateException("scheme and primitive disagree");
    }
  }

  @Benchmark
  public Map<String, String> signScheme() {
    return schemeSigner.sign(request);
  }

  @Benchmark
  public byte[] signPrimitive() {
    return primitiveSigner.sign(requestBytes);
  }

  @Benchmark
  public UnionPaySignMethod verifyScheme() {
    return schemeVerifier.verify(response);
  }

  /**
   * {@link UnionPayVerifier#verify}'s steps for signMethod 01 with its certificate check replaced
   * by a certificate checked before: field checks, string to sign, SHA-256, hex, base64, verify.
   */
  @Benchmark
  public boolean verifySchemeCertCached() {
    String signature = response.get("signature");
    if (signature == null
        || UnionPaySignMethod.fromCode(response.get("signMethod")).orElse(null)
            != UnionPaySignMethod.RSA
        || !"5.1.0".equals(response.get("version").trim())
        || !"RSA".equals(cachedCertificate.getPublicKey().getAlgorithm())) {
      return false;
    }
    byte[] signed = hexOfContent(response);
    byte[] bytes = Base64.getDecoder().decode(signature.trim());
    return JcaVerifier.rsa(RsaHash.SHA256, cachedCertificate.getPublicKey()).verify(signed, bytes);
  }

  @Benchmark
  public boolean verifyPrimitive() {
    return primitiveVerifier.verify(responseBytes, responseSignature);
  }

  /** What signMethod 01 signs: the ASCII lowercase hex SHA-256 of the string to sign. */
  private static byte[] hexOfContent(Map<String, String> fields) {
    String content = UnionPaySignContent.of(fields);
    return Digests.lowerHex(Digests.sha256(content.getBytes(StandardCharsets.UTF_8)))
        .getBytes(StandardCharsets.US_ASCII);
  }

  /** A consume (pay) request as a merchant sends it, Chinese risk info included. */
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
    f.put("orderId", "PH20261126120000003");
    f.put("txnTime", "20261126120000");
    f.put("txnAmt", "8888");
    f.put("currencyCode", "156");
    f.put("frontUrl", "https://merchant.example/return/unionpay");
    f.put("backUrl", "https://merchant.example/notify/unionpay");
    f.put("payTimeout", "20261126133000");
    f.put("orderDesc", "云南小粒咖啡豆 中度烘焙 500克");
    f.put("riskRateInfo", "{commodityName=咖啡豆}");
    f.put("reqReserved", "门店 SH_001");
    return f;
  }

  /** The synchronous answer UnionPay gives a consume request (certificate embedded on signing). */
  static Map<String, String> consumeResponse() {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("version", "5.1.0");
    f.put("encoding", "UTF-8");
    f.put("txnType", "01");
    f.put("txnSubType", "01");
    f.put("bizType", "000201");
    f.put("accessType", "0");
    f.put("merId", "777290058110048");
    f.put("orderId", "PH20261126120000003");
    f.put("txnTime", "20261126120000");
    f.put("txnAmt", "8888");
    f.put("currencyCode", "156");
    f.put("queryId", "782611261200001234567");
    f.put("traceNo", "123456");
    f.put("traceTime", "1126120000");
    f.put("settleDate", "1126");
    f.put("settleAmt", "8888");
    f.put("settleCurrencyCode", "156");
    f.put("respCode", "00");
    f.put("respMsg", "成功[0000000]");
    f.put("reqReserved", "门店 SH_001");
    return f;
  }
}
