package com.payhub.fault;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.core.ConditionTimeoutException;

/**
 * One scenario's world, each part its own process or server as deployed: the ledger database
 * (behind a proxy that can cut it off), a standalone Artemis broker, the sandbox channels, the hub,
 * and a back office's durable subscription to {@code payments.events}. {@link #close} kills
 * whatever is still running, also when bringing it up failed half-way.
 */
final class FaultRig implements AutoCloseable {

  /**
   * The hub's recovery at test speed: the janitor queries a payment that has not moved for 30 s
   * (production: 2 min), three times (production: five, over hours), then hands it to a person.
   */
  static final List<String> JANITOR =
      List.of(
          "--payhub.janitor.enabled=true",
          "--payhub.janitor.interval=2s",
          "--payhub.janitor.stale-after=30s",
          "--payhub.janitor.check-intervals=3s,6s,12s");

  /** Submitting lanes: a back office with a few threads, not a flood. */
  static final int LANES = 8;

  /** A ledger unchanged this long while payments are still open is stuck, not slow. */
  static final Duration STALL = Duration.ofSeconds(75);

  private static final ObjectMapper JSON = new ObjectMapper();

  final String scenario;
  final Path dir;
  private LedgerServer ledger;
  private TcpProxy database;
  private ArtemisProcess broker;
  private SandboxProcess sandbox;
  private HubProcess hub;
  private EventSubscription events;

  private FaultRig(String scenario) {
    this.scenario = scenario;
    this.dir = FaultPaths.runDir(scenario);
  }

  /**
   * Brings everything up, in the order a deployment would: database, broker, channel, the back
   * office's subscription, then the hub.
   *
   * @param sandboxSettings extra sandbox arguments (e.g. its failure rate)
   * @param hubSettings extra hub arguments (e.g. gateway timeouts)
   */
  static FaultRig start(String scenario, List<String> sandboxSettings, List<String> hubSettings)
      throws Exception {
    FaultRig rig = new FaultRig(scenario);
    try {
      rig.bringUp(sandboxSettings, hubSettings);
      return rig;
    } catch (Exception | Error e) {
      rig.close();
      throw e;
    }
  }

  private void bringUp(List<String> sandboxSettings, List<String> hubSettings) throws Exception {
    Path logs = Files.createDirectories(dir.resolve("logs"));
    Path data = Files.createDirectories(dir.resolve("data"));
    ledger = new LedgerServer(Files.createDirectories(dir.resolve("db")));
    database = new TcpProxy(ledger.port());
    broker = ArtemisProcess.create(dir.resolve("artemis"), logs);
    broker.start();
    List<String> credentials = SandboxCredentials.hubArguments(data);
    sandbox = new SandboxProcess(data, logs, sandboxSettings);
    sandbox.start();
    events = EventSubscription.create(broker.url(), ArtemisProcess.USER, broker.password());
    List<String> args = new ArrayList<>();
    args.add("--payhub.data-dir=" + data);
    args.add("--spring.artemis.mode=native");
    args.add("--spring.artemis.broker-url=" + broker.url());
    args.add("--spring.artemis.user=" + ArtemisProcess.USER);
    args.add("--spring.artemis.password=" + broker.password());
    args.add("--spring.artemis.embedded.enabled=false");
    args.add("--spring.datasource.url=" + LedgerServer.url(database.port()));
    args.add("--spring.datasource.username=sa");
    args.add("--spring.datasource.password=");
    args.add("--payhub.sandbox.channels.enabled=false");
    args.add("--payhub.gateways.alipay.url=" + sandbox.baseUrl() + "/sandbox/alipay/gateway.do");
    args.add("--payhub.gateways.wechatpay.url=" + sandbox.baseUrl() + "/sandbox/wechatpay");
    args.add("--payhub.gateways.unionpay.url=" + sandbox.baseUrl() + "/sandbox/unionpay");
    args.addAll(credentials);
    args.addAll(JANITOR);
    args.addAll(hubSettings);
    hub = new HubProcess(Ports.free(), args, logs);
    hub.start();
  }

  ArtemisProcess broker() {
    return broker;
  }

  HubProcess hub() {
    return hub;
  }

  TcpProxy database() {
    return database;
  }

  LedgerServer ledger() {
    return ledger;
  }

  /** Starts submitting {@code payments} orders numbered {@code run00000…}. */
  LoadDriver load(String run, int payments) {
    return new LoadDriver(hub.uri("/api/v1/payments"), run, payments, LANES, Duration.ofMinutes(3))
        .start();
  }

  /**
   * Waits for the driver to finish, then for the ledger to settle (no payment the hub still has to
   * move, nothing left on the channel queues) or stall ({@link #STALL} without any change), for at
   * most {@code atMost}; then counts everything. Never fails by itself: the test judges the counts,
   * and they are printed either way.
   */
  FaultCounts settle(LoadDriver load, Duration atMost) throws Exception {
    await("the load driver to finish")
        .atMost(Duration.ofMinutes(4))
        .pollInterval(Duration.ofMillis(500))
        .until(load::finished);
    Instant from = Instant.now();
    AtomicLong lastChanges = new AtomicLong(-1);
    AtomicReference<Instant> lastChange = new AtomicReference<>(Instant.now());
    try {
      await("every payment settled")
          .atMost(atMost)
          .pollInterval(Duration.ofSeconds(2))
          .ignoreExceptions()
          .until(
              () -> {
                long changes = ledger.changes();
                if (changes != lastChanges.getAndSet(changes)) {
                  lastChange.set(Instant.now());
                }
                boolean stalled =
                    Duration.between(lastChange.get(), Instant.now()).compareTo(STALL) > 0;
                return stalled || (noneOpen() && QueueDepth.channelQueues(broker) == 0);
              });
    } catch (ConditionTimeoutException e) {
      // counted as it stands: the open payments show in the counts
    }
    Duration settle = Duration.between(from, Instant.now());
    List<JsonNode> published = events.drain(Duration.ofSeconds(5));
    FaultCounts counts =
        FaultCounts.of(
            load,
            ledger.statuses(),
            ledger.transitions(),
            sandbox.calls(),
            published,
            deadLetters(),
            settle);
    String line = counts.line(scenario);
    System.out.println(line);
    Files.writeString(
        dir.resolve("counts.txt"), line + "\n" + counts.details(), StandardCharsets.UTF_8);
    Files.write(
        dir.resolve("events.jsonl"),
        published.stream().map(JsonNode::toString).toList(),
        StandardCharsets.UTF_8);
    return counts;
  }

  /**
   * No payment the hub still has to move. Checked together with empty channel queues: the janitor
   * may hand an order still queued behind a backlog to review, and its PAY may yet succeed.
   */
  private boolean noneOpen() throws java.sql.SQLException {
    return ledger.statuses().values().stream().noneMatch(FaultCounts.OPEN::contains);
  }

  /**
   * Messages on the broker's dead-letter queues, as the hub's ops endpoint lists them (kept in the
   * run's {@code deadletters.json}); -1 when the hub could not say.
   */
  private int deadLetters() {
    try {
      HttpResponse<String> r = hub.get("/actuator/deadletters");
      Files.writeString(dir.resolve("deadletters.json"), r.body(), StandardCharsets.UTF_8);
      return r.statusCode() == 200 ? JSON.readTree(r.body()).size() : -1;
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  @Override
  public void close() {
    if (hub != null) {
      quietly(hub::kill);
    }
    if (sandbox != null) {
      quietly(sandbox::kill);
    }
    if (broker != null) {
      quietly(broker::kill);
    }
    if (database != null) {
      quietly(database::close);
    }
    if (ledger != null) {
      quietly(ledger::close);
    }
  }

  /** One step of closing: a failure is reported and the next step still runs. */
  private void quietly(Runnable step) {
    try {
      step.run();
    } catch (RuntimeException e) {
      System.err.println("fault rig " + scenario + ": " + e);
    }
  }
}
