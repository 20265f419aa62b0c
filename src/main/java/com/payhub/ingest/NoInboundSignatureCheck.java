package com.payhub.ingest;

import com.payhub.normalize.InboundMessage;
import org.springframework.stereotype.Component;

/**
 * Accepts every input unsigned. Stands in until per-merchant signature policies exist (the
 * cryptography issue), which replaces this class.
 */
@Component
public class NoInboundSignatureCheck implements InboundSignatureCheck {

  @Override
  public void verify(InboundMessage message) {
    // deliberately empty: see the class comment
  }
}
