package com.payhub.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.payhub.Samples;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With reload on, a route file dropped into the routes folder while the hub runs starts routing,
 * and a broken one is reported with file and line while everything else keeps working; the validate
 * command finds the same problem in the same file.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
@ExtendWith(OutputCaptureExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RouteReloadIT {

  private static final Path WORK = createWorkFolder();
  private static final Path ROUTES = WORK.resolve("routes");
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @LocalServerPort int port;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("payhub.route-files.routes-dir", ROUTES::toString);
    registry.add("payhub.route-files.adapters-dir", () -> WORK.resolve("adapters").toString());
    registry.add("camel.main.routes-reload-enabled", () -> "true");
    registry.add("payhub.data-dir", () -> WORK.resolve("data").toString());
    // a second hub in this JVM: its own in-VM broker id, no TCP acceptor
    registry.add("payhub.broker.tcp-acceptor", () -> "");
    registry.add("spring.artemis.embedded.server-id", () -> "7");
  }

  @Test
  @Order(1)
  void aNewRouteFileStartsRoutingWithoutRestart() throws Exception {
    assertThat(post("/inbound/partner-x").statusCode()).isEqualTo(404);

    dropAtomically(
        "partner-x.camel.yaml",
        """
        - route:
            id: ingest-http-partner-x
            routeConfigurationId: http-errors
            from:
              uri: platform-http:/inbound/partner-x
              parameters:
                httpMethodRestrict: POST
              steps:
                - setHeader:
                    name: PayHubDialect
                    constant: canonical
                - to:
                    uri: direct:accept
                - removeHeaders:
                    pattern: "PayHub*"
        """);

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(() -> assertThat(post("/inbound/partner-x").statusCode()).isEqualTo(202));
    assertThat(post("/inbound/partner-x").body()).contains("\"status\":\"DISPATCHED\"");
  }

  @Test
  @Order(2)
  void aBrokenRouteFileIsReportedWithFileAndLineAndBreaksNothingElse(CapturedOutput output)
      throws Exception {
    String broken =
        """
        - route:
            id: broken-flow
            from:
              uri: direct:broken
              steps:
                - fliter:
                    simple: "${body} != null"
        """;
    dropAtomically("broken-flow.camel.yaml", broken);

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(output.getAll())
                    .containsPattern(
                        "broken-flow\\.camel\\.yaml.*line 6|line 6.*broken-flow\\.camel\\.yaml"));
    assertThat(post("/api/v1/payments").statusCode()).isEqualTo(202);
    assertThat(post("/inbound/partner-x").statusCode()).isEqualTo(202);

    List<RouteProblem> problems =
        new RouteFileValidator().validate(List.of(ROUTES.resolve("broken-flow.camel.yaml")));
    assertThat(problems)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.file().getFileName().toString()).isEqualTo("broken-flow.camel.yaml");
              assertThat(p.line()).isEqualTo(6);
              assertThat(p.code()).isEqualTo("SCHEMA");
            });
  }

  private HttpResponse<String> post(String path) throws IOException, InterruptedException {
    String body = Samples.canonical("RL" + System.nanoTime(), null);
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Writes next to the folder and moves in, so the watcher never reads a half-written file. */
  private static void dropAtomically(String name, String content) throws IOException {
    Path staging = WORK.resolve(name + ".partial");
    Files.writeString(staging, content);
    Files.move(staging, ROUTES.resolve(name), StandardCopyOption.ATOMIC_MOVE);
  }

  private static Path createWorkFolder() {
    try {
      Path work = Files.createTempDirectory("payhub-reload");
      Files.createDirectories(work.resolve("routes"));
      Files.createDirectories(work.resolve("adapters"));
      try (Stream<Path> files = Files.list(Path.of("routes"))) {
        for (Path f : files.filter(p -> p.toString().endsWith(".camel.yaml")).toList()) {
          Files.copy(f, work.resolve("routes").resolve(f.getFileName()));
        }
      }
      return work;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
