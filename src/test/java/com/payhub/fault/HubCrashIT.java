package com.payhub.fault;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 6, scenario 2: the hub process is SIGKILLed in the middle of 2,000 payments (HTTP requests
 * half-answered, adapters between their channel call and their commit, notifications arriving) and
 * started again on the same data folder, ledger and broker. The back office retries; the sandbox
 * resends its notifications. The same counts as for the broker crash must hold.
 */
class HubCrashIT {

  private static final int PAYMENTS = 2000;
  private static FaultRig rig;

  @BeforeAll
  static void start() throws Exception {
    rig = FaultRig.start("hub-kill", List.of(), List.of());
  }

  @AfterAll
  static void stop() {
    if (rig != null) {
      rig.close();
    }
  }

  @Test
  void hubKilledMidStreamLosesNothingAndPaysNothingTwice() throws Exception {
    LoadDriver load = rig.load("HK" + RunIds.next(), PAYMENTS);
    await("a third of the orders taken")
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> load.accepted() >= PAYMENTS / 3);

    rig.hub().kill();
    rig.hub().start(); // returns once the new process is ready

    FaultCounts counts = rig.settle(load, Duration.ofMinutes(3));
    FaultExpectations.everyPaymentOnceAndFinal(counts);
  }
}
