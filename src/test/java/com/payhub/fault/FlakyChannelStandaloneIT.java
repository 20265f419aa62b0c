package com.payhub.fault;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 6, scenario 3: the sandbox channels fail 30% of the calls they get ({@code SandboxChaos}:
 * half answered 503 before the channel sees them, half reaching the channel only after the hub's
 * read timeout), against the standalone broker. No order may be charged twice, every payment must
 * end final or NEEDS_REVIEW (the janitor's query schedule runs out for those the channel never
 * saw), and none may vanish.
 */
class FlakyChannelStandaloneIT {

  private static final int PAYMENTS = 1000;
  private static FaultRig rig;

  @BeforeAll
  static void start() throws Exception {
    rig =
        FaultRig.start(
            "flaky-channel",
            List.of(
                "--payhub.sandbox.channels.failure-rate=0.3",
                // a lost answer arrives after the hub stopped waiting (read timeout 3 s below)
                "--payhub.sandbox.channels.timeout-delay=5s"),
            List.of(
                "--payhub.gateways.alipay.read-timeout=3s",
                "--payhub.gateways.wechatpay.read-timeout=3s",
                "--payhub.gateways.unionpay.read-timeout=3s"));
  }

  @AfterAll
  static void stop() {
    if (rig != null) {
      rig.close();
    }
  }

  @Test
  void aFlakyChannelNeverChargesTwiceAndNothingVanishes() throws Exception {
    LoadDriver load = rig.load("FC" + RunIds.next(), PAYMENTS);
    FaultCounts counts = rig.settle(load, Duration.ofMinutes(3));
    FaultExpectations.noneLostNoneTwiceFinalOrInReview(counts);
  }
}
