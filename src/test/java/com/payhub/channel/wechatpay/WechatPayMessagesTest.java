package com.payhub.channel.wechatpay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Known-answer strings: the expected texts are written out by hand from WeChat's v3 rules. */
class WechatPayMessagesTest {

  private static String utf8(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }

  @Test
  void postRequestMessage() {
    byte[] body = "{\"appid\":\"wxd678efh567hg6787\",\"mchid\":\"1230000109\"}".getBytes();
    assertThat(
            utf8(
                WechatPayMessages.request(
                    "POST",
                    "/v3/pay/transactions/jsapi",
                    1554208460L,
                    "593BEC0C930BF1AFEB40B4A08C8FB242",
                    body)))
        .isEqualTo(
            "POST\n/v3/pay/transactions/jsapi\n1554208460\n593BEC0C930BF1AFEB40B4A08C8FB242\n"
                + "{\"appid\":\"wxd678efh567hg6787\",\"mchid\":\"1230000109\"}\n");
  }

  @Test
  void getRequestMessageHasEmptyBodyLineAndKeepsTheRawQuery() {
    URI uri =
        URI.create(
            "https://api.mch.weixin.qq.com/v3/pay/transactions/out-trade-no/PH%2F1"
                + "?mchid=1230000109&x=%E4%B8%AD");
    String url = WechatPayMessages.canonicalUrl(uri);
    assertThat(url)
        .isEqualTo("/v3/pay/transactions/out-trade-no/PH%2F1?mchid=1230000109&x=%E4%B8%AD");
    assertThat(utf8(WechatPayMessages.request("get", url, 1554208460L, "n0nce", null)))
        .isEqualTo(
            "GET\n/v3/pay/transactions/out-trade-no/PH%2F1?mchid=1230000109&x=%E4%B8%AD\n"
                + "1554208460\nn0nce\n\n");
  }

  @Test
  void urlWithoutQueryHasNoQuestionMark() {
    assertThat(WechatPayMessages.canonicalUrl(URI.create("https://h/v3/certificates")))
        .isEqualTo("/v3/certificates");
  }

  @Test
  void getWithABodyIsACallerError() {
    assertThatThrownBy(() -> WechatPayMessages.request("GET", "/v3/x", 1L, "n", new byte[] {'x'}))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void responseMessageKeepsRawBytesEvenWhenNotUtf8() {
    byte[] body = {'{', (byte) 0xFF, '\n', '}'};
    byte[] message = WechatPayMessages.response("1554208460", "abc", body);
    assertThat(message)
        .containsExactly(
            '1',
            '5',
            '5',
            '4',
            '2',
            '0',
            '8',
            '4',
            '6',
            '0',
            '\n',
            'a',
            'b',
            'c',
            '\n',
            '{',
            (byte) 0xFF,
            '\n',
            '}',
            '\n');
    assertThat(
            utf8(WechatPayMessages.response("1554208460", "abc", "{\"code\":\"OK\"}".getBytes())))
        .isEqualTo("1554208460\nabc\n{\"code\":\"OK\"}\n");
  }

  @Test
  void headersAreFoundInAnyCaseAndRepeatsCountAsMissing() {
    Map<String, Object> headers =
        Map.of(
            "wechatpay-nonce",
            "n",
            "WECHATPAY-SERIAL",
            List.of("a", "b"),
            "Wechatpay-Timestamp",
            " ");
    assertThat(WechatPayHeaders.get(headers, WechatPayHeaders.NONCE)).isEqualTo("n");
    assertThat(WechatPayHeaders.get(headers, WechatPayHeaders.SERIAL)).isNull();
    assertThat(WechatPayHeaders.get(headers, WechatPayHeaders.TIMESTAMP)).isNull();
    assertThat(WechatPayHeaders.get(headers, WechatPayHeaders.SIGNATURE)).isNull();
  }
}
