package com.payhub.fault;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The hub as it runs deployed: {@code java -jar payhub.jar} in its own process, against the
 * standalone broker, the ledger server and the sandbox process. Ready when {@code
 * /actuator/health/readiness} answers 200 (broker and Camel included). {@link #kill} is SIGKILL;
 * {@link #start} again runs a new process with the same arguments, port and data folder, as a
 * restarted pod would.
 */
final class HubProcess {

  private final int port;
  private final List<String> arguments;
  private final Path logs;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private ChildProcess process;
  private int starts;

  /**
   * @param arguments everything but {@code --server.port}, which the hub is given here
   */
  HubProcess(int port, List<String> arguments, Path logs) {
    this.port = port;
    this.arguments = List.copyOf(arguments);
    this.logs = logs;
  }

  void start() {
    starts++;
    List<String> command = new ArrayList<>();
    command.add(FaultPaths.java());
    command.add("-Xmx768m");
    command.add("-jar");
    command.add(FaultPaths.jar().toString());
    command.add("--server.port=" + port);
    command.addAll(arguments);
    Path log = logs.resolve("hub-" + starts + ".log");
    process = ChildProcess.start("hub", command, FaultPaths.project(), Map.of(), log);
    await("the hub ready on port " + port)
        .atMost(Duration.ofSeconds(180))
        .pollInterval(Duration.ofMillis(500))
        .failFast("the hub exited; see " + log, () -> !process.alive())
        .ignoreExceptions()
        .until(() -> get("/actuator/health/readiness").statusCode() == 200);
  }

  /** SIGKILL; returns once the process is gone. */
  void kill() {
    if (process != null) {
      process.kill();
    }
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(20)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  Path log() {
    return process.log();
  }
}
