package com.payhub.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 7: SIGTERM in the middle of a stream of payments, as OpenShift sends it on a rolling
 * update. The hub stops taking new work (its web server refuses, its consumers stop), finishes or
 * rolls back what is in flight, sends what its outbox holds, and exits within the pod's grace
 * period; the back office retries what was refused. Started again, it settles every payment once.
 */
class GracefulShutdownIT {

  private static final int PAYMENTS = 1000;

  /** docker-compose's stop_grace_period; the OpenShift Deployment allows 90 s. */
  private static final Duration GRACE = Duration.ofSeconds(60);

  private static FaultRig rig;

  @BeforeAll
  static void start() throws Exception {
    rig = FaultRig.start("sigterm", List.of(), List.of());
  }

  @AfterAll
  static void stop() {
    if (rig != null) {
      rig.close();
    }
  }

  @Test
  void sigtermMidStreamLosesNothingAndPaysNothingTwice() throws Exception {
    LoadDriver load = rig.load("ST" + RunIds.next(), PAYMENTS);
    await("a third of the orders taken")
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> load.accepted() >= PAYMENTS / 3);

    Instant signalled = Instant.now();
    int exit = rig.hub().terminate(GRACE);
    Duration stopping = Duration.between(signalled, Instant.now());
    System.out.printf("FAULT sigterm: exit=%d stopping=%dms%n", exit, stopping.toMillis());
    assertThat(exit)
        .as("the hub exits on SIGTERM by itself, within the grace period (-1: it had to be killed)")
        .isNotEqualTo(-1);
    assertThat(rig.hub().log())
        .content()
        .as("shut down through Spring's graceful path")
        .contains("Commencing graceful shutdown");

    rig.hub().start();
    FaultCounts counts = rig.settle(load, Duration.ofMinutes(3));
    FaultExpectations.everyPaymentOnceAndFinal(counts);
  }
}
