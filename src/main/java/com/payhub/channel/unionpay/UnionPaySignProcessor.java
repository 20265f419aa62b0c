package com.payhub.channel.unionpay;

import com.payhub.crypto.Credential;
import com.payhub.crypto.KeyEntry;
import com.payhub.crypto.camel.CredentialProcessorSupport;
import com.payhub.crypto.camel.FormBody;
import java.nio.charset.StandardCharsets;
import org.apache.camel.Exchange;

/**
 * Signs an acp 5.1.0 request in a route. Body in: the fields, as a {@link java.util.Map} or a
 * URL-encoded form. Body out: the signed, sorted map with {@code signMethod}, {@code certId} (for
 * certificate methods) and {@code signature}. {@code signMethod}: {@code "01"} RSA (default) or
 * {@code "21"} SM2 sign with the first entry of {@code credential} that has a private key and its
 * certificate; {@code "11"} SHA-256 or {@code "12"} SM3 with its first secret entry, the acp secure
 * key.
 */
public class UnionPaySignProcessor extends CredentialProcessorSupport<UnionPaySigner> {

  private String signMethod = UnionPaySignMethod.RSA.code();

  public void setSignMethod(String signMethod) {
    this.signMethod = signMethod;
  }

  public String getSignMethod() {
    return signMethod;
  }

  @Override
  protected UnionPaySigner prepare(Credential credential) {
    require(signMethod, "signMethod", "\"01\", \"11\", \"12\" or \"21\"");
    UnionPaySignMethod method =
        UnionPaySignMethod.fromCode(signMethod)
            .orElseThrow(
                () ->
                    misconfigured(
                        "has signMethod '"
                            + signMethod
                            + "'; set the bean property to \"01\", \"11\", \"12\" or \"21\""));
    if (!method.usesCertificate()) {
      byte[] secureKey = key(credential, k -> k.secret() != null, "the secure key").secret();
      return UnionPaySigner.secureKey(method, new String(secureKey, StandardCharsets.UTF_8));
    }
    KeyEntry key =
        key(
            credential,
            k -> k.privateKey() != null && k.certificate() != null,
            "a private key with its certificate");
    try {
      return method == UnionPaySignMethod.RSA
          ? UnionPaySigner.rsa(key.privateKey(), key.certificate())
          : UnionPaySigner.sm2(key.privateKey(), key.certificate());
    } catch (IllegalArgumentException e) {
      throw misconfigured("cannot sign signMethod " + method.code() + ": " + e.getMessage());
    }
  }

  @Override
  protected void process(Exchange exchange, UnionPaySigner signer) {
    exchange.getMessage().setBody(signer.sign(FormBody.fields(exchange, "encoding")));
  }
}
