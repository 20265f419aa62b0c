package com.payhub.fault;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Where the fault tests find what the build made ({@code payhub.jar} from {@code package}, Artemis
 * unpacked by the dependency plugin in {@code pre-integration-test}; failsafe passes both paths as
 * system properties) and where each run keeps its broker, ledger, keys and logs: {@code
 * target/fault/<scenario>-<time>/}, kept after the run for a person to read.
 */
final class FaultPaths {

  static final String ARTEMIS_HOME = "payhub.fault.artemis-home";
  static final String JAR = "payhub.fault.jar";

  private FaultPaths() {}

  /** The project folder: the hub reads {@code routes/} and {@code channel-adapters/} from it. */
  static Path project() {
    return Path.of("").toAbsolutePath();
  }

  static Path jar() {
    Path jar = Path.of(System.getProperty(JAR, "target/payhub.jar")).toAbsolutePath();
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          jar + " is missing: run the fault tests through ./mvnw verify (package builds the jar)");
    }
    return jar;
  }

  static Path artemisHome() {
    Path home =
        Path.of(System.getProperty(ARTEMIS_HOME, "target/artemis/apache-artemis-2.40.0"))
            .toAbsolutePath();
    if (!Files.isExecutable(home.resolve("bin/artemis"))) {
      throw new IllegalStateException(
          home
              + "/bin/artemis is missing: run the fault tests through ./mvnw verify"
              + " (pre-integration-test unpacks Artemis)");
    }
    return home;
  }

  /** A new folder for one scenario's run. */
  static Path runDir(String scenario) {
    String time = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    Path dir = jar().getParent().resolve("fault").resolve(scenario + "-" + time);
    try {
      return Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The java launcher of the JVM running the tests: the children run on the same JDK. */
  static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
