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
 * The sandbox channels as their own process ({@code java -jar payhub.jar sandbox}), on a free port
 * and with the hub's data folder, so that both use the same generated channel keys (see {@link
 * SandboxCredentials}). Alive through every scenario: it is the channel, and it remembers every
 * call it acted on ({@code GET /sandbox/requests}).
 */
final class SandboxProcess {

  private final Path dataDir;
  private final Path logs;
  private final List<String> settings;
  private final int port = Ports.free();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private ChildProcess process;

  /**
   * @param settings extra {@code --payhub.sandbox.channels.*} arguments (failure rate, delays)
   */
  SandboxProcess(Path dataDir, Path logs, List<String> settings) {
    this.dataDir = dataDir;
    this.logs = logs;
    this.settings = List.copyOf(settings);
  }

  void start() {
    List<String> command = new ArrayList<>();
    command.add(FaultPaths.java());
    command.add("-Xmx384m");
    command.add("-jar");
    command.add(FaultPaths.jar().toString());
    command.add("sandbox");
    command.add("--server.port=" + port);
    command.add("--payhub.data-dir=" + dataDir);
    command.addAll(settings);
    Path log = logs.resolve("sandbox.log");
    process = ChildProcess.start("sandbox", command, FaultPaths.project(), Map.of(), log);
    await("the sandbox on port " + port)
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(300))
        .failFast("the sandbox exited; see " + log, () -> !process.alive())
        .ignoreExceptions()
        .until(() -> get().statusCode() == 200);
  }

  String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  /** Every call the channels acted on so far. */
  ChannelCalls calls() throws IOException, InterruptedException {
    HttpResponse<String> r = get();
    if (r.statusCode() != 200) {
      throw new IllegalStateException("GET /sandbox/requests answered " + r.statusCode());
    }
    return ChannelCalls.parse(r.body());
  }

  void kill() {
    if (process != null) {
      process.kill();
    }
  }

  private HttpResponse<String> get() throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(baseUrl() + "/sandbox/requests"))
            .timeout(Duration.ofSeconds(20))
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
