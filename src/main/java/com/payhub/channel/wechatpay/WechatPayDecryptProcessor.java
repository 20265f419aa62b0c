package com.payhub.channel.wechatpay;

import com.payhub.crypto.Credential;
import com.payhub.crypto.camel.CredentialProcessorSupport;
import java.time.Clock;
import org.apache.camel.Exchange;

/**
 * Reads a WeChat Pay API v3 notification in a route: verifies its signature over the raw body first
 * (as {@link WechatPayVerifyProcessor}), then decrypts the resource. {@code credential} holds the
 * platform keys (picked by {@code Wechatpay-Serial}) and the API v3 key: its first entry with a
 * secret (32 bytes). Body out: the decrypted resource JSON text; headers {@value #VERIFIED_HEADER},
 * {@value WechatPayVerifyProcessor#SERIAL_HEADER}, {@value #EVENT_TYPE_HEADER} and {@value
 * #NOTIFICATION_ID_HEADER}. Refusals: {@link WechatPaySignatureException}, {@link
 * WechatPayMalformedMessageException}, {@link com.payhub.crypto.DecryptionFailedException}.
 */
public class WechatPayDecryptProcessor
    extends CredentialProcessorSupport<WechatPayDecryptProcessor.Prepared> {

  public static final String EVENT_TYPE_HEADER = "PayHubWechatPayEventType";
  public static final String NOTIFICATION_ID_HEADER = "PayHubWechatPayNotificationId";

  /** The signature check and the resource cipher, both from one credential. */
  protected record Prepared(WechatPaySignatureVerifier verifier, WechatPayResourceCipher cipher) {}

  @Override
  protected Prepared prepare(Credential credential) {
    key(credential, k -> k.publicKey() != null, "a platform certificate or public key");
    byte[] apiV3Key =
        key(credential, k -> k.secret() != null, "the API v3 key (a secret)").secret();
    if (apiV3Key.length != 32) {
      throw misconfigured("needs a 32-byte API v3 key in credential '" + credential.id() + "'");
    }
    return new Prepared(
        WechatPaySignatureVerifier.of(credential, Clock.systemUTC()),
        new WechatPayResourceCipher(apiV3Key));
  }

  @Override
  protected void process(Exchange exchange, Prepared prepared) throws Exception {
    WechatPayNotification.Verified verified =
        WechatPayNotification.verifyAndDecrypt(
            prepared.verifier(),
            exchange.getMessage().getHeaders(),
            bodyBytes(exchange),
            prepared.cipher());
    exchange.getMessage().setBody(verified.plaintext());
    exchange.getMessage().setHeader(VERIFIED_HEADER, true);
    exchange.getMessage().setHeader(WechatPayVerifyProcessor.SERIAL_HEADER, verified.serial());
    exchange.getMessage().setHeader(EVENT_TYPE_HEADER, verified.notification().eventType());
    exchange.getMessage().setHeader(NOTIFICATION_ID_HEADER, verified.notification().id());
  }
}
