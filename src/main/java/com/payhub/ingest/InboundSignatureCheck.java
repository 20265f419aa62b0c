package com.payhub.ingest;

import com.payhub.normalize.InboundMessage;

/**
 * Verifies the sender's signature on a raw input before anything else reads it (DESIGN.md step 1).
 * Implementations throw {@link com.payhub.model.RejectedInputException} with reason
 * SIGNATURE_INVALID.
 */
public interface InboundSignatureCheck {

  void verify(InboundMessage message);
}
