package com.payhub.routes;

import static com.payhub.routes.RouteFileValidatorTest.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValidateCommandTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return ValidateCommand.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private static List<String> lines(ByteArrayOutputStream stream) {
    String text = stream.toString(StandardCharsets.UTF_8);
    return text.isEmpty() ? List.of() : List.of(text.split("\\R"));
  }

  @Test
  void cleanDirectoryExitsZeroWithOneSummaryLine() {
    int exit = run(fixture("valid").toString());

    assertThat(exit).isEqualTo(0);
    assertThat(lines(out)).containsExactly("OK: 1 file, 2 routes");
    assertThat(lines(err)).isEmpty();
  }

  @Test
  void problemsExitOneWithOneLinePerProblemOnStandardError() {
    Path scheme = fixture("broken/unknown-scheme.camel.yaml");
    Path missingId = fixture("broken/missing-id.camel.yaml");

    int exit = run(scheme.toString(), missingId.toString());

    assertThat(exit).isEqualTo(1);
    assertThat(lines(out)).isEmpty();
    assertThat(lines(err))
        .containsExactly(
            scheme
                + ":7:15: UNKNOWN_SCHEME unknown endpoint scheme 'jmz' in 'jmz:queue:x', did you mean 'jms'?",
            missingId
                + ":2:3: MISSING_ROUTE_ID route from 'direct:missing-id' has no id;"
                + " PayHub routes need an explicit 'id:'");
  }

  @Test
  void duplicateIdsAreFoundAcrossTheFilesOfOneRun() {
    Path first = fixture("duplicate/first.camel.yaml");
    Path second = fixture("duplicate/second.camel.yaml");

    int exit = run(first.toString(), second.toString());

    assertThat(exit).isEqualTo(1);
    assertThat(lines(err))
        .containsExactly(
            second
                + ":4:9: DUPLICATE_ROUTE_ID route id 'payments-outbound'"
                + " is already used at "
                + first
                + ":3");
  }

  @Test
  void allowClassPrefixExtendsTheAllowList() {
    String file = fixture("broken/bean-type.camel.yaml").toString();

    assertThat(run(file)).isEqualTo(1);
    assertThat(lines(err)).singleElement().asString().contains("BEAN_CLASS_NOT_ALLOWED");

    err.reset();
    assertThat(run("--allow-class-prefix", "java.lang.Runtime", file)).isEqualTo(0);
    assertThat(lines(out)).containsExactly("OK: 1 file, 1 route");
    assertThat(lines(err)).isEmpty();
  }

  @Test
  void noPathsIsAUsageError() {
    assertThat(run()).isEqualTo(2);
    assertThat(lines(err)).first().isEqualTo("validate: no route files or directories given");
    assertThat(lines(err)).anyMatch(line -> line.startsWith("usage: validate"));
    assertThat(lines(out)).isEmpty();
  }

  @Test
  void missingPathIsAUsageError() {
    Path missing = fixture("valid").resolve("missing");

    assertThat(run(missing.toString())).isEqualTo(2);
    assertThat(lines(err)).first().isEqualTo("validate: no such file or directory: " + missing);
  }

  @Test
  void optionWithoutValueOrUnknownOptionIsAUsageError() {
    assertThat(run(fixture("valid").toString(), "--allow-class-prefix")).isEqualTo(2);
    assertThat(lines(err)).first().isEqualTo("validate: --allow-class-prefix needs a value");

    err.reset();
    assertThat(run("--strict", fixture("valid").toString())).isEqualTo(2);
    assertThat(lines(err)).first().isEqualTo("validate: unknown option --strict");
  }
}
