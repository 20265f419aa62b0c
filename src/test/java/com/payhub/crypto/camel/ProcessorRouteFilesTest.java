package com.payhub.crypto.camel;

import static org.assertj.core.api.Assertions.assertThat;

import com.payhub.routes.RouteFileValidator;
import com.payhub.routes.RouteProblem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The processor route files the tests load pass the hub's route validator: YAML DSL schema, route
 * ids and the class allow-list ({@code com.payhub.}), so they are what a real route file may say.
 */
class ProcessorRouteFilesTest {

  static final Path FIXTURES = Path.of("src/test/resources/processors");

  @Test
  void everyProcessorRouteFilePassesTheValidator() throws Exception {
    List<Path> files;
    try (Stream<Path> list = Files.list(FIXTURES)) {
      files = list.filter(p -> p.toString().endsWith(".camel.yaml")).sorted().toList();
    }

    assertThat(files).hasSizeGreaterThanOrEqualTo(8);
    assertThat(new RouteFileValidator().validate(files)).isEmpty();
  }

  @Test
  void theValidatorDoesLookAtBeanTypes(@TempDir Path dir) throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("outside.camel.yaml"),
            Files.readString(FIXTURES.resolve("key-ring.camel.yaml"))
                .replace(
                    "com.payhub.channel.alipay.AlipaySignProcessor", "java.lang.ProcessBuilder"));

    List<RouteProblem> problems = new RouteFileValidator().validate(List.of(file));

    assertThat(problems).extracting(RouteProblem::code).containsExactly("BEAN_CLASS_NOT_ALLOWED");
  }
}
