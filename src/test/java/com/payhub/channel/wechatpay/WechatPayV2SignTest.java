package com.payhub.channel.wechatpay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.payhub.channel.wechatpay.WechatPayV2Sign.SignType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WechatPayV2SignTest {

  /** WeChat's own example from the v2 signature guide ("签名算法"); values re-checked below. */
  static final Map<String, String> WECHAT_EXAMPLE =
      Map.of(
          "appid", "wxd930ea5d5a258f4f",
          "mch_id", "10000100",
          "device_info", "1000",
          "body", "test",
          "nonce_str", "ibuaiVcKdpRxkhJA");

  static final String WECHAT_KEY = "192006250b4c09247ec02edce69f6a2d";

  @Test
  void wechatsDocumentedExample() {
    // expected values as printed in WeChat's guide, and reproduced with OpenSSL 3.0:
    // printf '%s' 'appid=…&nonce_str=ibuaiVcKdpRxkhJA&key=192006250b4c09247ec02edce69f6a2d' \
    //   | openssl dgst -md5        (resp. -sha256 -hmac 192006250b4c09247ec02edce69f6a2d)
    assertThat(WechatPayV2Sign.signContent(WECHAT_EXAMPLE))
        .isEqualTo(
            "appid=wxd930ea5d5a258f4f&body=test&device_info=1000&mch_id=10000100&nonce_str=ibuaiVcKdpRxkhJA");
    WechatPayV2Sign v2 = new WechatPayV2Sign(WECHAT_KEY);
    assertThat(v2.sign(WECHAT_EXAMPLE, SignType.MD5)).isEqualTo("9A0A8659F005D6984697E2CA0A9CF3B7");
    assertThat(v2.sign(WECHAT_EXAMPLE, SignType.HMAC_SHA256))
        .isEqualTo("6A9AE1657590FD6257D693A078E1C3E4BB6BA4DC30B23E0EE2496E54170DACD6");
  }

  @Test
  void trimsSkipsEmptyAndSignButSignsSignType() {
    Map<String, String> params = new HashMap<>();
    params.put("total_fee", "1");
    params.put("body", " 腾讯充值中心-QQ会员充值 ");
    params.put("detail", "  ");
    params.put("attach", "");
    params.put("goods_tag", null);
    params.put("sign", "XYZ");
    params.put("sign_type", "HMAC-SHA256");
    params.put("appid", "wx123");
    Map<String, String> copy = new HashMap<>(params);
    assertThat(WechatPayV2Sign.signContent(params))
        .isEqualTo("appid=wx123&body=腾讯充值中心-QQ会员充值&sign_type=HMAC-SHA256&total_fee=1");
    // printf '%s' 'appid=wx123&body=腾讯充值中心-QQ会员充值&sign_type=HMAC-SHA256&total_fee=1&key=KEY'
    //   | openssl dgst -md5 / -sha256 -hmac KEY   (KEY below, UTF-8 terminal)
    WechatPayV2Sign v2 = new WechatPayV2Sign("PayHubV2ApiKey0123456789abcdefAB");
    assertThat(v2.sign(params, SignType.MD5)).isEqualTo("1DD2FBC2FFF98FCE686C6F9743A6429D");
    assertThat(v2.sign(params, SignType.HMAC_SHA256))
        .isEqualTo("1654DABB9D2DBD35EEEBE558719F779A2D25E36C049553B5E42278BE8D4AE3AA");
    assertThat(params).isEqualTo(copy);
  }

  @Test
  void verifyAcceptsOnlyTheExactSignOfTheConfiguredType() {
    WechatPayV2Sign v2 = new WechatPayV2Sign(WECHAT_KEY);
    Map<String, String> msg = new HashMap<>(WECHAT_EXAMPLE);
    msg.put("sign", "6A9AE1657590FD6257D693A078E1C3E4BB6BA4DC30B23E0EE2496E54170DACD6");
    assertThat(v2.verify(msg, SignType.HMAC_SHA256)).isTrue();
    assertThat(v2.verify(msg, SignType.MD5)).isFalse();
    msg.put("sign", msg.get("sign").toLowerCase());
    assertThat(v2.verify(msg, SignType.HMAC_SHA256)).isFalse();
    msg.put("sign", "");
    assertThat(v2.verify(msg, SignType.HMAC_SHA256)).isFalse();
    msg.remove("sign");
    assertThat(v2.verify(msg, SignType.HMAC_SHA256)).isFalse();
  }

  @Test
  void anyTamperedValueFailsVerification() {
    WechatPayV2Sign v2 = new WechatPayV2Sign(WECHAT_KEY);
    Map<String, String> msg = new LinkedHashMap<>(WECHAT_EXAMPLE);
    msg.put("sign", v2.sign(msg, SignType.MD5));
    for (String key : WECHAT_EXAMPLE.keySet()) {
      Map<String, String> tampered = new HashMap<>(msg);
      tampered.put(key, msg.get(key) + "1");
      assertThat(v2.verify(tampered, SignType.MD5)).as(key).isFalse();
    }
    assertThat(new WechatPayV2Sign("another-key").verify(msg, SignType.MD5)).isFalse();
    assertThat(v2.toString()).doesNotContain(WECHAT_KEY);
  }

  @Test
  void ackIsTheExactBytesWechatExpects() {
    assertThat(WechatPayV2Xml.ACK_SUCCESS)
        .isEqualTo(
            "<xml><return_code><![CDATA[SUCCESS]]></return_code><return_msg><![CDATA[OK]]></return_msg></xml>");
    assertThat(WechatPayV2Xml.parse(WechatPayV2Xml.ACK_SUCCESS))
        .containsExactly(Map.entry("return_code", "SUCCESS"), Map.entry("return_msg", "OK"));
  }

  @Test
  void parsesAV2NotificationAndItsSignVerifies() {
    WechatPayV2Sign v2 = new WechatPayV2Sign(WECHAT_KEY);
    String xml =
        "<xml><appid><![CDATA[wxd930ea5d5a258f4f]]></appid><mch_id>10000100</mch_id>"
            + "<device_info>1000</device_info><body><![CDATA[test]]></body>"
            + "<nonce_str>ibuaiVcKdpRxkhJA</nonce_str>"
            + "<sign>9A0A8659F005D6984697E2CA0A9CF3B7</sign></xml>";
    Map<String, String> fields = WechatPayV2Xml.parse(xml);
    assertThat(fields).hasSize(6).containsEntry("appid", "wxd930ea5d5a258f4f");
    assertThat(v2.verify(fields, SignType.MD5)).isTrue();
  }

  @Test
  void xxePayloadIsRefused(@TempDir Path dir) throws Exception {
    Path secret = dir.resolve("secret.txt");
    Files.writeString(secret, "TOP-SECRET");
    String xxe =
        "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY xxe SYSTEM \""
            + secret.toUri()
            + "\">]><xml><return_code>&xxe;</return_code></xml>";
    assertThatThrownBy(() -> WechatPayV2Xml.parse(xxe))
        .isInstanceOf(WechatPayMalformedMessageException.class)
        .hasMessageNotContaining("TOP-SECRET");
  }

  @Test
  void entityExpansionAndBrokenXmlAreRefused() {
    String lol =
        "<!DOCTYPE xml [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>"
            + "<xml><x>&b;</x></xml>";
    assertThatThrownBy(() -> WechatPayV2Xml.parse(lol))
        .isInstanceOf(WechatPayMalformedMessageException.class);
    assertThatThrownBy(() -> WechatPayV2Xml.parse("<xml><a>1</xml>"))
        .isInstanceOf(WechatPayMalformedMessageException.class);
    assertThatThrownBy(() -> WechatPayV2Xml.parse((String) null))
        .isInstanceOf(WechatPayMalformedMessageException.class);
  }
}
