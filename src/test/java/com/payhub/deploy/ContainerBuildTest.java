package com.payhub.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.payhub.PayHubApplication;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The image can't be built here (no Docker daemon, no registry), so its two build descriptions are
 * read instead: the {@code Dockerfile} (compose, the OpenShift BuildConfig) and the {@code
 * jib-maven-plugin} configuration ({@code ./mvnw jib:build}). Each must describe an image that
 * OpenShift's restricted SCC runs (non-root numeric user, group-0 writable folders), that starts
 * the hub where it finds its route folders, and both must describe the same image.
 */
class ContainerBuildTest {

  private static final String BASE = "registry.access.redhat.com/ubi9/openjdk-17-runtime";

  private final ContainerDockerfile docker = ContainerDockerfile.load();
  private final ContainerJib jib = ContainerJib.load();

  @Test
  void bothBuildOnTheSamePinnedUbiJre17() {
    assertThat(docker.from()).isEqualTo(jib.from()).matches(BASE + ":\\d+\\.\\d+(-[\\w.]+)?");
    assertThat(jib.version()).isEqualTo("3.5.2");
    assertThat(jib.executions()).as("jib runs only when asked for (no registry in CI)").isZero();
  }

  @Test
  void bothRunAsTheSameNumericNonRootUserInGroupZero() {
    assertThat(docker.user()).isEqualTo(jib.user()).matches("\\d+:0");
    assertThat(docker.uid()).isPositive();
  }

  @Test
  void bothStartTheHubsMainClassFromTheWorkingDirectoryTheHubReadsItsFoldersFrom()
      throws NoSuchMethodException {
    assertThat(docker.workdir()).isEqualTo(jib.workingDirectory()).isEqualTo("/deployments");

    // Dockerfile: java -jar <the Spring Boot jar that ./mvnw package builds>
    List<String> entry = docker.entrypoint();
    assertThat(entry).hasSize(3).startsWith("java", "-jar");
    assertThat(docker.copies())
        .contains(new ContainerDockerfile.Copy("target/" + jib.finalName() + ".jar", entry.get(2)));

    // Jib: java -cp <Jib's layout> <the same main class>
    assertThat(jib.entrypoint())
        .containsExactly(
            "java",
            "-cp",
            "/app/resources:/app/classes:/app/libs/*",
            PayHubApplication.class.getName());
    assertThat(PayHubApplication.class.isAnnotationPresent(SpringBootApplication.class)).isTrue();
    Method main = PayHubApplication.class.getMethod("main", String[].class);
    assertThat(Modifier.isStatic(main.getModifiers())).isTrue();
  }

  @Test
  void bothExposeOnlyTheHubsHttpPort() {
    int httpPort = Integer.parseInt(ComposeEnvBinding.hubDefault("server.port"));
    assertThat(docker.exposed()).isEqualTo(jib.ports()).containsExactly(httpPort);
  }

  @Test
  void bothGiveTheJvmTheSameEnvironment() {
    assertThat(docker.env()).isEqualTo(jib.environment()).containsOnlyKeys("JAVA_TOOL_OPTIONS");
    assertThat(docker.env().get("JAVA_TOOL_OPTIONS"))
        .contains("-XX:MaxRAMPercentage=", "-XX:+ExitOnOutOfMemoryError", "-Dfile.encoding=UTF-8")
        .doesNotContain("-Xmx");
  }

  @Test
  void bothCarryTheRouteFoldersWhereTheHubReadsThem() {
    String routes = ComposeEnvBinding.hubDefault("payhub.route-files.routes-dir");
    String adapters = ComposeEnvBinding.hubDefault("payhub.route-files.adapters-dir");
    for (String folder : List.of(routes, adapters)) {
      String inImage = docker.workdir() + "/" + folder;
      assertThat(jib.extraDirectories()).containsEntry(folder, inImage);
      assertThat(docker.copies())
          .contains(new ContainerDockerfile.Copy(folder + "/", inImage + "/"));
    }
  }

  @Test
  void theFoldersTheHubWritesBelongToGroupZeroWithTheOwnersRights() {
    String dataDir =
        docker.workdir() + "/" + ComposeEnvBinding.hubDefault("payhub.data-dir").replace("./", "");

    // Dockerfile: a RUN as root gives the data folder and /tmp to group 0 with g=u
    Set<String> groupZero = new HashSet<>();
    Set<String> groupLikeOwner = new HashSet<>();
    for (ContainerDockerfile.Run run : docker.runs()) {
      if (!run.user().equals("0") && !run.user().equals("root")) {
        continue;
      }
      for (String command : run.command().split("&&")) {
        List<String> words = new ArrayList<>(Arrays.asList(command.trim().split("\\s+")));
        words.removeIf(w -> w.equals("-R"));
        List<String> paths = words.size() > 2 ? words.subList(2, words.size()) : List.of();
        switch (words.get(0)) {
          case "chown" -> {
            if (words.get(1).endsWith(":0")) {
              groupZero.addAll(paths);
            }
          }
          case "chgrp" -> {
            if (words.get(1).equals("0")) {
              groupZero.addAll(paths);
            }
          }
          case "chmod" -> {
            if (words.get(1).equals("g=u")) {
              groupLikeOwner.addAll(paths);
            }
          }
          default -> {
            // mkdir and the like
          }
        }
      }
    }
    assertThat(groupZero).contains(dataDir, "/tmp");
    assertThat(groupLikeOwner).contains(dataDir, "/tmp");

    // Jib: every file it adds belongs to root (uid 0, gid 0); the data folder gets rwx for group
    // too. /tmp is the base image's (root:root 1777), which Jib leaves alone.
    String mode = jib.permissions().get(dataDir);
    assertThat(mode).as("jib permission for " + dataDir).isNotNull().hasSize(3);
    assertThat(mode.charAt(1)).isEqualTo(mode.charAt(0)).isEqualTo('7');
    assertThat(jib.extraDirectories()).containsEntry("src/main/jib", "/");
    assertThat(Path.of("src/main/jib" + dataDir)).isDirectory();
  }

  @Test
  void theBuildContextHoldsWhatTheDockerfileCopiesAndNothingSecret() throws IOException {
    List<String> ignore =
        Files.readAllLines(Path.of(".dockerignore"), StandardCharsets.UTF_8).stream()
            .map(String::strip)
            .filter(l -> !l.isEmpty() && !l.startsWith("#"))
            .toList();
    for (ContainerDockerfile.Copy copy : docker.copies()) {
      Path source = Path.of(copy.source());
      List<Path> files;
      if (Files.isDirectory(source)) {
        try (Stream<Path> walk = Files.walk(source)) {
          files = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(files).as(copy.source()).isNotEmpty();
      } else {
        files = List.of(source);
      }
      for (Path f : files) {
        assertThat(dockerIgnores(ignore, f.toString())).as("context has " + f).isFalse();
      }
    }
    for (String excluded :
        List.of("keys/seal.p12", "data/keys/seal.p12", "src/main/java/x.java", "target/classes")) {
      assertThat(dockerIgnores(ignore, excluded)).as("context leaves out " + excluded).isTrue();
    }
  }

  /** Docker's rule: the last pattern that matches the path or one of its parents decides. */
  private static boolean dockerIgnores(List<String> patterns, String path) {
    boolean ignored = false;
    for (String raw : patterns) {
      boolean negated = raw.startsWith("!");
      String glob = (negated ? raw.substring(1) : raw).replaceAll("^/+|/+$", "");
      var matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
      for (Path p = Path.of(path); p != null; p = p.getParent()) {
        if (matcher.matches(p)) {
          ignored = !negated;
          break;
        }
      }
    }
    return ignored;
  }

  @Test
  void dockerfileReadsAsDockerWould() {
    ContainerDockerfile parsed =
        ContainerDockerfile.parse(
            """
            FROM base:1.0 AS x
            # comment
            USER 0
            RUN mkdir -p /a \\
             && chmod g=u /a
            ENV A="one two" B=three
            USER 185:0
            EXPOSE 8080 9090/tcp
            ENTRYPOINT ["java", "-jar", "/a/app.jar"]
            """);
    assertThat(parsed.from()).isEqualTo("base:1.0");
    assertThat(parsed.runs())
        .containsExactly(new ContainerDockerfile.Run("0", "mkdir -p /a  && chmod g=u /a"));
    assertThat(parsed.env()).isEqualTo(Map.of("A", "one two", "B", "three"));
    assertThat(parsed.user()).isEqualTo("185:0");
    assertThat(parsed.exposed()).containsExactly(8080, 9090);
    assertThat(parsed.entrypoint()).containsExactly("java", "-jar", "/a/app.jar");
  }
}
