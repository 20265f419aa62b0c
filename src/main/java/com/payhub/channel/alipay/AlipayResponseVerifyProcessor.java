package com.payhub.channel.alipay;

import com.payhub.crypto.Credential;
import java.nio.charset.Charset;
import org.apache.camel.Exchange;

/**
 * Verifies a synchronous gateway response in a route. Body in: the response text as received (bytes
 * are decoded in {@code charset}, UTF-8 by default); the method comes from header {@value
 * #METHOD_HEADER}, else from the bean property {@code method}. Body out: the verified member's JSON
 * text exactly as signed ({@code <method>_response} or {@code error_response}); headers {@value
 * #VERIFIED_HEADER} = true and {@value #ERROR_HEADER} = whether Alipay answered with {@code
 * error_response} (signed, yet a failure). A refusal is an {@link AlipaySignatureException}.
 */
public class AlipayResponseVerifyProcessor
    extends AlipayProcessorSupport<AlipayResponseVerifyProcessor.Prepared> {

  public static final String METHOD_HEADER = "PayHubAlipayMethod";
  public static final String ERROR_HEADER = "PayHubAlipayErrorResponse";

  private String charset = "UTF-8";
  private String method;

  /** The verifier and the charset response bytes are decoded in. */
  protected record Prepared(AlipayResponseVerifier verifier, Charset charset) {}

  public void setCharset(String charset) {
    this.charset = charset;
  }

  public String getCharset() {
    return charset;
  }

  /** The default method, e.g. {@code alipay.trade.precreate}, when the header is absent. */
  public void setMethod(String method) {
    this.method = method;
  }

  public String getMethod() {
    return method;
  }

  @Override
  protected Prepared prepare(Credential credential) {
    AlipaySignType type = signType();
    require(charset, "charset", "the charset the requests name, e.g. UTF-8");
    Charset decoding =
        AlipayCharsets.resolve(charset.trim())
            .orElseThrow(() -> misconfigured("has an unknown charset '" + charset + "'"));
    return new Prepared(
        new AlipayResponseVerifier(
            type,
            key(credential, k -> k.publicKey() != null, "Alipay's public key").publicKey(),
            decoding),
        decoding);
  }

  @Override
  protected void process(Exchange exchange, Prepared prepared) throws Exception {
    String name = exchange.getMessage().getHeader(METHOD_HEADER, method, String.class);
    if (name == null || name.isBlank()) {
      throw misconfigured("needs the header " + METHOD_HEADER + " or the bean property 'method'");
    }
    Object body = exchange.getMessage().getBody();
    String raw =
        body == null || body instanceof String
            ? (String) body
            : new String(exchange.getMessage().getMandatoryBody(byte[].class), prepared.charset());
    AlipayVerifiedResponse verified = prepared.verifier().verify(raw, name);
    exchange.getMessage().setBody(AlipayRawJson.members(raw).get(verified.member()).of(raw));
    exchange.getMessage().setHeader(VERIFIED_HEADER, true);
    exchange.getMessage().setHeader(ERROR_HEADER, verified.errorResponse());
  }
}
