package com.payhub.fault;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What one scenario measured, from the three independent witnesses: the ledger (rows, statuses,
 * applied transitions), the channels (pay calls per order at the sandbox) and the back office
 * (events on its durable subscription). {@link #line} is the one line a closing note quotes.
 *
 * @param payments orders the load driver was asked to submit
 * @param accepted orders the hub took (202) or answered as taken (200)
 * @param ledgerRows payment rows in the ledger
 * @param byStatus ledger rows per status
 * @param finals rows in a final status (SUCCEEDED, FAILED, CLOSED, REFUNDED)
 * @param open rows the hub still has to move (RECEIVED, DISPATCHED, PENDING)
 * @param payCalls PAY calls the sandbox channels acted on, for this run's orders
 * @param maxPayCallsPerOrder the most PAY calls one order got
 * @param paidTwice orders with more than one PAY call
 * @param neverPaid orders the driver submitted whose PAY never reached their channel
 * @param events events of this run's payments on the subscription
 * @param duplicateEvents events beyond the first for one (payment, status)
 * @param missingEvents applied transitions (other than ingest's RECEIVED and DISPATCHED, which are
 *     not published) without their event
 * @param unexpectedEvents events for a (payment, status) the ledger never applied
 * @param succeededWithoutEvent SUCCEEDED payments whose SUCCEEDED event never came
 * @param deadLetters messages on the broker's dead-letter queues ({@code /actuator/deadletters})
 * @param retries submissions the driver had to send again
 * @param answers HTTP statuses the driver got, with counts (0: no answer)
 * @param load how long submitting took
 * @param settle how long after that the ledger took to settle (or stall)
 * @param examples up to ten examples of each kind of problem above, for the run's details file
 */
record FaultCounts(
    int payments,
    int accepted,
    int ledgerRows,
    Map<String, Integer> byStatus,
    int finals,
    int open,
    int payCalls,
    int maxPayCallsPerOrder,
    int paidTwice,
    int neverPaid,
    int events,
    int duplicateEvents,
    int missingEvents,
    int unexpectedEvents,
    int succeededWithoutEvent,
    int deadLetters,
    int retries,
    Map<Integer, Integer> answers,
    Duration load,
    Duration settle,
    Map<String, List<String>> examples) {

  static final Set<String> FINAL = Set.of("SUCCEEDED", "FAILED", "CLOSED", "REFUNDED");
  static final Set<String> OPEN = Set.of("RECEIVED", "DISPATCHED", "PENDING");

  /** Ingest's statuses: applied before dispatch, not published as events. */
  static final Set<String> UNPUBLISHED = Set.of("RECEIVED", "DISPATCHED");

  int status(String status) {
    return byStatus.getOrDefault(status, 0);
  }

  /** The counts on one line, e.g. {@code FAULT broker-kill: payments=2000 final=2000 …}. */
  String line(String scenario) {
    return "FAULT "
        + scenario
        + ": payments="
        + payments
        + " accepted="
        + accepted
        + " ledgerRows="
        + ledgerRows
        + " final="
        + finals
        + " succeeded="
        + status("SUCCEEDED")
        + " needsReview="
        + status("NEEDS_REVIEW")
        + " open="
        + open
        + " payCalls="
        + payCalls
        + " maxPayCallsPerOrder="
        + maxPayCallsPerOrder
        + " paidTwice="
        + paidTwice
        + " neverPaid="
        + neverPaid
        + " events="
        + events
        + " duplicateEvents="
        + duplicateEvents
        + " missingEvents="
        + missingEvents
        + " unexpectedEvents="
        + unexpectedEvents
        + " succeededWithoutEvent="
        + succeededWithoutEvent
        + " deadLetters="
        + deadLetters
        + " retries="
        + retries
        + " answers="
        + answers
        + " statuses="
        + new TreeMap<>(byStatus)
        + " load="
        + load.toSeconds()
        + "s settle="
        + settle.toSeconds()
        + "s";
  }

  /** Counts one run from its witnesses. */
  static FaultCounts of(
      LoadDriver load,
      Map<String, String> statuses,
      List<LedgerServer.Transition> transitions,
      ChannelCalls calls,
      List<JsonNode> allEvents,
      int deadLetters,
      Duration settle) {
    Map<String, Integer> byStatus = new HashMap<>();
    statuses.values().forEach(s -> byStatus.merge(s, 1, Integer::sum));
    int finals = (int) statuses.values().stream().filter(FINAL::contains).count();
    int open = (int) statuses.values().stream().filter(OPEN::contains).count();

    Examples examples = new Examples();
    int payCalls = 0;
    int max = 0;
    int twice = 0;
    int never = 0;
    for (int i = 0; i < load.payments(); i++) {
      int n = calls.count(load.channel(i), "PAY", load.orderNo(i));
      payCalls += n;
      max = Math.max(max, n);
      twice += n > 1 ? 1 : 0;
      never += n == 0 ? 1 : 0;
      if (n != 1) {
        examples.add(n == 0 ? "neverPaid" : "paidTwice", load.orderNo(i) + " PAY x" + n);
      }
    }

    Map<String, Integer> eventsByKey = new HashMap<>();
    int events = 0;
    for (JsonNode e : allEvents) {
      String paymentId = e.path("paymentId").asText();
      if (statuses.containsKey(paymentId) && !e.hasNonNull("refundId")) {
        events++;
        eventsByKey.merge(paymentId + " " + e.path("status").asText(), 1, Integer::sum);
      }
    }
    statuses.forEach(
        (id, status) -> {
          if (!FINAL.contains(status)) {
            examples.add("notFinal", id + " " + status);
          }
        });
    int duplicates = 0;
    for (Map.Entry<String, Integer> e : eventsByKey.entrySet()) {
      if (e.getValue() > 1) {
        duplicates += e.getValue() - 1;
        examples.add("duplicateEvents", e.getKey() + " x" + e.getValue());
      }
    }
    Set<String> applied = new HashSet<>();
    int missing = 0;
    for (LedgerServer.Transition t : transitions) {
      String key = t.paymentId() + " " + t.toStatus();
      applied.add(key);
      if (!UNPUBLISHED.contains(t.toStatus()) && !eventsByKey.containsKey(key)) {
        missing++;
        examples.add("missingEvents", key + " (from " + t.fromStatus() + ", v" + t.version() + ")");
      }
    }
    int unexpected = 0;
    for (String key : eventsByKey.keySet()) {
      if (!applied.contains(key)) {
        unexpected++;
        examples.add("unexpectedEvents", key);
      }
    }
    int succeededWithoutEvent = 0;
    for (Map.Entry<String, String> e : statuses.entrySet()) {
      if (e.getValue().equals("SUCCEEDED") && !eventsByKey.containsKey(e.getKey() + " SUCCEEDED")) {
        succeededWithoutEvent++;
        examples.add("succeededWithoutEvent", e.getKey());
      }
    }
    return new FaultCounts(
        load.payments(),
        load.accepted(),
        statuses.size(),
        byStatus,
        finals,
        open,
        payCalls,
        max,
        twice,
        never,
        events,
        duplicates,
        missing,
        unexpected,
        succeededWithoutEvent,
        deadLetters,
        load.retries(),
        load.answers(),
        load.elapsed(),
        settle,
        examples.byKind);
  }

  /** The details file: every count's examples, one kind per line. */
  String details() {
    StringBuilder b = new StringBuilder();
    new TreeMap<>(examples)
        .forEach((kind, list) -> b.append(kind).append(": ").append(list).append('\n'));
    return b.toString();
  }

  /** At most ten examples per kind: enough to look a problem up in the ledger and the logs. */
  private static final class Examples {
    private final Map<String, List<String>> byKind = new TreeMap<>();

    void add(String kind, String example) {
      List<String> list = byKind.computeIfAbsent(kind, k -> new java.util.ArrayList<>());
      if (list.size() < 10) {
        list.add(example);
      }
    }
  }
}
