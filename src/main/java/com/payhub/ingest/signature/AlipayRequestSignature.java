package com.payhub.ingest.signature;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.payhub.channel.alipay.AlipayRequestVerifier;
import com.payhub.channel.alipay.AlipaySignatureException;
import com.payhub.crypto.Credential;
import com.payhub.model.Dialect;
import com.payhub.normalize.FormBody;
import com.payhub.normalize.InboundMessage;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Alipay-style requests carry {@code sign} and {@code sign_type} among their parameters. */
final class AlipayRequestSignature implements RequestSignature {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public Dialect dialect() {
    return Dialect.ALIPAY;
  }

  @Override
  public Optional<String> merchantRef(InboundMessage message) {
    return params(message).map(p -> p.get("app_id"));
  }

  @Override
  public boolean isSigned(InboundMessage message) {
    return params(message).map(p -> p.get("sign")).filter(s -> !s.isBlank()).isPresent();
  }

  @Override
  public Optional<Refusal> verify(InboundMessage message, Credential credential) {
    Map<String, String> params = params(message).orElse(Map.of());
    if (params.containsKey(NOT_SIGNABLE)) {
      return Refusal.of(
          "MALFORMED_REQUEST", "a signed JSON request must carry biz_content as a string");
    }
    try {
      new AlipayRequestVerifier(id -> CredentialKeys.publicKey(credential, id)).verify(params);
      return Optional.empty();
    } catch (AlipaySignatureException e) {
      return Refusal.of(e.reason(), "sign does not verify (" + e.reason() + ")");
    }
  }

  private static final String NOT_SIGNABLE = "\u0000object-biz_content";

  /** The parameters as strings, from a form or a JSON object; empty when unreadable. */
  private static Optional<Map<String, String>> params(InboundMessage message) {
    try {
      if (message.isJson()) {
        JsonNode root = JSON.readTree(message.body());
        Map<String, String> p = new LinkedHashMap<>();
        root.fields()
            .forEachRemaining(
                e -> {
                  if (e.getValue().isValueNode()) {
                    p.put(e.getKey(), e.getValue().asText());
                  } else {
                    p.put(NOT_SIGNABLE, "");
                  }
                });
        return Optional.of(p);
      }
      return Optional.of(FormBody.parse(Dialect.ALIPAY, message.body()));
    } catch (Exception e) {
      return Optional.empty();
    }
  }
}
