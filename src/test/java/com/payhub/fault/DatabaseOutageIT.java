package com.payhub.fault;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 6, scenario 4: the ledger database becomes unreachable for 10 s in the middle of the stream
 * (every open connection cut, new ones refused, the database itself unharmed). Orders on the
 * channel queues must wait there, not be dead-lettered, and flow again once it is back: in the end
 * every payment final, paid once, one event per transition, nothing on a dead-letter queue.
 */
class DatabaseOutageIT {

  private static final int PAYMENTS = 1000;
  private static final Duration OUTAGE = Duration.ofSeconds(10);
  private static FaultRig rig;

  @BeforeAll
  static void start() throws Exception {
    rig = FaultRig.start("database-outage", List.of(), List.of());
  }

  @AfterAll
  static void stop() {
    if (rig != null) {
      rig.database().restore();
      rig.close();
    }
  }

  @Test
  void ordersWaitOutADatabaseOutageAndFlowAfter() throws Exception {
    LoadDriver load = rig.load("DB" + RunIds.next(), PAYMENTS);
    await("a third of the orders taken")
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> load.accepted() >= PAYMENTS / 3);

    rig.database().cut();
    int takenAtCut = load.accepted();
    long waitingAtCut = QueueDepth.channelQueues(rig.broker());
    await("the database gone for " + OUTAGE.toSeconds() + " s")
        .pollDelay(OUTAGE)
        .atMost(OUTAGE.plusSeconds(1))
        .until(() -> true);
    long waitingAtRestore = QueueDepth.channelQueues(rig.broker());
    rig.database().restore();
    System.out.println(
        "FAULT database-outage (the cut): orders taken "
            + takenAtCut
            + " at the cut, "
            + load.accepted()
            + " at the restore; orders on the channel queues "
            + waitingAtCut
            + " at the cut, "
            + waitingAtRestore
            + " at the restore");

    FaultCounts counts = rig.settle(load, Duration.ofMinutes(3));
    FaultExpectations.waitedOutTheOutage(counts);
  }
}
