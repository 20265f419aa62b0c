package com.payhub.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * {@code docker-compose.yml} as Compose reads it: services, their environment after Compose's
 * variable interpolation ({@code ${VAR}}, {@code ${VAR:-default}}, {@code ${VAR:?error}}, {@code
 * $$}), and their volumes in the short syntax ({@code source:target[:mode]}).
 */
public final class ComposeFile {

  /** The repository's compose file, relative to the project folder the tests run in. */
  public static final Path PATH = Path.of("docker-compose.yml");

  private static final Pattern VARIABLE =
      Pattern.compile(
          "\\$(?:(\\$)|\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?}|([A-Za-z_][A-Za-z0-9_]*))");

  private final Map<String, Object> root;

  private ComposeFile(Map<String, Object> root) {
    this.root = root;
  }

  public static ComposeFile load() {
    return load(PATH);
  }

  public static ComposeFile load(Path file) {
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
      return new ComposeFile(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Map<String, Object> services() {
    return map(root.get("services"), "services");
  }

  public Map<String, Object> service(String name) {
    Object service = services().get(name);
    if (service == null) {
      throw new IllegalArgumentException("docker-compose.yml has no service '" + name + "'");
    }
    return map(service, "services." + name);
  }

  public Map<String, Object> namedVolumes() {
    Object volumes = root.get("volumes");
    return volumes == null ? Map.of() : map(volumes, "volumes");
  }

  /** The service's environment as written, before interpolation. */
  public Map<String, String> rawEnvironment(String service) {
    Object env = service(service).get("environment");
    Map<String, String> out = new LinkedHashMap<>();
    if (env instanceof Map<?, ?> m) {
      m.forEach((k, v) -> out.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
    } else if (env instanceof List<?> l) {
      for (Object entry : l) {
        String s = String.valueOf(entry);
        int eq = s.indexOf('=');
        out.put(eq < 0 ? s : s.substring(0, eq), eq < 0 ? "" : s.substring(eq + 1));
      }
    } else if (env != null) {
      throw new IllegalStateException(service + ".environment is neither a map nor a list");
    }
    return out;
  }

  /** The environment the service's container gets, with {@code variables} as the shell's. */
  public Map<String, String> environment(String service, Map<String, String> variables) {
    Map<String, String> out = new LinkedHashMap<>();
    rawEnvironment(service).forEach((k, v) -> out.put(k, interpolate(v, variables)));
    return out;
  }

  /** Compose's interpolation of one value. */
  public static String interpolate(String value, Map<String, String> variables) {
    Matcher m = VARIABLE.matcher(value);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(resolve(m, variables)));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String resolve(Matcher m, Map<String, String> variables) {
    if (m.group(1) != null) {
      return "$";
    }
    String name = m.group(2) != null ? m.group(2) : m.group(5);
    String value = variables.get(name);
    String op = m.group(3);
    if (op == null) {
      return value == null ? "" : value;
    }
    boolean unsetOrEmpty = value == null || (op.startsWith(":") && value.isEmpty());
    if (op.endsWith("-")) {
      return unsetOrEmpty ? m.group(4) : value;
    }
    if (unsetOrEmpty) {
      throw new IllegalArgumentException("${" + name + "} is required: " + m.group(4));
    }
    return value;
  }

  /** One variable reference, e.g. {@code ${ARTEMIS_PASSWORD:-payhub-local-dev}}. */
  public record Reference(String variable, Optional<String> defaultValue) {}

  /** The reference when the whole value is exactly one {@code ${...}} variable, else empty. */
  public static Optional<Reference> soleReference(String raw) {
    Matcher m = VARIABLE.matcher(raw);
    if (!m.matches() || m.group(2) == null) {
      return Optional.empty();
    }
    String op = m.group(3);
    Optional<String> def =
        op != null && op.endsWith("-") ? Optional.of(m.group(4)) : Optional.empty();
    return Optional.of(new Reference(m.group(2), def));
  }

  /** A volume of a service in the short syntax. */
  public record Volume(String source, String target, boolean readOnly) {

    /** A folder or file of the repository (a bind mount with a relative source). */
    public boolean bindsRepoPath() {
      return source.startsWith("./");
    }

    public Path repoPath() {
      return Path.of(source.substring(2));
    }
  }

  public List<Volume> volumes(String service) {
    Object volumes = service(service).get("volumes");
    if (volumes == null) {
      return List.of();
    }
    return ((List<?>) volumes)
        .stream()
            .map(
                v -> {
                  if (!(v instanceof String s)) {
                    throw new IllegalStateException(
                        service + ": only the short volume syntax is read here: " + v);
                  }
                  String[] parts = s.split(":");
                  return new Volume(
                      parts[0], parts[1], parts.length > 2 && parts[2].contains("ro"));
                })
            .toList();
  }

  /** The healthcheck test of a service as a list ({@code CMD ...} or {@code CMD-SHELL ...}). */
  public List<String> healthcheckTest(String service) {
    Object hc = service(service).get("healthcheck");
    if (hc == null) {
      return List.of();
    }
    Object test = map(hc, service + ".healthcheck").get("test");
    if (test instanceof String s) {
      return List.of("CMD-SHELL", s);
    }
    return ((List<?>) test).stream().map(String::valueOf).toList();
  }

  /** {@code depends_on} as service name to condition. */
  public Map<String, String> dependsOn(String service) {
    Object deps = service(service).get("depends_on");
    Map<String, String> out = new LinkedHashMap<>();
    if (deps instanceof List<?> l) {
      l.forEach(d -> out.put(String.valueOf(d), "service_started"));
    } else if (deps instanceof Map<?, ?> m) {
      m.forEach(
          (k, v) ->
              out.put(
                  String.valueOf(k),
                  String.valueOf(map(v, service + ".depends_on." + k).get("condition"))));
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object o, String where) {
    if (!(o instanceof Map<?, ?>)) {
      throw new IllegalStateException(where + " is not a mapping");
    }
    return (Map<String, Object>) o;
  }
}
