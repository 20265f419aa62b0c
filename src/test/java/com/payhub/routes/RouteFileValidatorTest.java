package com.payhub.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * Runs the validator on the fixtures in src/test/resources/routes-validate: one file per kind of
 * problem.
 */
class RouteFileValidatorTest {

  private final RouteFileValidator validator = new RouteFileValidator(List.of("com.payhub."));

  static Path fixture(String name) {
    try {
      return Path.of(
          Objects.requireNonNull(
                  RouteFileValidatorTest.class.getResource("/routes-validate/" + name), name)
              .toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private List<RouteProblem> validate(String name) {
    return validator.validate(List.of(fixture(name)));
  }

  @Test
  void validFileHasNoProblemsAndItsRoutesAreCounted() {
    RouteFileValidator.Report report = validator.check(List.of(fixture("valid")));

    assertThat(report.problems()).isEmpty();
    assertThat(report.files()).isEqualTo(1);
    assertThat(report.routes()).isEqualTo(2);
  }

  @Test
  void yamlSyntaxErrorIsReportedAtTheMarkOfTheError() {
    assertThat(validate("broken/yaml-syntax.camel.yaml"))
        .extracting(RouteProblem::code, RouteProblem::line, RouteProblem::column)
        .containsExactly(tuple("YAML_SYNTAX", 6, 6));
  }

  @Test
  void unknownStepIsASchemaErrorAtTheStepKey() {
    List<RouteProblem> problems = validate("broken/schema-unknown-step.camel.yaml");

    assertThat(problems)
        .extracting(RouteProblem::code, RouteProblem::line, RouteProblem::column)
        .containsExactly(tuple("SCHEMA", 7, 11));
    assertThat(problems.get(0).message()).contains("'fliter'").contains("$[0].route.from.steps[0]");
  }

  @Test
  void fromOfTheWrongTypeIsASchemaErrorAtTheValue() {
    List<RouteProblem> problems = validate("broken/schema-from-type.camel.yaml");

    assertThat(problems)
        .extracting(RouteProblem::code, RouteProblem::line)
        .containsExactly(tuple("SCHEMA", 4));
    assertThat(problems.get(0).message())
        .isEqualTo("string found, object expected (at $[0].route.from)");
  }

  @Test
  void misspelledSchemeIsUnknownWithASuggestion() {
    List<RouteProblem> problems = validate("broken/unknown-scheme.camel.yaml");

    assertThat(problems)
        .extracting(RouteProblem::code, RouteProblem::line, RouteProblem::column)
        .containsExactly(tuple("UNKNOWN_SCHEME", 7, 15));
    assertThat(problems.get(0).message()).contains("'jmz'").endsWith("did you mean 'jms'?");
  }

  @Test
  void componentCamelHasButTheHubDoesNotIsNotAvailable() {
    List<RouteProblem> problems = validate("broken/absent-component.camel.yaml");

    assertThat(problems)
        .extracting(RouteProblem::code, RouteProblem::line)
        .containsExactly(tuple("COMPONENT_NOT_AVAILABLE", 8));
    assertThat(problems.get(0).message())
        .startsWith("component 'kafka' exists in Camel but is not part of this hub");
  }

  @Test
  void routeIdUsedInTwoFilesIsReportedOnTheSecondNamingTheFirst() {
    Path first = fixture("duplicate/first.camel.yaml");
    Path second = fixture("duplicate/second.camel.yaml");

    List<RouteProblem> problems = validator.validate(List.of(fixture("duplicate")));

    assertThat(problems)
        .extracting(RouteProblem::file, RouteProblem::code, RouteProblem::line)
        .containsExactly(tuple(second, "DUPLICATE_ROUTE_ID", 4));
    assertThat(problems.get(0).message()).contains("'payments-outbound'").endsWith(first + ":3");
  }

  @Test
  void theSameFileGivenTwiceIsValidatedOnce() {
    Path file = fixture("duplicate/first.camel.yaml");

    assertThat(validator.check(List.of(file, file, fixture("duplicate"))).files()).isEqualTo(2);
    assertThat(validator.validate(List.of(file, file))).isEmpty();
  }

  @Test
  void routeWithoutIdIsReportedAtTheRouteKey() {
    assertThat(validate("broken/missing-id.camel.yaml"))
        .extracting(RouteProblem::code, RouteProblem::line, RouteProblem::column)
        .containsExactly(tuple("MISSING_ROUTE_ID", 2, 3));
  }

  @Test
  void classValueOutsideTheAllowListIsReported() {
    List<RouteProblem> problems = validate("broken/class-value.camel.yaml");

    assertThat(problems)
        .extracting(RouteProblem::code, RouteProblem::line)
        .containsExactly(tuple("BEAN_CLASS_NOT_ALLOWED", 10));
    assertThat(problems.get(0).message())
        .isEqualTo(
            "route files are code: class 'java.lang.ProcessBuilder' is outside the allow-list [com.payhub.]");
  }

  @Test
  void beanTypeOutsideTheAllowListIsReported() {
    List<RouteProblem> problems = validate("broken/bean-type.camel.yaml");

    assertThat(problems)
        .extracting(RouteProblem::code, RouteProblem::line, RouteProblem::column)
        .containsExactly(tuple("BEAN_CLASS_NOT_ALLOWED", 4, 13));
    assertThat(problems.get(0).message()).contains("'java.lang.Runtime'");
  }

  @Test
  void allowListIsConfigurable() {
    RouteFileValidator lenient =
        new RouteFileValidator(List.of("com.payhub.", "java.lang.Runtime"));

    assertThat(lenient.validate(List.of(fixture("broken/bean-type.camel.yaml")))).isEmpty();
    assertThat(lenient.validate(List.of(fixture("broken/class-value.camel.yaml"))))
        .extracting(RouteProblem::code)
        .containsExactly("BEAN_CLASS_NOT_ALLOWED");
  }

  @Test
  void directoriesAreWalkedRecursivelyInSortedOrder() {
    RouteFileValidator.Report report = validator.check(List.of(fixture("")));

    assertThat(report.files()).isEqualTo(11);
    assertThat(report.problems())
        .extracting(problem -> problem.file().getFileName().toString())
        .containsExactly(
            "absent-component.camel.yaml",
            "bean-type.camel.yaml",
            "class-value.camel.yaml",
            "missing-id.camel.yaml",
            "schema-from-type.camel.yaml",
            "schema-unknown-step.camel.yaml",
            "unknown-scheme.camel.yaml",
            "yaml-syntax.camel.yaml",
            "second.camel.yaml");
  }

  @Test
  void missingPathIsAProblemNotAnException() {
    Path missing = fixture("valid").resolve("nope.camel.yaml");

    assertThat(validator.validate(List.of(missing)))
        .extracting(RouteProblem::code, RouteProblem::line, RouteProblem::column)
        .containsExactly(tuple("NOT_FOUND", 1, 1));
  }

  @Test
  void problemPrintsLikeACompilerMessage() {
    RouteProblem problem =
        new RouteProblem(Path.of("routes/a.camel.yaml"), 7, 15, "UNKNOWN_SCHEME", "boom");

    assertThat(problem).hasToString("routes/a.camel.yaml:7:15: UNKNOWN_SCHEME boom");
  }
}
