package com.payhub.bench;

import com.payhub.channel.wechatpay.WechatPayAuthorization;
import com.payhub.channel.wechatpay.WechatPayAuthorizationHeader;
import com.payhub.channel.wechatpay.WechatPayHeaders;
import com.payhub.channel.wechatpay.WechatPayMessages;
import com.payhub.channel.wechatpay.WechatPayNonce;
import com.payhub.channel.wechatpay.WechatPaySignatureVerifier;
import com.payhub.crypto.Credential;
import com.payhub.crypto.JcaSigner;
import com.payhub.crypto.JcaVerifier;
import com.payhub.crypto.KeyEntry;
import com.payhub.crypto.RsaHash;
import com.payhub.crypto.Signer;
import com.payhub.crypto.Verifier;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
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
 * WeChat Pay v3: the {@code Authorization} header of a native order ({@link
 * WechatPayAuthorization#header}: fresh nonce, clock, message, sign, base64, header text) and
 * {@link WechatPaySignatureVerifier#verify} of the order's response (headers, freshness, serial
 * lookup, base64, message, verify), each against bare SHA256withRSA over same-sized bytes, with the
 * same key.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class WechatPayBenchmark {

  static final URI NATIVE = URI.create("https://api.mch.weixin.qq.com/v3/pay/transactions/native");
  static final String SERIAL = "5157F09EFDC096DE15EBE81A47057A7232F1B8E1";

  @Param({"jdk", "accp", "none"})
  public String provider;

  private String orderBody;
  private WechatPayAuthorization schemeSigner;
  private Signer primitiveSigner;
  private byte[] requestBytes;
  private Map<String, String> responseHeaders;
  private byte[] responseBody;
  private WechatPaySignatureVerifier schemeVerifier;
  private Verifier primitiveVerifier;
  private byte[] responseBytes;
  private byte[] responseSignature;

  @Setup
  public void setUp() throws Exception {
    Providers.use(provider);
    KeyPair key = BenchKeys.rsa2048(); // merchant and platform share it: one key for both sides
    Clock clock = Clock.systemUTC();
    orderBody = nativeOrder();
    primitiveSigner = JcaSigner.rsa(RsaHash.SHA256, key.getPrivate());
    schemeSigner = new WechatPayAuthorization("1900000001", SERIAL, primitiveSigner, clock);
    long now = clock.instant().getEpochSecond();
    requestBytes =
        WechatPayMessages.request(
            "POST",
            WechatPayMessages.canonicalUrl(NATIVE),
            now,
            WechatPayNonce.next(),
            orderBody.getBytes(StandardCharsets.UTF_8));

    responseBody =
        "{\"code_url\":\"weixin://wxpay/bizpayurl?pr=p4lpSuKzz\"}".getBytes(StandardCharsets.UTF_8);
    String nonce = WechatPayNonce.next();
    responseBytes = WechatPayMessages.response(Long.toString(now), nonce, responseBody);
    responseSignature = primitiveSigner.sign(responseBytes);
    responseHeaders =
        Map.of(
            "Request-ID",
            "08F78BB5AF0610D302A6BE0028C0E45E0F",
            "Content-Type",
            "application/json",
            WechatPayHeaders.TIMESTAMP,
            Long.toString(now),
            WechatPayHeaders.NONCE,
            nonce,
            WechatPayHeaders.SIGNATURE,
            Base64.getEncoder().encodeToString(responseSignature),
            WechatPayHeaders.SERIAL,
            SERIAL,
            WechatPayHeaders.SIGNATURE_TYPE,
            "WECHATPAY2-SHA256-RSA2048");
    Credential platform =
        new Credential(
            "wechatpay-platform",
            List.of(new KeyEntry(SERIAL, null, key.getPublic(), List.of(), null)));
    schemeVerifier = WechatPaySignatureVerifier.of(platform, clock);
    primitiveVerifier = JcaVerifier.rsa(RsaHash.SHA256, key.getPublic());

    // the pairs measure the same RSA work: the header's signature verifies over its message
    WechatPayAuthorizationHeader token =
        schemeSigner.token(
            "POST",
            WechatPayMessages.canonicalUrl(NATIVE),
            orderBody.getBytes(StandardCharsets.UTF_8));
    byte[] signed =
        WechatPayMessages.request(
            "POST",
            WechatPayMessages.canonicalUrl(NATIVE),
            Long.parseLong(token.timestamp()),
            token.nonceStr(),
            orderBody.getBytes(StandardCharsets.UTF_8));
    if (signed.length != requestBytes.length
        || !primitiveVerifier.verify(signed, Base64.getDecoder().decode(token.signature()))
        || !SERIAL.equals(schemeVerifier.verify(responseHeaders, responseBody))) {
      throw new IllegalStateException("scheme and primitive disagree");
    }
  }

  @Benchmark
  public String signScheme() {
    return schemeSigner.header("POST", NATIVE, orderBody);
  }

  @Benchmark
  public byte[] signPrimitive() {
    return primitiveSigner.sign(requestBytes);
  }

  @Benchmark
  public String verifyScheme() {
    return schemeVerifier.verify(responseHeaders, responseBody);
  }

  @Benchmark
  public boolean verifyPrimitive() {
    return primitiveVerifier.verify(responseBytes, responseSignature);
  }

  /** A native-order body as a merchant posts it, Chinese description included. */
  static String nativeOrder() {
    return "{\"appid\":\"wxd678efh567hg6787\",\"mchid\":\"1900000001\","
        + "\"description\":\"云南小粒咖啡豆 中度烘焙 500克\","
        + "\"out_trade_no\":\"PH20261126120000000002\",\"time_expire\":\"2026-11-26T13:30:00+08:00\","
        + "\"attach\":\"门店 SH_001\",\"notify_url\":\"https://merchant.example/notify/wechatpay\","
        + "\"goods_tag\":\"WXG\",\"support_fapiao\":false,"
        + "\"amount\":{\"total\":8888,\"currency\":\"CNY\"},"
        + "\"detail\":{\"cost_price\":8888,\"invoice_id\":\"wx123\",\"goods_detail\":[{"
        + "\"merchant_goods_id\":\"1246464644\",\"wechatpay_goods_id\":\"1001\","
        + "\"goods_name\":\"咖啡豆 500克\",\"quantity\":1,\"unit_price\":8888}]},"
        + "\"scene_info\":{\"payer_client_ip\":\"14.23.150.211\",\"device_id\":\"013467007045764\","
        + "\"store_info\":{\"id\":\"0001\",\"name\":\"上海分店\",\"area_code\":\"440305\","
        + "\"address\":\"上海市浦东新区世纪大道100号\"}},"
        + "\"settle_info\":{\"profit_sharing\":false}}";
  }
}
