package com.payhub.channel.wechatpay;

import com.payhub.crypto.Credential;
import com.payhub.crypto.camel.CredentialProcessorSupport;
import java.time.Clock;
import org.apache.camel.Exchange;

/**
 * Verifies a WeChat Pay API v3 response or notification in a route: headers {@code
 * Wechatpay-Timestamp/Nonce/Signature/Serial} against the raw body bytes (left in the body as
 * bytes), with the key of {@code credential} whose key id matches {@code Wechatpay-Serial} (a
 * platform certificate serial or a {@code PUB_KEY_ID_…}). On success headers {@value
 * #VERIFIED_HEADER} = true and {@value #SERIAL_HEADER} = the serial; otherwise a {@link
 * WechatPaySignatureException} says why.
 */
public class WechatPayVerifyProcessor
    extends CredentialProcessorSupport<WechatPaySignatureVerifier> {

  public static final String SERIAL_HEADER = "PayHubWechatPaySerial";

  @Override
  protected WechatPaySignatureVerifier prepare(Credential credential) {
    key(credential, k -> k.publicKey() != null, "a platform certificate or public key");
    return WechatPaySignatureVerifier.of(credential, Clock.systemUTC());
  }

  @Override
  protected void process(Exchange exchange, WechatPaySignatureVerifier verifier) throws Exception {
    String serial = verifier.verify(exchange.getMessage().getHeaders(), bodyBytes(exchange));
    exchange.getMessage().setHeader(VERIFIED_HEADER, true);
    exchange.getMessage().setHeader(SERIAL_HEADER, serial);
  }
}
