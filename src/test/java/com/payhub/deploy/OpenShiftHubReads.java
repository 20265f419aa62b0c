package com.payhub.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * What the hub reads, taken from its own configuration rather than written down again: the
 * properties in {@code src/main/resources/application*.yaml} and {@code channels/*.yaml} (each
 * document with the profile it is active for), the {@code ${NAME}} placeholders in their values,
 * and the properties that Spring Boot and Camel declare in the configuration metadata of the jars
 * on the hub's class path. An environment variable counts as read when Spring Boot's own mapping
 * for the system environment ({@code SPRING_ARTEMIS_BROKER_URL -> spring.artemis.broker-url}) finds
 * it under one of those names, or when it is a placeholder of an active document.
 */
public final class OpenShiftHubReads {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.\\-]+)(:[^}]*)?}");

  /** Spring Boot's default config locations include {@code file:./config/} (the working dir). */
  public static final String CONFIG_DIR = "config";

  /** Camel's default {@code camel.main.shutdown-timeout} (seconds) when the hub sets none. */
  static final int CAMEL_SHUTDOWN_TIMEOUT_DEFAULT = 45;

  /** Spring Boot's default {@code spring.lifecycle.timeout-per-shutdown-phase} (seconds). */
  static final int SHUTDOWN_PHASE_TIMEOUT_DEFAULT = 30;

  /** One YAML document of the hub's configuration. */
  public record Doc(Path file, String profile, Map<String, String> properties) {}

  private final List<Doc> docs;
  private final Set<String> metadataNames;
  private final Map<String, Optional<String>> mapped =
      new java.util.concurrent.ConcurrentHashMap<>();

  private OpenShiftHubReads(List<Doc> docs, Set<String> metadataNames) {
    this.docs = docs;
    this.metadataNames = metadataNames;
  }

  public static OpenShiftHubReads load() {
    Path resources = Path.of("src/main/resources").toAbsolutePath();
    List<Path> files = new ArrayList<>();
    try (Stream<Path> top = Files.list(resources);
        Stream<Path> channels = Files.list(resources.resolve("channels"))) {
      top.filter(p -> p.getFileName().toString().matches("application(-[a-z]+)?\\.yaml"))
          .sorted()
          .forEach(files::add);
      channels.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(files::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Doc> docs = new ArrayList<>();
    for (Path file : files) {
      docs.addAll(docsOf(file));
    }
    return new OpenShiftHubReads(List.copyOf(docs), metadata());
  }

  /** The documents of one configuration file (e.g. a mounted {@code config/application-x.yaml}). */
  public static List<Doc> docsOf(Path file) {
    String name = file.getFileName().toString();
    Matcher m = Pattern.compile("application-([a-z]+)\\.yaml").matcher(name);
    String fileProfile = m.matches() ? m.group(1) : null;
    List<Doc> out = new ArrayList<>();
    for (Map<String, Object> doc : OpenShiftManifests.documents(file)) {
      Map<String, String> flat = new LinkedHashMap<>();
      flatten("", doc, flat);
      String profile = flat.getOrDefault("spring.config.activate.on-profile", fileProfile);
      out.add(new Doc(file, profile, Collections.unmodifiableMap(flat)));
    }
    return out;
  }

  public List<Doc> docs() {
    return docs;
  }

  /** The documents read when exactly these profiles are active. */
  public List<Doc> active(Set<String> profiles) {
    return docs.stream()
        .filter(d -> d.profile() == null || profiles.contains(d.profile()))
        .toList();
  }

  /** The value the hub's configuration gives {@code property} under these profiles, if any. */
  public Optional<String> value(String property, Set<String> profiles) {
    String value = null;
    for (Doc d : active(profiles)) {
      if (d.profile() == null && d.properties().containsKey(property)) {
        value = d.properties().get(property);
      }
    }
    for (Doc d : active(profiles)) {
      if (d.profile() != null && d.properties().containsKey(property)) {
        value = d.properties().get(property);
      }
    }
    return Optional.ofNullable(value);
  }

  /** Every property name of the hub's own configuration and its prefixes. */
  public Set<String> configuredNames() {
    Set<String> names = new TreeSet<>();
    for (Doc d : docs) {
      for (String name : d.properties().keySet()) {
        String n = name;
        while (true) {
          names.add(n);
          int cut = Math.max(n.lastIndexOf('.'), n.lastIndexOf('['));
          if (cut <= 0) {
            break;
          }
          n = n.substring(0, cut);
        }
      }
    }
    return names;
  }

  /** {@code ${NAME}} placeholders in the values of the documents active for these profiles. */
  public Set<String> placeholders(Set<String> profiles) {
    Set<String> names = new TreeSet<>();
    for (Doc d : active(profiles)) {
      for (String value : d.properties().values()) {
        Matcher m = PLACEHOLDER.matcher(value);
        while (m.find()) {
          names.add(m.group(1));
        }
      }
    }
    return names;
  }

  /**
   * The property (or placeholder) an environment variable gives the hub under these profiles, by
   * Spring Boot's own environment mapping; empty when the hub reads no such property.
   */
  public Optional<String> propertyOf(String envName, Set<String> profiles) {
    return mapped.computeIfAbsent(envName + " " + profiles, k -> lookUp(envName, profiles));
  }

  private Optional<String> lookUp(String envName, Set<String> profiles) {
    if (placeholders(profiles).contains(envName)) {
      return Optional.of("${" + envName + "}");
    }
    ConfigurationPropertySource env =
        ConfigurationPropertySource.from(
            new SystemEnvironmentPropertySource(
                "systemEnvironment", Map.<String, Object>of(envName, "x")));
    Set<String> candidates = new LinkedHashSet<>(configuredNames());
    candidates.addAll(metadataNames);
    for (String name : candidates) {
      if (ConfigurationPropertyName.isValid(name)
          && env.getConfigurationProperty(ConfigurationPropertyName.of(name)) != null) {
        return Optional.of(name);
      }
    }
    return Optional.empty();
  }

  /** Whether Spring Boot or Camel declares the property (configuration metadata). */
  public boolean declared(String property) {
    return metadataNames.contains(property);
  }

  /**
   * The key files named under {@code payhub.credentials} by these documents: property name (e.g.
   * {@code payhub.credentials.alipay-app.keys[0].private-key}) to path.
   */
  public static Map<String, String> credentialFiles(List<Doc> docs) {
    Map<String, String> files = new LinkedHashMap<>();
    Pattern field =
        Pattern.compile(
            "payhub\\.credentials\\.[^.]+\\.keys\\[\\d+]\\."
                + "(private-key|public-key|certificate|pkcs12|pkcs12-password-file|secret)");
    for (Doc d : docs) {
      d.properties()
          .forEach(
              (k, v) -> {
                if (field.matcher(k).matches()) {
                  files.put(k, v);
                }
              });
    }
    return files;
  }

  /** The management base path (Spring Boot's default {@code /actuator} unless configured). */
  public String actuatorBase() {
    return value("management.endpoints.web.base-path", Set.of()).orElse("/actuator");
  }

  /**
   * The probe paths the hub serves: {@code <base>/health/<group>} for each health group, when
   * {@code management.endpoint.health.probes.enabled} is true.
   */
  public Map<String, String> probePaths() {
    if (!"true".equals(value("management.endpoint.health.probes.enabled", Set.of()).orElse(""))) {
      return Map.of();
    }
    Map<String, String> paths = new LinkedHashMap<>();
    Pattern group = Pattern.compile("management\\.endpoint\\.health\\.group\\.([a-z-]+)\\..*");
    for (Doc d : active(Set.of())) {
      for (String k : d.properties().keySet()) {
        Matcher m = group.matcher(k);
        if (m.matches()) {
          paths.put(m.group(1), actuatorBase() + "/health/" + m.group(1));
        }
      }
    }
    return paths;
  }

  private static void flatten(String prefix, Object node, Map<String, String> out) {
    if (node instanceof Map<?, ?> map) {
      map.forEach(
          (k, v) -> flatten(prefix.isEmpty() ? String.valueOf(k) : prefix + "." + k, v, out));
    } else if (node instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        flatten(prefix + "[" + i + "]", list.get(i), out);
      }
      if (list.isEmpty()) {
        out.put(prefix, "");
      }
    } else {
      out.put(prefix, node == null ? "" : String.valueOf(node));
    }
  }

  private static Set<String> metadata() {
    Set<String> names = new TreeSet<>();
    ObjectMapper json = new ObjectMapper();
    ClassLoader loader = OpenShiftHubReads.class.getClassLoader();
    for (String resource :
        List.of(
            "META-INF/spring-configuration-metadata.json",
            "META-INF/additional-spring-configuration-metadata.json")) {
      try {
        for (URL url : Collections.list(loader.getResources(resource))) {
          try (InputStream in = url.openStream()) {
            JsonNode root = json.readTree(in);
            root.path("properties").forEach(p -> names.add(p.path("name").asText()));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return names;
  }
}
