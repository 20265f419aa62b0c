package com.payhub.fault;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 6, scenario 1: the standalone broker is SIGKILLed in the middle of 2,000 payments and
 * restarted a few seconds later, on the same journal and port. The hub reconnects by itself; the
 * back office retries what failed. Every payment must end final, the channels must have been asked
 * to pay exactly 2,000 times (once per order), every transition must have made exactly one event,
 * and the ledger must hold 2,000 rows.
 */
class BrokerCrashIT {

  private static final int PAYMENTS = 2000;
  private static FaultRig rig;

  @BeforeAll
  static void start() throws Exception {
    rig = FaultRig.start("broker-kill", List.of(), List.of());
  }

  @AfterAll
  static void stop() {
    if (rig != null) {
      rig.close();
    }
  }

  @Test
  void brokerKilledMidStreamLosesNothingAndPaysNothingTwice() throws Exception {
    LoadDriver load = rig.load("BK" + RunIds.next(), PAYMENTS);
    await("a third of the orders taken")
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> load.accepted() >= PAYMENTS / 3);

    rig.broker().kill();
    // down for a few seconds, as a crashed broker pod is before it is back
    await("the broker down")
        .pollDelay(Duration.ofSeconds(3))
        .atMost(Duration.ofSeconds(4))
        .until(() -> !rig.broker().alive());
    rig.broker().start();

    FaultCounts counts = rig.settle(load, Duration.ofMinutes(3));
    FaultExpectations.everyPaymentOnceAndFinal(counts);
  }
}
