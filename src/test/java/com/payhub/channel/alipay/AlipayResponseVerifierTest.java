package com.payhub.channel.alipay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.payhub.channel.alipay.AlipaySignatureException.Reason;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Synchronous responses: the signed text is the member's raw value, byte for byte. */
class AlipayResponseVerifierTest {

  static final String METHOD = "alipay.trade.precreate";
  static final AlipayResponseVerifier VERIFIER =
      new AlipayResponseVerifier(
          AlipaySignType.RSA2, AlipayTestKeys.RSA.getPublic(), StandardCharsets.UTF_8);

  static String sign(String text) {
    return sign(AlipaySignType.RSA2, AlipayTestKeys.RSA, text, StandardCharsets.UTF_8);
  }

  static String sign(AlipaySignType type, KeyPair keys, String text, Charset charset) {
    return Base64.getEncoder()
        .encodeToString(type.signer(keys.getPrivate()).sign(text.getBytes(charset)));
  }

  static String response(String member, String value, String sign) {
    return "{\"" + member + "\":" + value + ",\"sign\":\"" + sign + "\"}";
  }

  static Reason refusal(String raw) {
    AlipaySignatureException e =
        catchThrowableOfType(AlipaySignatureException.class, () -> VERIFIER.verify(raw, METHOD));
    assertThat(e).as("expected a refusal of %s", raw).isNotNull();
    return e.reason();
  }

  @Test
  void errorResponseIsVerifiedAndFlagged() {
    String value =
        "{\"code\":\"40004\",\"msg\":\"Business Failed\",\"sub_code\":\"ACQ.TRADE_NOT_EXIST\","
            + "\"sub_msg\":\"交易不存在\"}";
    AlipayVerifiedResponse r =
        VERIFIER.verify(response("error_response", value, sign(value)), METHOD);
    assertThat(r.errorResponse()).isTrue();
    assertThat(r.member()).isEqualTo("error_response");
    assertThat(r.body().get("sub_code").asText()).isEqualTo("ACQ.TRADE_NOT_EXIST");
    assertThat(refusal("{\"error_response\":" + value + "}")).isEqualTo(Reason.MISSING_SIGN);
  }

  @Test
  void aSignatureOverAReserialisedTextFails() throws Exception {
    String value =
        "{\"code\": \"10000\", \"msg\": \"Success\", \"qr_code\": \"https://qr.alipay.com/x\"}";
    String reserialised = new ObjectMapper().writeValueAsString(new ObjectMapper().readTree(value));
    assertThat(reserialised).isNotEqualTo(value);
    assertThat(refusal(response("alipay_trade_precreate_response", value, sign(reserialised))))
        .isEqualTo(Reason.SIGNATURE_MISMATCH);
    assertThat(
            VERIFIER.verify(
                response("alipay_trade_precreate_response", value, sign(value)), METHOD))
        .isNotNull();
  }

  @Test
  void tamperingIsRefused() {
    String value = "{\"code\":\"10000\",\"total_amount\":\"88.88\"}";
    String good = sign(value);
    assertThat(
            refusal(
                response("alipay_trade_precreate_response", value.replace("88.88", "88.89"), good)))
        .isEqualTo(Reason.SIGNATURE_MISMATCH);
    assertThat(refusal(response("alipay_trade_precreate_response", value.replace(":", " :"), good)))
        .isEqualTo(Reason.SIGNATURE_MISMATCH);
    byte[] raw = Base64.getDecoder().decode(good);
    raw[0] ^= (byte) 0x80;
    assertThat(
            refusal(
                response(
                    "alipay_trade_precreate_response",
                    value,
                    Base64.getEncoder().encodeToString(raw))))
        .isEqualTo(Reason.SIGNATURE_MISMATCH);
    // signed for another method: the member this method names is missing
    assertThat(refusal(response("alipay_trade_query_response", value, good)))
        .isEqualTo(Reason.MISSING_RESPONSE_MEMBER);
    // a signature by another key, or under SM2 rules, does not pass for RSA2
    assertThat(
            refusal(
                response(
                    "alipay_trade_precreate_response",
                    value,
                    sign(
                        AlipaySignType.RSA2,
                        AlipayTestKeys.OTHER_RSA,
                        value,
                        StandardCharsets.UTF_8))))
        .isEqualTo(Reason.SIGNATURE_MISMATCH);
    assertThat(
            refusal(
                response(
                    "alipay_trade_precreate_response",
                    value,
                    sign(AlipaySignType.RSA, AlipayTestKeys.RSA, value, StandardCharsets.UTF_8))))
        .isEqualTo(Reason.SIGNATURE_MISMATCH);
  }

  @Test
  void onlyAnEscapedSlashMayBeUnescapedAsTheSdkDoes() {
    String sent = "{\"qr_code\":\"https:\\/\\/qr.alipay.com\\/bax\"}";
    String signedByAlipay = sent.replace("\\/", "/");
    assertThat(
            VERIFIER
                .verify(
                    response("alipay_trade_precreate_response", sent, sign(signedByAlipay)), METHOD)
                .body()
                .get("qr_code")
                .asText())
        .isEqualTo("https://qr.alipay.com/bax");
    String other = "{\"qr_code\":\"https:\\u002f\\u002fqr.alipay.com\\u002fbax\"}";
    assertThat(refusal(response("alipay_trade_precreate_response", other, sign(signedByAlipay))))
        .isEqualTo(Reason.SIGNATURE_MISMATCH);
  }

  @Test
  void signsAndVerifiesInTheClientsCharset() {
    Charset gbk = Charset.forName("GBK");
    AlipayResponseVerifier sm2 =
        new AlipayResponseVerifier(AlipaySignType.SM2, AlipayTestKeys.SM2.getPublic(), gbk);
    String value = "{\"sub_msg\":\"交易不存在\"}";
    String raw =
        response(
            "alipay_trade_query_response",
            value,
            sign(AlipaySignType.SM2, AlipayTestKeys.SM2, value, gbk));
    assertThat(sm2.verify(raw, "alipay.trade.query").body().get("sub_msg").asText())
        .isEqualTo("交易不存在");
    String utf8 =
        response(
            "alipay_trade_query_response",
            value,
            sign(AlipaySignType.SM2, AlipayTestKeys.SM2, value, StandardCharsets.UTF_8));
    assertThat(
            catchThrowableOfType(
                    AlipaySignatureException.class, () -> sm2.verify(utf8, "alipay.trade.query"))
                .reason())
        .isEqualTo(Reason.SIGNATURE_MISMATCH);
  }

  @Test
  void anEncryptedResponseIsAStringMemberSignedWithItsQuotes() {
    String value = "\"bXkgY2lwaGVydGV4dA==\"";
    AlipayVerifiedResponse r =
        VERIFIER.verify(response("alipay_trade_precreate_response", value, sign(value)), METHOD);
    assertThat(r.body().isTextual()).isTrue();
    assertThat(r.body().asText()).isEqualTo("bXkgY2lwaGVydGV4dA==");
  }
}
