package com.payhub.ingest.signature;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.payhub.channel.wechatpay.WechatPayAuthorizationHeader;
import com.payhub.channel.wechatpay.WechatPayRequestVerifier;
import com.payhub.channel.wechatpay.WechatPaySignatureException;
import com.payhub.crypto.Credential;
import com.payhub.crypto.ReplayGuard;
import com.payhub.model.Dialect;
import com.payhub.normalize.InboundMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;

/**
 * WeChat-style requests carry the v3 {@code Authorization} header; its {@code mchid} must be the
 * body's. Over HTTP the signed URL is the path and query called; on queues it is the {@code
 * PayHubRequestPath} header, and the method is POST.
 */
final class WechatPayRequestSignature implements RequestSignature {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final Clock clock;
  private final ReplayGuard nonces;

  WechatPayRequestSignature(Clock clock, ReplayGuard nonces) {
    this.clock = clock;
    this.nonces = nonces;
  }

  @Override
  public Dialect dialect() {
    return Dialect.WECHATPAY;
  }

  @Override
  public Optional<String> merchantRef(InboundMessage message) {
    try {
      JsonNode mchid = JSON.readTree(message.body()).get("mchid");
      if (mchid != null && mchid.isTextual()) {
        return Optional.of(mchid.asText());
      }
    } catch (Exception e) {
      // not JSON: fall back to the header, the normaliser will refuse the body
    }
    try {
      return Optional.ofNullable(authorization(message)).map(WechatPayAuthorizationHeader::mchId);
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  @Override
  public boolean isSigned(InboundMessage message) {
    return message.header("Authorization") != null;
  }

  @Override
  public Optional<Refusal> verify(InboundMessage message, Credential credential) {
    if (message.requestTarget() == null) {
      return Refusal.of(
          "UNKNOWN_REQUEST_PATH",
          "the signed request path is unknown (set PayHubRequestPath on queues)");
    }
    try {
      WechatPayAuthorizationHeader h =
          new WechatPayRequestVerifier(
                  serial -> CredentialKeys.publicKey(credential, serial), clock, nonces)
              .verify(
                  message.header("Authorization"),
                  "POST",
                  message.requestTarget(),
                  message.body().getBytes(StandardCharsets.UTF_8));
      Optional<String> bodyMchid = merchantRef(message);
      if (bodyMchid.isPresent() && !bodyMchid.get().equals(h.mchId())) {
        return Refusal.of("MCHID_MISMATCH", "the Authorization header's mchid is not the body's");
      }
      return Optional.empty();
    } catch (WechatPaySignatureException e) {
      return Refusal.of(e.reason(), "Authorization does not verify (" + e.reason() + ")");
    }
  }

  private static WechatPayAuthorizationHeader authorization(InboundMessage message) {
    String h = message.header("Authorization");
    return h == null ? null : WechatPayAuthorizationHeader.parse(h);
  }
}
