package com.payhub.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * {@code docker-compose.yml} against the hub it runs: every value in it must be one the hub (or the
 * image it runs in) really reads. {@code ComposeEnvIT} then starts the hub with that environment.
 */
class ComposeFileTest {

  /** The only literal password the compose file may carry, as a default, documented in README. */
  static final String LOCAL_DEV_PASSWORD = "payhub-local-dev";

  private final ComposeFile compose = ComposeFile.load();
  private final ContainerDockerfile dockerfile = ContainerDockerfile.load();

  @Test
  void runsArtemis240PostgreSql15TheHubBuiltHereAndPinnedMonitoring() {
    assertThat(compose.services())
        .containsOnlyKeys("artemis", "postgres", "payhub", "prometheus", "grafana");
    assertThat(image("artemis")).matches("apache/activemq-artemis:2\\.40\\.\\d+");
    assertThat(image("postgres")).matches("postgres:15(\\.\\d+)?");
    assertThat(compose.service("payhub").get("build")).isEqualTo(".");
    assertThat(ContainerDockerfile.PATH).isRegularFile();
    assertThat(image("prometheus")).matches("prom/prometheus:v\\d+\\.\\d+\\.\\d+");
    assertThat(image("grafana")).matches("grafana/grafana:\\d+\\.\\d+\\.\\d+");
  }

  @Test
  void theHubStartsAfterAHealthyBrokerAndDatabaseAndReportsItsReadiness() {
    assertThat(compose.dependsOn("payhub"))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("artemis", "service_healthy", "postgres", "service_healthy"));
    for (String service : List.of("artemis", "postgres", "payhub", "prometheus")) {
      assertThat(compose.healthcheckTest(service))
          .as(service + " health check")
          .hasSizeGreaterThan(1);
    }
    assertThat(String.join(" ", compose.healthcheckTest("artemis")))
        .contains("artemis check node --up", "tcp://localhost:61616");
    assertThat(String.join(" ", compose.healthcheckTest("postgres"))).contains("pg_isready");

    // the readiness probe group exists and is what the hub's health check asks for, on its port
    assertThat(ComposeEnvBinding.hubDefault("management.endpoint.health.probes.enabled"))
        .isEqualTo("true");
    assertThat(ComposeEnvBinding.hubDefault("management.endpoint.health.group.readiness.include"))
        .contains("readinessState", "jms");
    String hubCheck = String.join(" ", compose.healthcheckTest("payhub"));
    assertThat(hubCheck)
        .contains("/dev/tcp/127.0.0.1/" + httpPort(), "GET /actuator/health/readiness ", " 200 ");
    assertThat(compose.dependsOn("grafana")).containsEntry("prometheus", "service_healthy");
  }

  @Test
  void everyRepoPathTheHubMountsExistsAndSitsWhereTheHubReadsIt() throws IOException {
    for (String service : compose.services().keySet()) {
      for (ComposeFile.Volume v : compose.volumes(service)) {
        if (v.bindsRepoPath() && !v.repoPath().equals(Path.of("keys"))) {
          assertThat(v.repoPath()).as(service + " mounts " + v.source()).exists();
          assertThat(v.readOnly()).as(service + " mounts " + v.source() + " read-only").isTrue();
        } else if (!v.bindsRepoPath()) {
          assertThat(compose.namedVolumes()).as(service).containsKey(v.source());
        }
      }
    }
    String workdir = dockerfile.workdir();
    Map<String, ComposeFile.Volume> hub = new TreeMap<>();
    compose.volumes("payhub").forEach(v -> hub.put(v.target(), v));

    // the route folders, read relative to the image's working directory
    for (String key : List.of("payhub.route-files.routes-dir", "payhub.route-files.adapters-dir")) {
      String folder = ComposeEnvBinding.hubDefault(key);
      assertThat(hub.get(workdir + "/" + folder))
          .as(key)
          .isEqualTo(new ComposeFile.Volume("./" + folder, workdir + "/" + folder, true));
    }

    // the keys: a git-ignored local folder (compose/make-keys.sh), read-only, named by the seal
    Map<String, String> env = compose.rawEnvironment("payhub");
    ComposeFile.Volume keys = hub.get(workdir + "/keys");
    assertThat(keys).isEqualTo(new ComposeFile.Volume("./keys", workdir + "/keys", true));
    assertThat(Files.readAllLines(Path.of(".gitignore"))).contains("/keys/");
    assertThat(Path.of("compose/make-keys.sh")).isExecutable();
    assertThat(env.get("PAYHUB_SEAL_KEYSTORE")).isEqualTo(keys.target() + "/seal.p12");
    assertThat(env.get("PAYHUB_SEAL_PASSWORD_FILE")).isEqualTo(keys.target() + "/seal.password");
    assertThat(env.get("PAYHUB_SEAL_GENERATE_IF_MISSING")).isEqualTo("false");

    // what the hub writes (generated sandbox keys) goes to a volume
    ComposeFile.Volume data = hub.get(env.get("PAYHUB_DATA_DIR"));
    assertThat(data).as("PAYHUB_DATA_DIR is a volume").isNotNull();
    assertThat(data.bindsRepoPath()).isFalse();
    assertThat(data.readOnly()).isFalse();
  }

  @Test
  void everyVariableOfTheHubSetsAPropertyTheHubReads() {
    ComposeEnvBinding binding = ComposeEnvBinding.load();
    Map<String, Optional<String>> bound = new TreeMap<>();
    compose
        .rawEnvironment("payhub")
        .keySet()
        .forEach(name -> bound.put(name, binding.propertyOf(name)));
    assertThat(bound).allSatisfy((name, property) -> assertThat(property).as(name).isPresent());
    assertThat(bound)
        .containsEntry("SPRING_ARTEMIS_BROKER_URL", Optional.of("spring.artemis.broker-url"))
        .containsEntry("PAYHUB_DATA_DIR", Optional.of("payhub.data-dir"))
        .containsEntry(
            "PAYHUB_SEAL_GENERATE_IF_MISSING", Optional.of("payhub.seal.generate-if-missing"));
    // the binding really tells a typo apart
    assertThat(binding.propertyOf("SPRING_ARTEMIS_BROKER_URI")).isEmpty();
    assertThat(binding.propertyOf("PAYHUB_SEAL_GENERATE_IF_MISING")).isEmpty();
  }

  @Test
  void theHubReachesTheBrokerAndTheDatabaseByTheirServiceNamesWithTheirCredentials() {
    Map<String, String> hub = compose.rawEnvironment("payhub");
    Map<String, String> artemis = compose.rawEnvironment("artemis");
    Map<String, String> postgres = compose.rawEnvironment("postgres");

    assertThat(hub)
        .containsEntry("SPRING_ARTEMIS_MODE", "native")
        .containsEntry("SPRING_ARTEMIS_EMBEDDED_ENABLED", "false")
        .containsEntry("SPRING_ARTEMIS_BROKER_URL", "tcp://artemis:61616");
    assertThat(hub.get("SPRING_ARTEMIS_USER")).isEqualTo(artemis.get("ARTEMIS_USER"));
    assertThat(hub.get("SPRING_ARTEMIS_PASSWORD")).isEqualTo(artemis.get("ARTEMIS_PASSWORD"));

    // with the defaults and with a variable set, the URL names the database postgres creates
    for (Map<String, String> shell :
        List.of(Map.<String, String>of(), Map.of("POSTGRES_DB", "x"))) {
      String url = compose.environment("payhub", shell).get("SPRING_DATASOURCE_URL");
      URI db = URI.create(url.substring("jdbc:".length()));
      assertThat(db.getScheme()).isEqualTo("postgresql");
      assertThat(db.getHost() + ":" + db.getPort()).isEqualTo("postgres:5432");
      assertThat(db.getPath())
          .isEqualTo("/" + compose.environment("postgres", shell).get("POSTGRES_DB"));
    }
    assertThat(hub.get("SPRING_DATASOURCE_USERNAME")).isEqualTo(postgres.get("POSTGRES_USER"));
    assertThat(hub.get("SPRING_DATASOURCE_PASSWORD")).isEqualTo(postgres.get("POSTGRES_PASSWORD"));

    // the sandbox channels answer (production would turn them off with its profile)
    assertThat(hub).containsEntry("PAYHUB_SANDBOX_CHANNELS_ENABLED", "true");
    assertThat(hub).doesNotContainKey("SPRING_PROFILES_ACTIVE");
  }

  @Test
  void secretsAreReferencedNeverInlined() throws IOException {
    List<String> findings = new ArrayList<>();
    for (String service : compose.services().keySet()) {
      compose
          .rawEnvironment(service)
          .forEach(
              (name, raw) -> {
                if (raw.contains("-----BEGIN")) {
                  findings.add(service + "." + name + " holds key material");
                }
                if (!name.matches("(?i).*(PASSWORD|SECRET|TOKEN|CREDENTIAL|PRIVATE).*")) {
                  return;
                }
                if (name.endsWith("_FILE")) {
                  // a file on a read-only mount: the secret stays in the file
                  boolean mounted =
                      compose.volumes(service).stream()
                          .anyMatch(v -> v.readOnly() && raw.startsWith(v.target() + "/"));
                  if (!mounted) {
                    findings.add(service + "." + name + " names no file of a read-only mount");
                  }
                  return;
                }
                Optional<ComposeFile.Reference> ref = ComposeFile.soleReference(raw);
                if (ref.isEmpty()) {
                  findings.add(service + "." + name + " is not a ${VARIABLE} reference: " + raw);
                } else if (ref.get().defaultValue().isPresent()
                    && !ref.get().defaultValue().get().equals(LOCAL_DEV_PASSWORD)) {
                  findings.add(service + "." + name + " defaults to an undocumented literal");
                }
              });
    }
    assertThat(findings).isEmpty();
    assertThat(Files.readString(Path.of("README.md")).contains("`" + LOCAL_DEV_PASSWORD + "`"))
        .as("README documents the local-dev default " + LOCAL_DEV_PASSWORD)
        .isTrue();
  }

  @Test
  void artemisOffersTheCoreProtocolWithTheHubsDeadLetterSettings() throws IOException {
    String extraArgs = compose.rawEnvironment("artemis").get("EXTRA_ARGS");
    assertThat(extraArgs)
        .contains(
            "--no-amqp-acceptor",
            "--no-mqtt-acceptor",
            "--no-stomp-acceptor",
            "--no-hornetq-acceptor");
    assertThat(compose.rawEnvironment("artemis")).containsEntry("ANONYMOUS_LOGIN", "false");

    List<String> command =
        ((List<?>) compose.service("artemis").get("command"))
            .stream().map(String::valueOf).toList();
    assertThat(command).hasSize(3).startsWith("run", "--properties");
    ComposeFile.Volume file =
        compose.volumes("artemis").stream()
            .filter(v -> v.target().equals(command.get(2)))
            .findFirst()
            .orElseThrow(() -> new AssertionError("broker.properties is not mounted"));
    Properties broker = new Properties();
    try (Reader in = Files.newBufferedReader(file.repoPath(), StandardCharsets.UTF_8)) {
      broker.load(in);
    }
    String s = "addressSettings.\"payments.#\".";
    // com.payhub.ops.DeadLetters puts a message that keeps failing on DLA::DLQ.<queue> on its
    // last attempt, which the hub counts up to payhub.broker.max-delivery-attempts
    assertThat(broker)
        .containsEntry(s + "deadLetterAddress", "DLA")
        .containsEntry(s + "deadLetterQueuePrefix", "DLQ.")
        .containsEntry(s + "autoCreateDeadLetterResources", "true")
        .containsEntry(
            s + "maxDeliveryAttempts",
            ComposeEnvBinding.hubDefault("payhub.broker.max-delivery-attempts"))
        .containsEntry("acceptorConfigurations.artemis.params.protocols", "CORE");
    // every queue and topic of the hub is a payments.* address: the settings cover them all
    assertThat(ComposeEnvBinding.hubDefaults())
        .allSatisfy(
            (key, value) -> {
              if (key.startsWith("payhub.queues.")) {
                assertThat(value).as(key).startsWith("payments.");
              }
            });
  }

  @Test
  void prometheusScrapesTheHubsPrometheusEndpoint() throws IOException {
    Map<String, Object> config = yaml(volumeSource("prometheus", "/etc/prometheus/prometheus.yml"));
    List<?> jobs = (List<?>) config.get("scrape_configs");
    Map<?, ?> job = (Map<?, ?>) jobs.get(0);
    assertThat(job.get("metrics_path")).isEqualTo("/actuator/prometheus");
    Map<?, ?> targets = (Map<?, ?>) ((List<?>) job.get("static_configs")).get(0);
    assertThat(String.valueOf(targets.get("targets"))).isEqualTo("[payhub:" + httpPort() + "]");
    assertThat(
            Arrays.asList(
                ComposeEnvBinding.hubDefault("management.endpoints.web.exposure.include")
                    .split(",")))
        .contains("prometheus");
  }

  @Test
  void grafanaIsProvisionedWithPrometheusAndTheRepositorysDashboards() throws IOException {
    ComposeFile.Volume mount = compose.volumes("grafana").get(0);
    assertThat(mount.source()).isEqualTo("./monitoring/grafana");
    String provisioning = compose.rawEnvironment("grafana").get("GF_PATHS_PROVISIONING");
    Path repoProvisioning = inRepo(mount, provisioning);
    assertThat(repoProvisioning).isEqualTo(Path.of("monitoring/grafana/provisioning"));

    Map<String, Object> ds = yaml(repoProvisioning.resolve("datasources/prometheus.yml"));
    Map<?, ?> prometheus = (Map<?, ?>) ((List<?>) ds.get("datasources")).get(0);
    assertThat(prometheus.get("type")).isEqualTo("prometheus");
    assertThat(prometheus.get("url")).isEqualTo("http://prometheus:9090");

    Map<String, Object> dashboards = yaml(repoProvisioning.resolve("dashboards/payhub.yml"));
    Map<?, ?> provider = (Map<?, ?>) ((List<?>) dashboards.get("providers")).get(0);
    String path = (String) ((Map<?, ?>) provider.get("options")).get("path");
    Path repoDashboards = inRepo(mount, path);
    assertThat(repoDashboards).isEqualTo(Path.of("monitoring/grafana/dashboards"));

    // the dashboard itself is written beside this work (README "What to watch")
    Path dashboard = repoDashboards.resolve("payhub.json");
    assumeTrue(Files.exists(dashboard), dashboard + " is not in this branch yet");
    try (Stream<Path> files = Files.list(repoDashboards)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
        JsonNode json = new ObjectMapper().readTree(f.toFile());
        assertThat(json.has("panels")).as(f + " is a Grafana dashboard").isTrue();
      }
    }
  }

  private String image(String service) {
    return String.valueOf(compose.service(service).get("image"));
  }

  private int httpPort() {
    return Integer.parseInt(ComposeEnvBinding.hubDefault("server.port"));
  }

  private Path volumeSource(String service, String target) {
    return compose.volumes(service).stream()
        .filter(v -> v.target().equals(target))
        .findFirst()
        .orElseThrow(() -> new AssertionError(service + " mounts nothing at " + target))
        .repoPath();
  }

  /** The repository path behind a container path inside a bind mount. */
  private static Path inRepo(ComposeFile.Volume mount, String containerPath) {
    assertThat(containerPath).startsWith(mount.target() + "/");
    return mount.repoPath().resolve(containerPath.substring(mount.target().length() + 1));
  }

  private static Map<String, Object> yaml(Path file) throws IOException {
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return ComposeFile.map(
          new Yaml(new SafeConstructor(new LoaderOptions())).load(in), file.toString());
    }
  }
}
