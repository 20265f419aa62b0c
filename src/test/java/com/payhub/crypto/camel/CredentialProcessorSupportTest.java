package com.payhub.crypto.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.payhub.channel.alipay.AlipaySignContent;
import com.payhub.channel.wechatpay.WechatPayVerifyProcessor;
import com.payhub.crypto.Credential;
import com.payhub.crypto.KeyEntry;
import com.payhub.crypto.KeyNotFoundException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

/** The plumbing every channel processor shares: properties, start-up checks, key ring reloads. */
class CredentialProcessorSupportTest {

  static final KeyPair FIRST = rsa();
  static final KeyPair SECOND = rsa();
  static final Map<String, Object> REQUEST = Map.of("app_id", "2021000000000001", "x", "1");

  @Test
  void aBodyDecodedToTextIsVerifiedOverItsOwnCharsetNeverTheJvmDefault() throws Exception {
    String notification = "{\"summary\":\"支付成功\"}";
    Exchange utf8 = new DefaultExchange(new DefaultCamelContext());
    utf8.getMessage().setBody(notification);
    assertThat(CredentialProcessorSupport.bodyBytes(utf8))
        .as("UTF-8 when the exchange names no charset, whatever file.encoding says")
        .isEqualTo(notification.getBytes(StandardCharsets.UTF_8));
    assertThat(utf8.getMessage().getBody()).isInstanceOf(byte[].class);

    Exchange gbk = new DefaultExchange(new DefaultCamelContext());
    gbk.setProperty(Exchange.CHARSET_NAME, "GBK");
    gbk.getMessage().setBody(notification);
    assertThat(CredentialProcessorSupport.bodyBytes(gbk))
        .isEqualTo(notification.getBytes(java.nio.charset.Charset.forName("GBK")));
  }

  @Test
  void aReloadedCredentialIsUsedFromTheNextMessageOn() throws Exception {
    try (YamlRouteHarness routes =
        YamlRouteHarness.start("key-ring.camel.yaml", Map.of("rotating", signing(FIRST)))) {
      Map<String, String> before = sign(routes);
      routes.reload(signing(SECOND));
      Map<String, String> after = sign(routes);

      assertThat(verifies(before, FIRST.getPublic())).isTrue();
      assertThat(verifies(after, SECOND.getPublic())).isTrue();
      assertThat(verifies(after, FIRST.getPublic())).isFalse();
    }
  }

  @Test
  void anUnknownCredentialStopsTheRoutesNamingIt() throws Exception {
    Throwable failure = YamlRouteHarness.startFailure("key-ring.camel.yaml", Map.of());

    assertThat(YamlRouteHarness.rootCause(failure))
        .isInstanceOf(KeyNotFoundException.class)
        .hasMessageContaining("'rotating'");
  }

  @Test
  void aCredentialWithoutTheKeyTheOperationNeedsStopsTheRoutes() throws Exception {
    Credential publicOnly =
        new Credential(
            "rotating", List.of(new KeyEntry("pub", null, FIRST.getPublic(), List.of(), null)));

    Throwable failure =
        YamlRouteHarness.startFailure("key-ring.camel.yaml", Map.of("rotating", publicOnly));

    assertThat(YamlRouteHarness.rootCause(failure))
        .isInstanceOf(ProcessorPropertyException.class)
        .hasMessage("AlipaySignProcessor needs a private key in credential 'rotating'");
  }

  @Test
  void aBeanWithoutKeyRingStopsTheRoutesWithASentenceNamingIt() throws Exception {
    Throwable failure = YamlRouteHarness.startFailure("no-key-ring.camel.yaml", Map.of());

    assertThat(YamlRouteHarness.rootCause(failure))
        .isInstanceOf(ProcessorPropertyException.class)
        .hasMessage(
            "WechatPayVerifyProcessor needs the bean property 'keyRing': \"#bean:payhubKeyRing\"");
  }

  @Test
  void withoutStartTheFirstMessageRunsTheSameChecks() {
    // e.g. a processor called through the bean EIP, which does not start it
    WechatPayVerifyProcessor processor = new WechatPayVerifyProcessor();
    processor.setKeyRing(id -> signing(FIRST));
    Exchange exchange = new DefaultExchange(new DefaultCamelContext());

    assertThatThrownBy(() -> processor.process(exchange))
        .isInstanceOf(ProcessorPropertyException.class)
        .hasMessageStartingWith("WechatPayVerifyProcessor needs the bean property 'credential'");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> sign(YamlRouteHarness routes) {
    Exchange out = routes.send("rotating-sign", REQUEST, Map.of());
    assertThat(out.getException()).isNull();
    return out.getMessage().getBody(Map.class);
  }

  private static boolean verifies(Map<String, String> signed, PublicKey key) throws Exception {
    Signature rsa = Signature.getInstance("SHA256withRSA");
    rsa.initVerify(key);
    rsa.update(AlipaySignContent.forRequest(signed).getBytes(StandardCharsets.UTF_8));
    return rsa.verify(Base64.getDecoder().decode(signed.get("sign")));
  }

  private static Credential signing(KeyPair keys) {
    return new Credential(
        "rotating",
        List.of(new KeyEntry("app", keys.getPrivate(), keys.getPublic(), List.of(), null)));
  }

  private static KeyPair rsa() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
      g.initialize(2048);
      return g.generateKeyPair();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
