package com.payhub.ingest.signature;

import com.payhub.crypto.Credential;
import com.payhub.model.Dialect;
import com.payhub.normalize.InboundMessage;
import java.util.Optional;

/** How one dialect's senders sign their requests, and how the hub checks it. */
interface RequestSignature {

  Dialect dialect();

  /**
   * The merchant id as the dialect names it, read from the raw input only as far as needed to find
   * the key; empty when it cannot be read (the normaliser then says why).
   */
  Optional<String> merchantRef(InboundMessage message);

  boolean isSigned(InboundMessage message);

  /**
   * @return empty when the signature verifies, else why it does not: a reason code from a closed
   *     set (the metric's tag) and a sentence (without any key material, signature or signed text)
   */
  Optional<Refusal> verify(InboundMessage message, Credential credential);

  /**
   * Why a signature was refused: {@code reason} is an upper-case code, {@code message} a sentence.
   */
  record Refusal(String reason, String message) {

    static Optional<Refusal> of(String reason, String message) {
      return Optional.of(new Refusal(reason, message));
    }

    static Optional<Refusal> of(Enum<?> reason, String message) {
      return of(reason.name(), message);
    }
  }
}
