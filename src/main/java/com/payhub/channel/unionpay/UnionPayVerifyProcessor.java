package com.payhub.channel.unionpay;

import com.payhub.channel.unionpay.UnionPaySignatureException.Reason;
import com.payhub.crypto.Credential;
import com.payhub.crypto.KeyEntry;
import com.payhub.crypto.camel.CredentialProcessorSupport;
import com.payhub.crypto.camel.FormBody;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Map;
import org.apache.camel.Exchange;

/**
 * Verifies a received acp 5.1.0 message (response or backUrl notification) in a route. Body in: the
 * fields, as a {@link Map} decoded once or the raw form text; body out: the same fields as a map,
 * with headers {@value #VERIFIED_HEADER} = true and {@value #SIGN_METHOD_HEADER}. A refusal is a
 * {@link UnionPaySignatureException}.
 *
 * <p>{@code credential} is a trust credential whose keys are found by key id:
 *
 * <ul>
 *   <li>{@value #ROOT_KEY_ID}: UnionPay's root certificate ({@code acp_prod_root.cer}), required;
 *   <li>{@value #MIDDLE_KEY_ID}: UnionPay's middle certificate ({@code acp_prod_middle.cer}),
 *       required;
 *   <li>any entry with a secret: the merchant's acp secure key, for signMethod 11/12 (optional;
 *       without it those messages are refused).
 * </ul>
 *
 * {@code acceptTestCertificates: true} also accepts the test environment's signing certificate
 * owner ({@value UnionPayTrust#TEST_ENVIRONMENT_OWNER}); never set it in production.
 */
public class UnionPayVerifyProcessor extends CredentialProcessorSupport<UnionPayVerifier> {

  public static final String ROOT_KEY_ID = "root";
  public static final String MIDDLE_KEY_ID = "middle";
  public static final String SIGN_METHOD_HEADER = "PayHubUnionPaySignMethod";

  private boolean acceptTestCertificates;

  public void setAcceptTestCertificates(boolean acceptTestCertificates) {
    this.acceptTestCertificates = acceptTestCertificates;
  }

  public boolean isAcceptTestCertificates() {
    return acceptTestCertificates;
  }

  @Override
  protected UnionPayVerifier prepare(Credential credential) {
    X509Certificate root = certificate(credential, ROOT_KEY_ID, "root");
    X509Certificate middle = certificate(credential, MIDDLE_KEY_ID, "middle");
    String secureKey =
        credential.keys().stream()
            .filter(k -> k.secret() != null)
            .findFirst()
            .map(k -> new String(k.secret(), StandardCharsets.UTF_8))
            .orElse(null);
    UnionPayTrust trust =
        acceptTestCertificates
            ? UnionPayTrust.testEnvironment(root, middle)
            : UnionPayTrust.production(root, middle);
    return new UnionPayVerifier(trust, Clock.systemUTC(), secureKey);
  }

  private X509Certificate certificate(Credential credential, String keyId, String what) {
    return credential
        .key(keyId)
        .map(KeyEntry::certificate)
        .orElseThrow(
            () ->
                misconfigured(
                    "needs a key with key-id '"
                        + keyId
                        + "' holding UnionPay's "
                        + what
                        + " certificate in credential '"
                        + credential.id()
                        + "'"));
  }

  @Override
  protected void process(Exchange exchange, UnionPayVerifier verifier) {
    Map<String, String> fields;
    try {
      fields = FormBody.fields(exchange, "encoding");
    } catch (IllegalArgumentException e) {
      throw new UnionPaySignatureException(
          Reason.SIGNATURE_INVALID, "the body is not a form a signature can be checked over", e);
    }
    UnionPaySignMethod method = verifier.verify(fields);
    exchange.getMessage().setBody(Map.copyOf(fields));
    exchange.getMessage().setHeader(VERIFIED_HEADER, true);
    exchange.getMessage().setHeader(SIGN_METHOD_HEADER, method.code());
  }
}
