package com.payhub.bench;

import com.payhub.channel.alipay.AlipayNotificationVerifier;
import com.payhub.channel.alipay.AlipaySignContent;
import com.payhub.channel.alipay.AlipaySignType;
import com.payhub.channel.alipay.AlipaySigner;
import com.payhub.crypto.JcaSigner;
import com.payhub.crypto.JcaVerifier;
import com.payhub.crypto.RsaHash;
import com.payhub.crypto.Signer;
import com.payhub.crypto.Verifier;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
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
 * Alipay RSA2: {@link AlipaySigner#sign} of an {@code alipay.trade.precreate} request and {@link
 * AlipayNotificationVerifier#verify} of a {@code TRADE_SUCCESS} notification, each against bare
 * SHA256withRSA over the very bytes the scheme signs, with the same key.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AlipayBenchmark {

  @Param({"jdk", "accp", "none"})
  public String provider;

  private Map<String, String> request;
  private Map<String, String> notification;
  private AlipaySigner schemeSigner;
  private AlipayNotificationVerifier schemeVerifier;
  private Signer primitiveSigner;
  private Verifier primitiveVerifier;
  private byte[] requestBytes;
  private byte[] notificationBytes;
  private byte[] notificationSignature;

  @Setup
  public void setUp() throws Exception {
    Providers.use(provider);
    KeyPair key = BenchKeys.rsa2048(); // merchant and Alipay share it: one key for both sides
    request = precreate();
    schemeSigner = new AlipaySigner(AlipaySignType.RSA2, key.getPrivate());
    primitiveSigner = JcaSigner.rsa(RsaHash.SHA256, key.getPrivate());
    requestBytes = AlipaySignContent.forRequest(request).getBytes(StandardCharsets.UTF_8);

    notification = tradeSuccess();
    notificationBytes =
        AlipaySignContent.forNotification(notification).getBytes(StandardCharsets.UTF_8);
    notificationSignature = primitiveSigner.sign(notificationBytes);
    notification.put("sign", Base64.getEncoder().encodeToString(notificationSignature));
    schemeVerifier = AlipayNotificationVerifier.rsa2(key.getPublic());
    primitiveVerifier = JcaVerifier.rsa(RsaHash.SHA256, key.getPublic());

    // the pairs measure the same RSA work: identical signatures, both verifications pass
    String expected = Base64.getEncoder().encodeToString(primitiveSigner.sign(requestBytes));
    if (!schemeSigner.sign(request).equals(expected)
        || !schemeVerifier.isValid(notification)
        || !primitiveVerifier.verify(notificationBytes, notificationSignature)) {
      throw new IllegalStateException("scheme and primitive disagree");
    }
  }

  @Benchmark
  public String signScheme() {
    return schemeSigner.sign(request);
  }

  @Benchmark
  public byte[] signPrimitive() {
    return primitiveSigner.sign(requestBytes);
  }

  @Benchmark
  public Object verifyScheme() {
    return schemeVerifier.verify(notification);
  }

  @Benchmark
  public boolean verifyPrimitive() {
    return primitiveVerifier.verify(notificationBytes, notificationSignature);
  }

  /** An {@code alipay.trade.precreate} request as a merchant sends it, Chinese subject included. */
  static Map<String, String> precreate() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("app_id", "2021000000000001");
    p.put("method", "alipay.trade.precreate");
    p.put("format", "JSON");
    p.put("charset", "utf-8");
    p.put("sign_type", "RSA2");
    p.put("timestamp", "2026-11-26 12:00:00");
    p.put("version", "1.0");
    p.put("notify_url", "https://merchant.example/notify/alipay");
    p.put(
        "biz_content",
        "{\"out_trade_no\":\"PH20261126120000000001\",\"total_amount\":\"88.88\","
            + "\"subject\":\"云南小粒咖啡豆 中度烘焙 500克\",\"body\":\"PayHub 测试订单\","
            + "\"product_code\":\"FACE_TO_FACE_PAYMENT\",\"store_id\":\"SH_001\","
            + "\"timeout_express\":\"90m\"}");
    return p;
  }

  /** An async {@code trade_status_sync} notification as Alipay posts it (sign added later). */
  static Map<String, String> tradeSuccess() {
    Map<String, String> n = new LinkedHashMap<>();
    n.put("gmt_create", "2026-11-26 12:00:05");
    n.put("charset", "utf-8");
    n.put("seller_email", "merchant@example.com");
    n.put("subject", "云南小粒咖啡豆 中度烘焙 500克");
    n.put("buyer_id", "2088102177846875");
    n.put("invoice_amount", "88.88");
    n.put("notify_id", "2026112600222120006001741417437301");
    n.put("fund_bill_list", "[{\"amount\":\"88.88\",\"fundChannel\":\"ALIPAYACCOUNT\"}]");
    n.put("notify_type", "trade_status_sync");
    n.put("trade_status", "TRADE_SUCCESS");
    n.put("receipt_amount", "88.88");
    n.put("app_id", "2021000000000001");
    n.put("buyer_pay_amount", "88.88");
    n.put("sign_type", "RSA2");
    n.put("seller_id", "2088102177302492");
    n.put("gmt_payment", "2026-11-26 12:00:06");
    n.put("notify_time", "2026-11-26 12:00:07");
    n.put("version", "1.0");
    n.put("out_trade_no", "PH20261126120000000001");
    n.put("total_amount", "88.88");
    n.put("trade_no", "2026112622001446870501234567");
    n.put("auth_app_id", "2021000000000001");
    n.put("buyer_logon_id", "csq***@sandbox.com");
    n.put("point_amount", "0.00");
    return n;
  }
}
