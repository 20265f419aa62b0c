package com.payhub.ingest.signature;

import com.payhub.channel.unionpay.UnionPayRequestVerifier;
import com.payhub.channel.unionpay.UnionPaySignatureException;
import com.payhub.crypto.Credential;
import com.payhub.model.Dialect;
import com.payhub.normalize.FormBody;
import com.payhub.normalize.InboundMessage;
import java.util.Map;
import java.util.Optional;

/** UnionPay-style requests carry {@code signature}, {@code signMethod} and {@code certId}. */
final class UnionPayRequestSignature implements RequestSignature {

  @Override
  public Dialect dialect() {
    return Dialect.UNIONPAY;
  }

  @Override
  public Optional<String> merchantRef(InboundMessage message) {
    return fields(message).map(f -> f.get("merId"));
  }

  @Override
  public boolean isSigned(InboundMessage message) {
    return fields(message).map(f -> f.get("signature")).filter(s -> !s.isBlank()).isPresent();
  }

  @Override
  public Optional<Refusal> verify(InboundMessage message, Credential credential) {
    try {
      new UnionPayRequestVerifier(
              certId -> CredentialKeys.publicKey(credential, certId),
              CredentialKeys.secret(credential).orElse(null))
          .verify(fields(message).orElse(Map.of()));
      return Optional.empty();
    } catch (UnionPaySignatureException e) {
      return Refusal.of(e.reason(), "signature does not verify (" + e.reason() + ")");
    }
  }

  private static Optional<Map<String, String>> fields(InboundMessage message) {
    try {
      return Optional.of(FormBody.parse(Dialect.UNIONPAY, message.body()));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }
}
