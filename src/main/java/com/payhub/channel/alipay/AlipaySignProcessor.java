package com.payhub.channel.alipay;

import com.payhub.crypto.Credential;
import com.payhub.crypto.camel.FormBody;
import java.util.Map;
import org.apache.camel.Exchange;

/**
 * Signs a gateway request in a route. Body in: the request parameters, as a {@link Map} or a
 * URL-encoded form. Body out: the signed parameters (sorted, with {@code sign_type} and {@code
 * sign}); header {@value #QUERY_HEADER}: the same as the URL-encoded query for the gateway. The key
 * is the first private key of {@code credential} (the app's); {@code signType} picks the algorithm.
 */
public class AlipaySignProcessor extends AlipayProcessorSupport<AlipaySigner> {

  public static final String QUERY_HEADER = "PayHubAlipayQuery";

  @Override
  protected AlipaySigner prepare(Credential credential) {
    AlipaySignType type = signType();
    return new AlipaySigner(
        type, key(credential, k -> k.privateKey() != null, "a private key").privateKey());
  }

  @Override
  protected void process(Exchange exchange, AlipaySigner signer) {
    Map<String, String> params = AlipayFormFields.of(FormBody.pairs(exchange, "charset"));
    Map<String, String> signed = signer.signedParams(params);
    exchange.getMessage().setBody(signed);
    exchange.getMessage().setHeader(QUERY_HEADER, AlipayQuery.encode(signed));
  }
}
