package com.payhub.fault;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A standalone Apache Artemis 2.40.0 broker as its own process, as the hub meets it when deployed:
 * an instance made by {@code artemis create} with only the core acceptor on a free loopback port
 * and login required, run by {@code artemis run}. {@link #kill} is SIGKILL (no clean shutdown, the
 * journal as the crash left it); {@link #start} again runs the same instance on the same data and
 * port, as a restarted broker pod would.
 *
 * <p>The {@code payments.#} addresses get what the hub's embedded broker gets ({@code
 * EmbeddedBrokerConfig}): 5 delivery attempts with backoff from 500 ms, doubling, and dead letters
 * kept in {@code DLQ.<queue>} on address {@code DLA} rather than dropped.
 */
final class ArtemisProcess {

  static final String USER = "payhub";

  /** The hub's address settings, patched into the instance's broker.xml. */
  static final String PAYMENTS_SETTINGS =
      """
         <address-setting match="payments.#">
            <dead-letter-address>DLA</dead-letter-address>
            <auto-create-dead-letter-resources>true</auto-create-dead-letter-resources>
            <dead-letter-queue-prefix>DLQ.</dead-letter-queue-prefix>
            <redelivery-delay>500</redelivery-delay>
            <redelivery-delay-multiplier>2.0</redelivery-delay-multiplier>
            <max-redelivery-delay>5000</max-redelivery-delay>
            <max-delivery-attempts>5</max-delivery-attempts>
         </address-setting>
      """;

  // "AMQ221007: Server is now active" (older releases: "live"): the code is the same
  private static final String LIVE = "AMQ221007";

  private final Path instance;
  private final Path logs;
  private final int port;
  private final String password = UUID.randomUUID().toString();
  private ChildProcess process;
  private int starts;

  private ArtemisProcess(Path instance, Path logs, int port) {
    this.instance = instance;
    this.logs = logs;
    this.port = port;
  }

  /** Creates the instance in {@code instance} (about a second) and patches its broker.xml. */
  static ArtemisProcess create(Path instance, Path logs) throws InterruptedException {
    ArtemisProcess broker = new ArtemisProcess(instance, logs, Ports.free());
    Path home = FaultPaths.artemisHome();
    ChildProcess.run(
        "artemis create",
        List.of(
            home.resolve("bin/artemis").toString(),
            "create",
            instance.toString(),
            "--silent",
            "--user",
            USER,
            "--password",
            broker.password,
            "--require-login",
            "--no-amqp-acceptor",
            "--no-mqtt-acceptor",
            "--no-stomp-acceptor",
            "--no-hornetq-acceptor",
            "--no-web",
            "--no-autotune",
            "--default-port",
            String.valueOf(broker.port),
            "--host",
            "127.0.0.1",
            "--name",
            "payhub-fault"),
        instance.getParent(),
        env(),
        logs.resolve("artemis-create.log"));
    broker.patchBrokerXml();
    return broker;
  }

  /** Runs the instance and waits until it logs that it is live and its port accepts. */
  void start() {
    starts++;
    Path log = logs.resolve("artemis-" + starts + ".log");
    process =
        ChildProcess.start(
            "artemis",
            List.of(instance.resolve("bin/artemis").toString(), "run"),
            instance,
            env(),
            log);
    await("Artemis live on port " + port)
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(200))
        .failFast("Artemis exited; see " + log, () -> !process.alive())
        .until(() -> logSays(log, LIVE) && Ports.accepts(port));
  }

  /** SIGKILL, with every descendant; returns once the process is gone. */
  void kill() {
    if (process != null) {
      process.kill();
    }
  }

  boolean alive() {
    return process != null && process.alive();
  }

  String url() {
    return "tcp://127.0.0.1:" + port;
  }

  String password() {
    return password;
  }

  private void patchBrokerXml() {
    Path xml = instance.resolve("etc/broker.xml");
    try {
      String text = Files.readString(xml, StandardCharsets.UTF_8);
      String patched =
          text.replaceFirst("<address-settings>", "<address-settings>\n" + PAYMENTS_SETTINGS)
              // the core protocol only, as the hub speaks it (no AMQP, MQTT, STOMP, OpenWire)
              .replaceFirst("protocols=[A-Z,]+", "protocols=CORE");
      if (!patched.contains("match=\"payments.#\"") || !patched.contains("protocols=CORE")) {
        throw new IllegalStateException("broker.xml has an unexpected shape: " + xml);
      }
      Files.writeString(xml, patched, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean logSays(Path log, String text) {
    try {
      return Files.exists(log)
          && new String(Files.readAllBytes(log), StandardCharsets.ISO_8859_1).contains(text);
    } catch (IOException e) {
      return false;
    }
  }

  private static Map<String, String> env() {
    return Map.of("JAVA_HOME", System.getProperty("java.home"));
  }
}
