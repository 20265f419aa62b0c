package com.payhub.channel.alipay;

import static com.payhub.channel.alipay.AlipayTestKeys.base64;
import static org.assertj.core.api.Assertions.assertThat;

import com.alipay.api.AlipayApiException;
import com.alipay.api.DefaultSignChecker;
import com.alipay.api.SignItem;
import com.alipay.api.internal.parser.json.ObjectJsonParser;
import com.alipay.api.internal.util.AlipaySignature;
import com.alipay.api.request.AlipayTradePrecreateRequest;
import com.alipay.api.response.AlipayTradePrecreateResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The official SDK as judge of SM2 signatures (its SM2Encryptor: SM3withSM2 via BouncyCastle, user
 * id 1234567812345678, DER signature) and of which text a response's signature covers (its
 * JsonConverter.getSignItem).
 */
class AlipaySdkSm2AndResponseOracleTest {

  static final KeyPair RSA = AlipayTestKeys.RSA;
  static final KeyPair SM2 = AlipayTestKeys.SM2;

  @Provide
  Arbitrary<Map<String, String>> requests() {
    return AlipaySdkOracleTest.requestParams();
  }

  // ---- SM2 both ways ----

  @Property(tries = 20)
  void sm2SignaturesCrossBetweenSdkAndPayhub(@ForAll("requests") Map<String, String> base)
      throws AlipayApiException {
    Map<String, String> p = new HashMap<>(base);
    p.put("sign_type", "SM2");
    String content = AlipaySignContent.forRequest(p);
    String ours = new AlipaySigner(AlipaySignType.SM2, SM2.getPrivate()).sign(p);
    assertThat(AlipaySignature.rsaCheck(content, ours, base64(SM2.getPublic()), "UTF-8", "SM2"))
        .isTrue();
    Map<String, String> signedBySdkRules = new HashMap<>(p);
    signedBySdkRules.put("sign", ours);
    assertThat(AlipaySignature.verifyV2(signedBySdkRules, base64(SM2.getPublic()), "UTF-8", "SM2"))
        .isTrue();

    String sdk = AlipaySignature.sign(p, base64(SM2.getPrivate()), "UTF-8", "SM2");
    assertThat(
            AlipaySignType.SM2
                .verifier(SM2.getPublic())
                .verify(content.getBytes(StandardCharsets.UTF_8), Base64.getDecoder().decode(sdk)))
        .isTrue();
  }

  // ---- responses: the same signed text as the SDK's parser ----

  @Provide
  Arbitrary<String> members() {
    Arbitrary<String> text =
        Arbitraries.strings()
            .withChars("ab{}[]\"\\/:, \n中#")
            .ofMaxLength(12)
            .map(s -> s.replace("#", "😀"));
    return Arbitraries.maps(
            Arbitraries.strings().withChars("kxy_").ofMinLength(1).ofMaxLength(4), text)
        .ofMaxSize(6)
        .flatMap(
            m ->
                Arbitraries.of(true, false)
                    .map(
                        pretty -> {
                          try {
                            Map<String, Object> body = new HashMap<>(m);
                            body.put("nested", Map.of("inner", m, "list", m.values()));
                            ObjectMapper om = new ObjectMapper();
                            return pretty
                                ? om.writerWithDefaultPrettyPrinter().writeValueAsString(body)
                                : om.writeValueAsString(body);
                          } catch (Exception e) {
                            throw new IllegalStateException(e);
                          }
                        }));
  }

  @Property(tries = 200)
  void responseSignedTextIsTheSdksAndTheSdkAcceptsIt(@ForAll("members") String member)
      throws AlipayApiException {
    String sign =
        Base64.getEncoder()
            .encodeToString(
                AlipaySignType.RSA2
                    .signer(RSA.getPrivate())
                    .sign(member.getBytes(StandardCharsets.UTF_8)));
    String raw = "{\"alipay_trade_precreate_response\":" + member + ",\"sign\":\"" + sign + "\"}";
    SignItem item =
        new ObjectJsonParser<>(AlipayTradePrecreateResponse.class)
            .getSignItem(new AlipayTradePrecreateRequest(), raw);
    assertThat(item.getSignSourceDate()).isEqualTo(member);
    assertThat(AlipayRawJson.members(raw).get("alipay_trade_precreate_response").of(raw))
        .isEqualTo(member);
    assertThat(
            new DefaultSignChecker(base64(RSA.getPublic()))
                .check(item.getSignSourceDate(), item.getSign(), "RSA2", "UTF-8"))
        .isTrue();
    assertThat(
            new AlipayResponseVerifier(AlipaySignType.RSA2, RSA.getPublic(), StandardCharsets.UTF_8)
                .verify(raw, "alipay.trade.precreate")
                .member())
        .isEqualTo("alipay_trade_precreate_response");
  }
}
