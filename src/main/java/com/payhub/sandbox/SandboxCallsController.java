package com.payhub.sandbox;

import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /sandbox/requests}: the calls each sandbox channel acted on, as {@code {channel:
 * {operation: {orderNo: count}}}}. Read-only and sandbox-only (a real channel has no such page); a
 * fault test in another process counts pay calls per order with it. {@link SandboxChaos} leaves it
 * alone, so the counts stay readable while the channels are flaky.
 */
@RestController
@ConditionalOnProperty(name = SandboxConfig.ENABLED, havingValue = "true", matchIfMissing = true)
public class SandboxCallsController {

  /** The path, also known to {@link SandboxChaos}. */
  public static final String PATH = "/sandbox/requests";

  private final SandboxCalls calls;

  public SandboxCallsController(SandboxCalls calls) {
    this.calls = calls;
  }

  @GetMapping(PATH)
  public Map<String, Map<String, Map<String, Integer>>> requests() {
    return calls.snapshot();
  }
}
