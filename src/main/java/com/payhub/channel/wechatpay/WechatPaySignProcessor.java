package com.payhub.channel.wechatpay;

import com.payhub.crypto.Credential;
import com.payhub.crypto.KeyEntry;
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
 * holds only the host). The body is signed as bytes and left as those bytes; a GET signs none. A
 * hub that serves several merchants sets {@code mchIdFromHeader: true} and names each request's
 * {@code mchid} (the body's) in header {@value #MCH_ID_HEADER}; {@code mchId} is then optional.
 */
public class WechatPaySignProcessor
    extends CredentialProcessorSupport<WechatPaySignProcessor.Prepared> {

  /** The path and query exactly as sent, e.g. {@code /v3/pay/transactions/native}. */
  public static final String URL_HEADER = "PayHubWechatPayUrl";

  /** The merchant id of this request, when it is not the bean's {@code mchId}. */
  public static final String MCH_ID_HEADER = "PayHubWechatPayMchId";

  /** The signer for the configured merchant id, and the key to sign for another one. */
  protected record Prepared(WechatPayAuthorization authorization, KeyEntry key) {}

  private String mchId;
  private boolean mchIdFromHeader;

  public void setMchId(String mchId) {
    this.mchId = mchId;
  }

  /** True: every message names its merchant in {@value #MCH_ID_HEADER}. */
  public void setMchIdFromHeader(boolean mchIdFromHeader) {
    this.mchIdFromHeader = mchIdFromHeader;
  }

  public boolean isMchIdFromHeader() {
    return mchIdFromHeader;
  }

  public String getMchId() {
    return mchId;
  }

  @Override
  protected Prepared prepare(Credential credential) {
    if (!mchIdFromHeader) {
      require(mchId, "mchId", "the WeChat Pay merchant id (mchid)");
    }
    KeyEntry key = key(credential, k -> k.privateKey() != null, "the merchant private key");
    boolean fixed = mchId != null && !mchId.isBlank();
    return new Prepared(
        fixed ? WechatPayAuthorization.of(mchId.trim(), key, Clock.systemUTC()) : null, key);
  }

  @Override
  protected void process(Exchange exchange, Prepared prepared) throws Exception {
    Message in = exchange.getMessage();
    WechatPayAuthorization authorization = authorization(in, prepared);
    String method = in.getHeader(Exchange.HTTP_METHOD, String.class);
    if (method == null || method.isBlank()) {
      method = in.getBody() == null ? "GET" : "POST"; // what the http component would send
    }
    byte[] body = "GET".equalsIgnoreCase(method) ? new byte[0] : bodyBytes(exchange);
    in.setHeader(
        WechatPayHeaders.AUTHORIZATION, authorization.header(method, canonicalUrl(in), body));
  }

  private WechatPayAuthorization authorization(Message in, Prepared prepared) {
    String requested = mchIdFromHeader ? in.getHeader(MCH_ID_HEADER, String.class) : null;
    if (requested == null || requested.isBlank()) {
      if (prepared.authorization() == null) {
        throw misconfigured("needs the header " + MCH_ID_HEADER + " (mchIdFromHeader is true)");
      }
      return prepared.authorization();
    }
    return prepared.authorization() != null
            && requested.trim().equals(prepared.authorization().mchId())
        ? prepared.authorization()
        : WechatPayAuthorization.of(requested.trim(), prepared.key(), Clock.systemUTC());
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
