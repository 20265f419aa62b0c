package com.payhub.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.payhub.deploy.ComposeEnvBinding;
import com.payhub.deploy.ComposeFile;
import com.payhub.deploy.ContainerDockerfile;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The {@code payhub} service of {@code docker-compose.yml}, run without Docker: {@code java -jar
 * payhub.jar} in the project folder (which holds the same {@code routes/} and {@code
 * channel-adapters/} that compose mounts into the image's working directory) with exactly the
 * environment the container gets, which is the image's {@code ENV} plus the service's {@code
 * environment} after Compose's interpolation. What this run supplies is what Docker would:
 *
 * <ul>
 *   <li>the shell's variables ({@code ARTEMIS_PASSWORD}, {@code POSTGRES_DB}, ...), as a {@code
 *       .env} file would;
 *   <li>where each service is: {@code artemis:61616} becomes the standalone Artemis 2.40.0 process
 *       (its port is a free one: the harness picks it), {@code postgres:5432} the PostgreSQL named
 *       by {@code PAYHUB_TEST_JDBC_URL}, in a database of its own;
 *   <li>where each mount is: {@code /deployments/keys} a folder filled by {@code
 *       compose/make-keys.sh}, the {@code payhub-data} volume a fresh folder;
 *   <li>{@code --server.port}: a free port instead of the container's 8080.
 * </ul>
 *
 * The hub must become ready, the three health-check commands of compose must pass against these
 * processes, and the README's four examples must end SUCCEEDED through the sandbox channels.
 *
 * <p>The harness's {@code HubProcess} takes arguments but no environment, and an environment is
 * what this test is about: so the hub is started through {@link ChildProcess} here, and waited for
 * the way {@code HubProcess} waits.
 */
class ComposeEnvIT {

  private static final String JDBC_VARIABLE = "PAYHUB_TEST_JDBC_URL";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private static ArtemisProcess broker;
  private static ChildProcess hub;
  private static String adminUrl;
  private static String database;

  @AfterAll
  static void stop() throws Exception {
    if (hub != null) {
      hub.kill();
    }
    if (broker != null) {
      broker.kill();
    }
    if (database != null) {
      try (Connection c = DriverManager.getConnection(adminUrl);
          Statement s = c.createStatement()) {
        s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
      }
    }
  }

  @Test
  void theHubWithComposesEnvironmentGetsReadyAndPaysThroughTheSandbox() throws Exception {
    adminUrl = jdbcUrl();
    assumeTrue(adminUrl != null, JDBC_VARIABLE + " is not set: no PostgreSQL for the ledger");
    Path dir = FaultPaths.runDir("compose-env");
    Path logs = Files.createDirectories(dir.resolve("logs"));
    Path project = FaultPaths.project();
    ComposeFile compose = ComposeFile.load();
    ContainerDockerfile image = ContainerDockerfile.load();

    // ./keys as the README makes it
    Path keys = dir.resolve("keys");
    ChildProcess.run(
        "make-keys",
        List.of("sh", "compose/make-keys.sh", keys.toString()),
        project,
        Map.of("JAVA_HOME", System.getProperty("java.home")),
        logs.resolve("make-keys.log"));

    // postgres: a database of its own on the test server
    URI pg = URI.create(adminUrl.substring("jdbc:".length()));
    Map<String, String> pgQuery = query(pg);
    database = "payhub_compose_" + UUID.randomUUID().toString().substring(0, 8);
    try (Connection c = DriverManager.getConnection(adminUrl);
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + database);
    }

    broker = ArtemisProcess.create(dir.resolve("artemis"), logs);
    broker.start();

    // the shell's variables; unset ones take compose's defaults
    Map<String, String> shell = new LinkedHashMap<>();
    shell.put("ARTEMIS_USER", ArtemisProcess.USER);
    shell.put("ARTEMIS_PASSWORD", broker.password());
    shell.put("POSTGRES_DB", database);
    Optional.ofNullable(pgQuery.get("user")).ifPresent(u -> shell.put("POSTGRES_USER", u));
    Optional.ofNullable(pgQuery.get("password")).ifPresent(p -> shell.put("POSTGRES_PASSWORD", p));

    // where compose's services and mounts are in this run
    Map<String, String> where = new LinkedHashMap<>();
    where.put("artemis:61616", broker.url().substring("tcp://".length()));
    where.put("postgres:5432", pg.getHost() + ":" + pg.getPort());
    Map<String, Path> mounts = new LinkedHashMap<>();
    for (ComposeFile.Volume v : compose.volumes("payhub")) {
      Path host =
          v.source().equals("./keys")
              ? keys
              : v.bindsRepoPath()
                  ? project.resolve(v.repoPath())
                  : Files.createDirectories(dir.resolve(v.source()));
      mounts.put(v.target(), host);
      // the hub reads these relative to its working directory: the same files from here
      if (v.bindsRepoPath()
          && !v.source().equals("./keys")
          && v.target().startsWith(image.workdir() + "/")) {
        String relative = v.target().substring(image.workdir().length() + 1);
        assertThat(project.resolve(relative)).isEqualTo(host);
      }
    }

    Map<String, String> env = new LinkedHashMap<>(image.env());
    compose.environment("payhub", shell).forEach((k, v) -> env.put(k, relocate(v, where, mounts)));
    // every service address and container path found its place in this run
    assertThat(env.values())
        .noneMatch(v -> v.contains("//artemis:") || v.contains("//postgres:"))
        .noneMatch(v -> v.contains(image.workdir() + "/"));
    List<String> inherited = hubPropertiesInThisEnvironment(env);
    assertThat(inherited).as("variables this JVM would pass on to the hub").isEmpty();
    Files.writeString(dir.resolve("hub.env"), envFile(env), StandardCharsets.UTF_8);

    int port = Ports.free();
    hub =
        ChildProcess.start(
            "hub",
            List.of(
                FaultPaths.java(),
                "-Xmx768m",
                "-jar",
                FaultPaths.jar().toString(),
                "--server.port=" + port),
            project,
            env,
            logs.resolve("hub.log"));
    await("the hub ready on port " + port)
        .atMost(Duration.ofSeconds(180))
        .pollInterval(Duration.ofMillis(500))
        .failFast("the hub exited; see " + hub.log(), () -> !hub.alive())
        .ignoreExceptions()
        .until(() -> get(port, "/actuator/health/readiness").statusCode() == 200);

    // compose's own health checks, run against these processes
    runHealthcheck(
        compose,
        "payhub",
        shell,
        Map.of("/dev/tcp/127.0.0.1/8080", "/dev/tcp/127.0.0.1/" + port),
        Map.of(),
        logs);
    runHealthcheck(
        compose,
        "artemis",
        shell,
        Map.of(
            "/var/lib/artemis-instance/bin/artemis",
            FaultPaths.artemisHome().resolve("bin/artemis").toString(),
            "localhost:61616",
            where.get("artemis:61616")),
        Map.of("JAVA_HOME", System.getProperty("java.home")),
        logs);
    runHealthcheck(
        compose,
        "postgres",
        shell,
        Map.of(),
        Map.of("PGHOST", pg.getHost(), "PGPORT", String.valueOf(pg.getPort())),
        logs);

    // the README's examples, each to SUCCEEDED through its sandbox channel
    List<String> ids = new ArrayList<>();
    ids.add(post(port, "/api/v1/payments", "application/json", "canonical-pay.json"));
    ids.add(
        post(
            port, "/inbound/alipay", "application/x-www-form-urlencoded", "alipay-precreate.form"));
    ids.add(
        post(
            port,
            "/inbound/wechatpay/v3/pay/transactions/native",
            "application/json",
            "wechatpay-native.json"));
    ids.add(
        post(
            port,
            "/inbound/unionpay",
            "application/x-www-form-urlencoded",
            "unionpay-consume.form"));
    for (String id : ids) {
      await("payment " + id + " SUCCEEDED")
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(500))
          .until(() -> status(port, id), "SUCCEEDED"::equals);
    }
    System.out.println(
        "COMPOSE env: "
            + env.size()
            + " variables, ready, health checks passed, "
            + ids.size()
            + " payments SUCCEEDED ("
            + dir
            + ")");
  }

  /** The value as this run sees it: service addresses and mounted paths where they really are. */
  private static String relocate(
      String value, Map<String, String> where, Map<String, Path> mounts) {
    String out = value;
    for (Map.Entry<String, String> e : where.entrySet()) {
      out = out.replace(e.getKey(), e.getValue());
    }
    for (Map.Entry<String, Path> m : mounts.entrySet()) {
      if (out.equals(m.getKey()) || out.startsWith(m.getKey() + "/")) {
        out = m.getValue() + out.substring(m.getKey().length());
      }
    }
    return out;
  }

  /**
   * Variables of this JVM that the hub would read and the container would not have: the child
   * process inherits them (ChildProcess adds to the environment, it cannot take away).
   */
  private static List<String> hubPropertiesInThisEnvironment(Map<String, String> env) {
    ComposeEnvBinding binding = ComposeEnvBinding.load();
    return System.getenv().keySet().stream()
        .filter(name -> !env.containsKey(name))
        .filter(name -> binding.propertyOf(name).isPresent())
        .sorted()
        .toList();
  }

  private static void runHealthcheck(
      ComposeFile compose,
      String service,
      Map<String, String> shell,
      Map<String, String> replacements,
      Map<String, String> extraEnv,
      Path logs)
      throws InterruptedException {
    List<String> test = compose.healthcheckTest(service);
    List<String> command = new ArrayList<>();
    if (test.get(0).equals("CMD-SHELL")) {
      command.addAll(List.of("sh", "-c", String.join(" ", test.subList(1, test.size()))));
    } else {
      command.addAll(test.subList(1, test.size()));
    }
    List<String> local =
        command.stream()
            .map(arg -> ComposeFile.interpolate(arg, shell))
            .map(
                arg -> {
                  String out = arg;
                  for (Map.Entry<String, String> r : replacements.entrySet()) {
                    out = out.replace(r.getKey(), r.getValue());
                  }
                  return out;
                })
            .toList();
    Map<String, String> env = new LinkedHashMap<>(compose.environment(service, shell));
    env.putAll(extraEnv);
    // fails with the command's output unless it exits 0
    ChildProcess.run(
        service + " health check",
        local,
        FaultPaths.project(),
        env,
        logs.resolve(service + "-health.log"));
  }

  private static String post(int port, String path, String contentType, String example)
      throws Exception {
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofFile(Path.of("examples", example)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(example + ": " + r.body()).isEqualTo(202);
    return JSON.readTree(r.body()).path("paymentId").asText();
  }

  private static String status(int port, String id) throws Exception {
    HttpResponse<String> r = get(port, "/api/v1/payments/" + id);
    return r.statusCode() == 200
        ? JSON.readTree(r.body()).path("payment").path("status").asText()
        : "HTTP " + r.statusCode();
  }

  private static HttpResponse<String> get(int port, String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(20))
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String jdbcUrl() {
    String url = System.getProperty(JDBC_VARIABLE);
    if (url == null || url.isBlank()) {
      url = System.getenv(JDBC_VARIABLE);
    }
    return url == null || url.isBlank() ? null : url.trim();
  }

  private static Map<String, String> query(URI uri) {
    Map<String, String> out = new LinkedHashMap<>();
    if (uri.getRawQuery() != null) {
      for (String pair : uri.getRawQuery().split("&")) {
        String[] kv = pair.split("=", 2);
        out.put(
            kv[0].toLowerCase(Locale.ROOT),
            kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
      }
    }
    return out;
  }

  /** The environment for a person to read next to the logs, passwords masked. */
  private static String envFile(Map<String, String> env) {
    StringBuilder b = new StringBuilder();
    env.forEach(
        (k, v) -> b.append(k).append('=').append(k.contains("PASSWORD") ? "***" : v).append('\n'));
    return b.toString();
  }
}
