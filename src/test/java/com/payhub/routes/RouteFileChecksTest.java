package com.payhub.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Edge cases of the individual checks, each on a small route file written on the fly. */
class RouteFileChecksTest {

  @TempDir Path dir;

  private final RouteFileValidator validator = new RouteFileValidator(List.of("com.payhub."));

  private List<RouteProblem> validate(String yaml) throws IOException {
    Path file = Files.writeString(dir.resolve("test.camel.yaml"), yaml);
    return validator.validate(List.of(file));
  }

  private static String route(String... steps) {
    StringBuilder yaml =
        new StringBuilder("- route:\n    id: r\n    from:\n      uri: direct:r\n      steps:\n");
    for (String step : steps) {
      yaml.append("        ").append(step).append('\n');
    }
    return yaml.toString();
  }

  @Test
  void placeholdersAndDynamicUrisAreNotChecked() throws IOException {
    assertThat(
            validate(
                route(
                    "- to: \"{{payhub.target}}\"",
                    "- toD: \"${header.next}\"",
                    "- enrich: {simple: \"${header.source}\"}",
                    "- recipientList: {constant: \"jmz:a,jmz:b\"}")))
        .isEmpty();
  }

  @Test
  void everyEndpointPositionIsChecked() throws IOException {
    List<RouteProblem> problems =
        validate(
            route(
                "- toD: \"jmz:queue:${header.q}\"", // line 6
                "- wireTap: {uri: \"jmz:audit\"}", // line 7
                "- enrich: {constant: \"jmz:rates\"}", // line 8
                "- pollEnrich: {expression: {constant: \"jmz:file\"}}", // line 9
                "- to: {uri: \"jmz:x\"}")); // line 10

    assertThat(problems)
        .extracting(RouteProblem::code, RouteProblem::line)
        .containsExactly(
            tuple("UNKNOWN_SCHEME", 6),
            tuple("UNKNOWN_SCHEME", 7),
            tuple("UNKNOWN_SCHEME", 8),
            tuple("UNKNOWN_SCHEME", 9),
            tuple("UNKNOWN_SCHEME", 10));
  }

  @Test
  void kameletNeedsTheKameletComponent() throws IOException {
    List<RouteProblem> problems =
        validate(route("- kamelet: {name: payhub-sink}", "- to: \"kamelet:other\""));

    assertThat(problems)
        .extracting(RouteProblem::code, RouteProblem::line)
        .containsExactly(tuple("COMPONENT_NOT_AVAILABLE", 6), tuple("COMPONENT_NOT_AVAILABLE", 7));
  }

  @Test
  void topLevelFromIsARouteWithoutId() throws IOException {
    List<RouteProblem> problems =
        validate("- from:\n    uri: direct:a\n    steps:\n      - to: log:a\n");

    assertThat(problems)
        .extracting(RouteProblem::code, RouteProblem::line, RouteProblem::column)
        .containsExactly(tuple("MISSING_ROUTE_ID", 1, 3));
  }

  @Test
  void classesReachedThroughBeanReferencesAndClassEndpointsAreChecked() throws IOException {
    List<RouteProblem> problems =
        validate(
            route(
                "- to: \"class:java.lang.ProcessBuilder\"", // line 6
                "- to: \"bean:java.lang.Runtime?method=getRuntime\"", // line 7
                "- bean: {ref: java.lang.Runtime, method: exec}", // line 8
                "- bean: {beanType: com.payhub.Audit}", // line 9, allowed
                "- to: \"bean:auditBean\"", // line 10, a bean name
                "- setBody: {method: {beanType: javax.script.ScriptEngineManager}}")); // line 11

    assertThat(problems)
        .extracting(RouteProblem::code, RouteProblem::line)
        .containsExactly(
            tuple("BEAN_CLASS_NOT_ALLOWED", 6),
            tuple("BEAN_CLASS_NOT_ALLOWED", 7),
            tuple("BEAN_CLASS_NOT_ALLOWED", 8),
            tuple("BEAN_CLASS_NOT_ALLOWED", 11));
  }

  @Test
  void beanTypeGivenAsClassReferenceIsReportedOnce() throws IOException {
    List<RouteProblem> problems =
        validate(
            "- beans:\n    - name: pb\n      type: \"#class:java.lang.ProcessBuilder('ls')\"\n");

    assertThat(problems)
        .extracting(RouteProblem::code, RouteProblem::line)
        .containsExactly(tuple("BEAN_CLASS_NOT_ALLOWED", 3));
    assertThat(problems.get(0).message()).contains("'java.lang.ProcessBuilder'");
  }

  @Test
  void packagePrefixWithoutDotDoesNotAllowLookalikePackages() {
    BeanClassCheck check = new BeanClassCheck(List.of("com.acme"));

    assertThat(check.isAllowed("com.acme.Foo")).isTrue();
    assertThat(check.isAllowed("com.acme")).isTrue();
    assertThat(check.isAllowed("com.acmeevil.Foo")).isFalse();
  }

  @Test
  void scalarsAreAcceptedTheWayCamelConvertsThem() throws IOException {
    String yaml =
        "- route:\n    id: r\n    autoStartup: \"{{auto}}\"\n    startupOrder: \"10\"\n"
            + "    from:\n      uri: direct:r\n      steps:\n        - setHeader: {name: code, constant: 404}\n"
            + "- route:\n    id: s\n    autoStartup: maybe\n    from: {uri: direct:s, steps: []}\n";

    assertThat(validate(yaml))
        .extracting(RouteProblem::code, RouteProblem::line, RouteProblem::message)
        .containsExactly(
            tuple(
                "SCHEMA",
                11,
                "must be true, false or a {{placeholder}} (at $[1].route.autoStartup)"));
  }

  @Test
  void oneTypoInsideAnExpressionGivesFocusedErrors() throws IOException {
    List<RouteProblem> problems =
        validate(route("- setHeader:", "    name: x", "    simple: {expresion: abc}"));

    assertThat(problems)
        .extracting(RouteProblem::code, RouteProblem::line, RouteProblem::column)
        .containsExactly(tuple("SCHEMA", 8, 13), tuple("SCHEMA", 8, 22));
    assertThat(problems).extracting(RouteProblem::message).anyMatch(m -> m.contains("'expresion'"));
  }

  @Test
  void alternativesCollapseIntoOneErrorPerPlace() throws IOException {
    List<RouteProblem> problems =
        validate(
            route(
                "- to: [log:a, log:b]", // line 6
                "- filter: {simple: \"${body}\", constant: x, steps: []}", // line 7
                "- log: {}")); // line 8

    assertThat(problems)
        .extracting(RouteProblem::code, RouteProblem::line)
        .containsExactly(tuple("SCHEMA", 6), tuple("SCHEMA", 7), tuple("SCHEMA", 8));
    assertThat(problems.get(0).message()).startsWith("array found, string or object expected");
    assertThat(problems.get(1).message()).contains("one expression language per step");
    assertThat(problems.get(2).message()).startsWith("required property 'message' not found");
  }

  @Test
  void repeatedKeyIsReported() throws IOException {
    List<RouteProblem> problems =
        validate("- route:\n    id: a\n    id: b\n    from: {uri: direct:a, steps: []}\n");

    assertThat(problems)
        .extracting(RouteProblem::code, RouteProblem::line, RouteProblem::column)
        .containsExactly(tuple("DUPLICATE_KEY", 3, 5));
  }

  @Test
  void unterminatedQuoteTellsWhereTheScalarStarted() throws IOException {
    List<RouteProblem> problems =
        validate("- route:\n    id: a\n    from:\n      uri: \"direct:a\n");

    assertThat(problems)
        .extracting(RouteProblem::code, RouteProblem::line)
        .containsExactly(tuple("YAML_SYNTAX", 5));
    assertThat(problems.get(0).message()).contains("line 4, column 12");
  }

  @Test
  void suggestionsPreferTheClosestName() {
    ComponentCatalog catalog = ComponentCatalog.ofContextClassLoader();

    assertThat(catalog.suggest("jmz")).contains("jms");
    assertThat(catalog.suggest("kafak")).contains("kafka");
    assertThat(catalog.suggest("qqqqqqqq")).isEmpty();
    assertThat(ComponentCatalog.distance("kitten", "sitting")).isEqualTo(3);
  }
}
