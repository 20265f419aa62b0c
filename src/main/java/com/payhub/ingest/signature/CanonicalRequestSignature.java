package com.payhub.ingest.signature;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.payhub.crypto.Credential;
import com.payhub.crypto.JcaVerifier;
import com.payhub.crypto.RsaHash;
import com.payhub.model.Dialect;
import com.payhub.normalize.InboundMessage;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * PayHub's own scheme for canonical JSON: header {@code PayHubSignature} = base64 SHA256withRSA
 * over the exact body bytes (UTF-8), {@code PayHubKeyId} names the key (else the current one).
 */
final class CanonicalRequestSignature implements RequestSignature {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public Dialect dialect() {
    return Dialect.CANONICAL;
  }

  @Override
  public Optional<String> merchantRef(InboundMessage message) {
    try {
      JsonNode id = JSON.readTree(message.body()).get("merchantId");
      return id != null && id.isTextual() ? Optional.of(id.asText()) : Optional.empty();
    } catch (Exception e) {
      return Optional.empty();
    }
  }

  @Override
  public boolean isSigned(InboundMessage message) {
    return message.header("PayHubSignature") != null;
  }

  @Override
  public Optional<Refusal> verify(InboundMessage message, Credential credential) {
    byte[] signature;
    try {
      signature = Base64.getDecoder().decode(message.header("PayHubSignature").trim());
    } catch (IllegalArgumentException e) {
      return Refusal.of("MALFORMED_SIGNATURE", "PayHubSignature is not base64");
    }
    var key = CredentialKeys.publicKey(credential, message.header("PayHubKeyId"));
    if (key.isEmpty()) {
      return Refusal.of("UNKNOWN_KEY", "PayHubKeyId names no key of this merchant");
    }
    boolean ok =
        JcaVerifier.rsa(RsaHash.SHA256, key.get())
            .verify(message.body().getBytes(StandardCharsets.UTF_8), signature);
    return ok
        ? Optional.empty()
        : Refusal.of("SIGNATURE_MISMATCH", "PayHubSignature does not verify over the body");
  }
}
