package com.payhub.channel.alipay;

import com.payhub.channel.alipay.AlipaySignatureException.Reason;
import com.payhub.crypto.Credential;
import com.payhub.crypto.camel.FormBody;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;

/**
 * Verifies an async notification in a route. Body in: the notification's form fields (a {@link Map}
 * decoded once, or the raw form text). {@code credential} holds Alipay's public key (not the
 * app's); only notifications whose {@code sign_type} is {@code signType} are accepted. On success
 * the body is the verified fields without {@code sign} and header {@value #VERIFIED_HEADER} is
 * true; otherwise an {@link AlipaySignatureException} says why, for the route's {@code onException}
 * to reject.
 */
public class AlipayNotifyVerifyProcessor
    extends AlipayProcessorSupport<AlipayNotificationVerifier> {

  @Override
  protected AlipayNotificationVerifier prepare(Credential credential) {
    AlipaySignType type = signType();
    return new AlipayNotificationVerifier(
        Map.of(
            type, key(credential, k -> k.publicKey() != null, "Alipay's public key").publicKey()));
  }

  @Override
  protected void process(Exchange exchange, AlipayNotificationVerifier verifier) {
    List<Map.Entry<String, String>> pairs;
    try {
      pairs = FormBody.pairs(exchange, "charset");
    } catch (IllegalArgumentException e) {
      throw new AlipaySignatureException(
          Reason.SIGNATURE_MISMATCH, "the body is not a form a signature can be checked over", e);
    }
    AlipayNotification notification = verifier.verify(AlipayFormFields.of(pairs));
    exchange.getMessage().setBody(notification.fields());
    exchange.getMessage().setHeader(VERIFIED_HEADER, true);
  }
}
