package com.payhub.channel.alipay;

import static com.payhub.channel.alipay.AlipayTestKeys.FIXTURE;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Known answers. The expected signatures were computed outside Java, with the OpenSSL 3.0 CLI and
 * the test-only fixture key src/test/resources/alipay/test-rsa-private.pem, over the literal
 * expected content strings below:
 *
 * <pre>
 * printf '%s' "$CONTENT" | openssl dgst -sha256 -sign test-rsa-private.pem | base64 -w0   # RSA2
 * printf '%s' "$CONTENT" | iconv -f UTF-8 -t GBK | openssl dgst -sha1 -sign test-rsa-private.pem \
 *   | base64 -w0                                                                         # RSA, GBK
 * openssl dgst -sha256 -sign test-rsa-private.pem member.txt | base64 -w0               # response
 * </pre>
 *
 * RSA PKCS#1 v1.5 signatures are deterministic, so equal bytes prove equal content, charset and
 * algorithm.
 */
class AlipayKnownAnswerTest {

  static final String BIZ =
      "{\"out_trade_no\":\"T1001\",\"subject\":\"测试商品=好&便宜\",\"total_amount\":\"88.88\"}";

  static final String CONTENT_RSA2_UTF8 =
      "app_id=2021000000000001&biz_content="
          + BIZ
          + "&charset=UTF-8&method=alipay.trade.precreate"
          + "&notify_url=https://example.com/notify?a=1&b=2&sign_type=RSA2"
          + "&timestamp=2024-01-02 03:04:05&version=1.0";

  static final String SIGN_RSA2_UTF8 =
      "CvXsy381kxzSZe2Iq4Mcc6C7vYl2btZSsALH6ZjldzOTN+WzBZk9zvSuvoZTjSyFkWY7XO1444YXXa8j8zSGxaT8WTbBxmEgajrI/xVZKsCobACDRMo7V+4Qk/z6swp+11VFDMstZeVMIgadrtDxG0a5xDzqKr/MvurGX8rYdEE8SnU4D+Gyk0KDtXh31+rQZ3PPkrK9bE7ig7tsV7NY8K6/TYdIkNisY5WR8L77O9atYUVEXWGQfVZaag8BAa66eOWiJXVsjta0LlgpO/+2iWXlXDftBwRqQreZfoXUFjgriRlcNcqFBhZRe4v4jm58qKR5T92XE/qMX4V5XqQnww==";

  static final String SIGN_RSA_GBK =
      "uK4Q0J23igyDbcMvDMHuzEgAKOntre7YMELbMvA8S4IO4RL3bazwbolMsNE12cJ7ciMMiW1n3/eWfK6rAfgyx6MDSBLkQD0QlvVK4+EODwpzU17iHEqS/NBdAMMkCpezH46ZboBbNWkLYv1J0SDu5xG9F7IGAUkV8j60xxk4/Kjr6DsZRVmAVEKoh32Wg6sguWMXmWnmKMao5f69JbPQeh1EqBHQO+Mppp+Vs06lk6MI1CwdPDSq+JTVuiG7EvbCKIE0uTTXaBDx1hKRKQ8Un/sGfNSl4G6fQ8IFloKX9rmff2Jl1GlDCqqG0Ppaua6Ty6e+lpc8I6wWgTUwITqllg==";

  static final String NOTIFICATION_CONTENT =
      "app_id=2021000000000001&buyer_id=2088102177846880&charset=utf-8"
          + "&fund_bill_list=[{\"amount\":\"88.88\",\"fundChannel\":\"ALIPAYACCOUNT\"}]"
          + "&gmt_payment=2024-01-02 03:05:06&notify_id=ac05099524730693a8b330c5ecf72da9786"
          + "&notify_time=2024-01-02 03:05:07&notify_type=trade_status_sync&out_trade_no=T1001"
          + "&subject=测试商品 a+b%20c&total_amount=88.88&trade_no=2024010222001446880500000001"
          + "&trade_status=TRADE_SUCCESS&version=1.0";

  static final String SIGN_NOTIFICATION =
      "OjGr4PzZGVq5FJQ0qu9s1QqMqED8YoC+SnwHeSIKLC32deHah3uEbQyMlizLrlE1Mofcif+Q7gPDmkS2OWTNJankW7pp4MBpd97szjSa8kjcqjAyix6PeD0F4uoQOssRUa6Cdf+f/hOTzwO+/6bLuuFKCkTeukC+vNs/VV3BOuCp0H4HRpk+0k1vRFhn7J6nzdY4NSjMTXo0Wu4VwJ8VGA5Br2/B4NVu8ZaRSn8EGazzXZkvdbH7cAhXj4SLxvvk/HjvjMB4WsAujkNeosKoXoQ8HGPY9NpYTs1N55POAuBl7dLi+b2+DpzITNrtJqwoZg5xiWB365/2YxBQcgrSRw==";

  /** Exactly the bytes of member.txt: spaces, a newline, escapes and braces inside strings. */
  static final String RESPONSE_MEMBER =
      "{ \"code\":\"10000\", \"msg\":\"Success\",\n"
          + "  \"out_trade_no\":\"T1001\" ,\"qr_code\":\"https://qr.alipay.com/bax01234\","
          + "\"memo\":\"say \\\"hi\\\" {not a brace} [x] \\\\\","
          + "\"nested\":{\"a\":[1,{\"b\":\"}\"}]}}";

  static final String SIGN_RESPONSE =
      "KzDUvRB5L2vote7O8thxRRsjh/I+k4jGrfZFZo+QS7HAeWOkl+AR3959P3p+OakuRX7Lv26SDAe7wjMt4FSN3/ri8LNqy+iviKhKKRAZJTdqxGaHM1T/SsT/ri3GMRQlqqHvBwqH24OIvWn7PZcelkDxZiLeDX9aKcXJLUa1WOC151eZ6YQNrL7Sij4qZvHjhoHsxUlNEZbhGlI8kEUfqcciKWuvMDxNjkwPKcV0VHi+4wX/enY1XxZLi5mzI/4jxUVr7QLq3ex/qm7KMRqN+ZwnyFkWtyv4MQfq1G37YyLaqlUYIej5uqs5P8o5UphVhf9mTnZg/eYlnkfBdyZaew==";

  /** The request the content strings above come from, with pairs that must not be signed. */
  static Map<String, String> request(String charset, String signType) {
    Map<String, String> p = new HashMap<>();
    p.put("version", "1.0");
    p.put("timestamp", "2024-01-02 03:04:05");
    p.put("method", "alipay.trade.precreate");
    p.put("app_id", "2021000000000001");
    p.put("charset", charset);
    p.put("sign_type", signType);
    p.put("notify_url", "https://example.com/notify?a=1&b=2");
    p.put("biz_content", BIZ);
    p.put("app_auth_token", ""); // empty: dropped
    p.put("return_url", " \t"); // blank: dropped
    p.put("sign", "stale"); // never signed
    return p;
  }

  static Map<String, String> notification() {
    Map<String, String> n = new HashMap<>();
    for (String pair : NOTIFICATION_CONTENT.split("&(?=[a-z_]+=)")) {
      int eq = pair.indexOf('=');
      n.put(pair.substring(0, eq), pair.substring(eq + 1));
    }
    n.put("passback_params", "");
    n.put("sign_type", "RSA2");
    n.put("sign", SIGN_NOTIFICATION);
    return n;
  }

  @Test
  void requestContentForTheFixedMap() {
    assertThat(AlipaySignContent.forRequest(request("UTF-8", "RSA2"))).isEqualTo(CONTENT_RSA2_UTF8);
  }

  @Test
  void rsa2SignatureInUtf8MatchesOpenssl() {
    AlipaySigner signer = new AlipaySigner(AlipaySignType.RSA2, FIXTURE.getPrivate());
    assertThat(signer.sign(request("UTF-8", "RSA2"))).isEqualTo(SIGN_RSA2_UTF8);
  }

  @Test
  void rsaSignatureInGbkMatchesOpenssl() {
    Map<String, String> gbk = request("GBK", "RSA");
    assertThat(AlipaySignContent.forRequest(gbk))
        .isEqualTo(CONTENT_RSA2_UTF8.replace("UTF-8", "GBK").replace("RSA2", "RSA"));
    AlipaySigner signer = new AlipaySigner(AlipaySignType.RSA, FIXTURE.getPrivate());
    assertThat(signer.sign(gbk)).isEqualTo(SIGN_RSA_GBK);
  }

  @Test
  void notificationContentAndSignature() {
    Map<String, String> n = notification();
    assertThat(AlipaySignContent.forNotification(n)).isEqualTo(NOTIFICATION_CONTENT);
    AlipayNotification ok = AlipayNotificationVerifier.rsa2(FIXTURE.getPublic()).verify(n);
    assertThat(ok.signType()).isEqualTo(AlipaySignType.RSA2);
    assertThat(ok.field("subject")).isEqualTo("测试商品 a+b%20c");
    assertThat(ok.fields()).doesNotContainKey("sign").containsEntry("sign_type", "RSA2");
  }

  @Test
  void responseMemberSignature() {
    String raw =
        "{\"alipay_trade_precreate_response\":"
            + RESPONSE_MEMBER
            + ",\"sign\":\""
            + SIGN_RESPONSE
            + "\"}";
    AlipayVerifiedResponse r =
        new AlipayResponseVerifier(AlipaySignType.RSA2, FIXTURE.getPublic(), StandardCharsets.UTF_8)
            .verify(raw, "alipay.trade.precreate");
    assertThat(r.errorResponse()).isFalse();
    assertThat(r.body().get("memo").asText()).isEqualTo("say \"hi\" {not a brace} [x] \\");
    assertThat(r.body().at("/nested/a/1/b").asText()).isEqualTo("}");
  }
}
