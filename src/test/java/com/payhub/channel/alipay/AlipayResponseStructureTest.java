package com.payhub.channel.alipay;

import static com.payhub.channel.alipay.AlipayResponseVerifierTest.METHOD;
import static com.payhub.channel.alipay.AlipayResponseVerifierTest.VERIFIER;
import static com.payhub.channel.alipay.AlipayResponseVerifierTest.refusal;
import static com.payhub.channel.alipay.AlipayResponseVerifierTest.response;
import static com.payhub.channel.alipay.AlipayResponseVerifierTest.sign;
import static org.assertj.core.api.Assertions.assertThat;

import com.payhub.channel.alipay.AlipaySignatureException.Reason;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Finding the signed member in the raw text, and refusing text that is not one JSON object. */
class AlipayResponseStructureTest {

  @Test
  void extractsTheMemberExactlyAsReceived() {
    String value =
        "{\n  \"z\" : \"last key first\",\t\"a\":{\"b\":[{\"c\":\"}{][\"},\"\\\"}\"]},"
            + "\"q\":\"\\\\\",\"u\":\"\\u4e2d\\/\",\"n\":-1.50e+2 , \"t\":true,\"nil\":null }";
    String raw =
        "  {\"x\":[1,{\"y\":\"}\"}], \"alipay_trade_precreate_response\" :\r\n "
            + value
            + " ,\"sign\":\"s\", \"alipay_cert_sn\":\"abc\"}\n";
    Map<String, AlipayRawJson.Span> m = AlipayRawJson.members(raw);
    assertThat(m.keySet())
        .containsExactly("x", "alipay_trade_precreate_response", "sign", "alipay_cert_sn");
    assertThat(m.get("alipay_trade_precreate_response").of(raw)).isEqualTo(value);
    assertThat(m.get("sign").of(raw)).isEqualTo("\"s\"");
    assertThat(m.get("x").of(raw)).isEqualTo("[1,{\"y\":\"}\"}]");

    String signedRaw = raw.replace("\"sign\":\"s\"", "\"sign\":\"" + sign(value) + "\"");
    AlipayVerifiedResponse r = VERIFIER.verify(signedRaw, METHOD);
    assertThat(r.member()).isEqualTo("alipay_trade_precreate_response");
    assertThat(r.body().get("z").asText()).isEqualTo("last key first");
    assertThat(r.body().get("u").asText()).isEqualTo("中/");
    assertThat(r.body().at("/a/b/0/c").asText()).isEqualTo("}{][");
  }

  @Test
  void theMethodMemberWinsOverErrorResponseAndDuplicatesAreRefused() {
    String value = "{\"code\":\"10000\"}";
    String both =
        "{\"error_response\":{\"code\":\"40004\"},\"alipay_trade_precreate_response\":"
            + value
            + ",\"sign\":\""
            + sign(value)
            + "\"}";
    assertThat(VERIFIER.verify(both, METHOD).errorResponse()).isFalse();

    String dup =
        "{\"alipay_trade_precreate_response\":{\"code\":\"40004\"},"
            + "\"alipay_trade_precreate_response\":"
            + value
            + ",\"sign\":\""
            + sign(value)
            + "\"}";
    assertThat(refusal(dup)).isEqualTo(Reason.MALFORMED_RESPONSE);
    String dupSign =
        "{\"alipay_trade_precreate_response\":"
            + value
            + ",\"sign\":\""
            + sign(value)
            + "\",\"sign\":\""
            + sign("{}")
            + "\"}";
    assertThat(refusal(dupSign)).isEqualTo(Reason.MALFORMED_RESPONSE);
  }

  @Test
  void malformedResponsesAreRefusedWithAReason() {
    String value = "{\"code\":\"10000\"}";
    String s = sign(value);
    String[] broken = {
      "",
      "   ",
      "[]",
      "\"text\"",
      "{",
      "{\"alipay_trade_precreate_response\":" + value,
      "{\"alipay_trade_precreate_response\":{\"a\":\"unterminated}" + ",\"sign\":\"" + s + "\"}",
      "{\"alipay_trade_precreate_response\":{\"a\":1]" + ",\"sign\":\"" + s + "\"}",
      response("alipay_trade_precreate_response", value, s) + "{}",
      response("alipay_trade_precreate_response", value, s).replace("\"code\"", "\"c\\qode\""),
      response("alipay_trade_precreate_response", "{\"a\":nope}", s),
      "{\"alipay_trade_precreate_response\":" + value + ",\"sign\":\"" + s + "\",}",
      "<html>502 Bad Gateway</html>"
    };
    for (String raw : broken) {
      assertThat(refusal(raw)).as(raw).isEqualTo(Reason.MALFORMED_RESPONSE);
    }
    assertThat(refusal(response("alipay_trade_precreate_response", value, "@@")))
        .isEqualTo(Reason.MALFORMED_SIGN);
    assertThat(refusal("{\"alipay_trade_precreate_response\":" + value + ",\"sign\":42}"))
        .isEqualTo(Reason.MALFORMED_SIGN);
    assertThat(refusal("{\"alipay_trade_precreate_response\":" + value + ",\"sign\":null}"))
        .isEqualTo(Reason.MISSING_SIGN);
    assertThat(refusal("{\"other\":" + value + ",\"sign\":\"" + s + "\"}"))
        .isEqualTo(Reason.MISSING_RESPONSE_MEMBER);
  }
}
