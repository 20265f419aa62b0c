package com.payhub.ingest.signature;

import com.payhub.config.MerchantRegistry;
import com.payhub.config.PayHubProperties.Merchant;
import com.payhub.crypto.Credential;
import com.payhub.crypto.KeyNotFoundException;
import com.payhub.crypto.KeyRing;
import com.payhub.crypto.ReplayGuard;
import com.payhub.ingest.InboundSignatureCheck;
import com.payhub.model.Dialect;
import com.payhub.model.RejectReason;
import com.payhub.model.RejectedInputException;
import com.payhub.normalize.InboundMessage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Step 1 of ingest: the sender's signature, checked with the registered merchant's keys before
 * anything else reads the message. A signature that is present must verify; a merchant whose policy
 * requires one is refused without it. Refusals are SIGNATURE_INVALID (HTTP 401, or
 * payments.rejected) and counted in {@code payhub.signature.rejected}.
 */
@Component
public class MerchantSignatureCheck implements InboundSignatureCheck {

  private final MerchantRegistry merchants;
  private final KeyRing keys;
  private final MeterRegistry meters;
  private final Map<Dialect, RequestSignature> schemes = new EnumMap<>(Dialect.class);

  public MerchantSignatureCheck(
      MerchantRegistry merchants, KeyRing keys, Clock clock, MeterRegistry meters) {
    this.merchants = merchants;
    this.keys = keys;
    this.meters = meters;
    ReplayGuard nonces = new ReplayGuard(Duration.ofMinutes(10), clock);
    List.of(
            new CanonicalRequestSignature(),
            new AlipayRequestSignature(),
            new WechatPayRequestSignature(clock, nonces),
            new UnionPayRequestSignature())
        .forEach(s -> schemes.put(s.dialect(), s));
  }

  @Override
  public void verify(InboundMessage message) {
    RequestSignature scheme = schemes.get(message.dialect());
    Optional<Merchant> merchant =
        scheme.merchantRef(message).flatMap(ref -> merchants.resolve(message.dialect(), ref));
    if (merchant.isEmpty()) {
      return; // nobody's key to check against: validation refuses the unknown merchant
    }
    boolean signed = scheme.isSigned(message);
    if (!signed) {
      if (merchant.get().signature().required()) {
        refuse(
            message, "UNSIGNED", "merchant '" + merchant.get().id() + "' must sign its requests");
      }
      return;
    }
    Credential credential;
    try {
      credential = keys.credential(merchant.get().signature().credential());
    } catch (KeyNotFoundException e) {
      refuse(
          message, "NO_KEYS", "no keys are registered for merchant '" + merchant.get().id() + "'");
      return;
    }
    scheme.verify(message, credential).ifPresent(r -> refuse(message, r.reason(), r.message()));
  }

  private void refuse(InboundMessage message, String reason, String why) {
    Counter.builder("payhub.signature.rejected")
        .description("inputs refused because the sender's signature was missing or invalid")
        .tag("dialect", message.dialect().id())
        .tag("reason", reason)
        .register(meters)
        .increment();
    throw RejectedInputException.of(
        message.dialect(), RejectReason.SIGNATURE_INVALID, "signature", why);
  }
}
