package com.payhub.channel.wechatpay;

import com.payhub.crypto.Credential;
import com.payhub.crypto.camel.CredentialProcessorSupport;
import java.net.URI;
import java.time.Clock;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Signs a request to WeChat Pay API v3 in a route, setting header {@value
 * WechatPayHeaders#AUTHORIZATION}. The key is the first private key of {@code credential} (the
 * merchant's; its certificate, else its key id, gives {@code serial_no}); {@code mchId} is the
 * merchant id. Method: {@code CamelHttpMethod}, else POST with a body and GET without. URL (path
 * and query, as sent): header {@value #URL_HEADER}, else {@code CamelHttpUri}, else {@code
 * CamelHttpPath} plus {@code CamelHttpQuery} (which then must be the whole path: the endpoint URI
 * holds only the host). The body is signed as bytes and left as those bytes; a GET signs none.
 */
public class WechatPaySignProcessor extends CredentialProcessorSupport<WechatPayAuthorization> {

  /** The path and query exactly as sent, e.g. {@code /v3/pay/transactions/native}. */
  public static final String URL_HEADER = "PayHubWechatPayUrl";

  private String mchId;

  public void setMchId(String mchId) {
    this.mchId = mchId;
  }

  public String getMchId() {
    return mchId;
  }

  @Override
  protected WechatPayAuthorization prepare(Credential credential) {
    require(mchId, "mchId", "the WeChat Pay merchant id (mchid)");
    return WechatPayAuthorization.of(
        mchId.trim(),
        key(credential, k -> k.privateKey() != null, "the merchant private key"),
        Clock.systemUTC());
  }

  @Override
  protected void process(Exchange exchange, WechatPayAuthorization authorization) throws Exception {
    Message in = exchange.getMessage();
    String method = in.getHeader(Exchange.HTTP_METHOD, String.class);
    if (method == null || method.isBlank()) {
      method = in.getBody() == null ? "GET" : "POST"; // what the http component would send
    }
    byte[] body = "GET".equalsIgnoreCase(method) ? new byte[0] : bodyBytes(exchange);
    in.setHeader(
        WechatPayHeaders.AUTHORIZATION, authorization.header(method, canonicalUrl(in), body));
  }

  private String canonicalUrl(Message in) {
    String explicit = in.getHeader(URL_HEADER, String.class);
    if (explicit != null && !explicit.isBlank()) {
      return explicit;
    }
    String uri = in.getHeader(Exchange.HTTP_URI, String.class);
    if (uri != null && !uri.isBlank()) {
      return WechatPayMessages.canonicalUrl(URI.create(uri));
    }
    String path = in.getHeader(Exchange.HTTP_PATH, String.class);
    if (path == null || path.isBlank()) {
      throw misconfigured(
          "needs the header " + URL_HEADER + ", CamelHttpUri or CamelHttpPath to sign the URL");
    }
    String query = in.getHeader(Exchange.HTTP_QUERY, String.class);
    String absolute = path.startsWith("/") ? path : "/" + path;
    return query == null || query.isBlank() ? absolute : absolute + "?" + query;
  }
}
