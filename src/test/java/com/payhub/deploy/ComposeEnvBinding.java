package com.payhub.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertyState;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Which property of the hub an environment variable sets, decided by Spring Boot's own relaxed
 * binding ({@code SPRING_ARTEMIS_BROKER_URL} sets {@code spring.artemis.broker-url}). The hub's
 * properties are every key of its {@code application*.yaml} and {@code channels/*.yaml} (the whole
 * {@code payhub.*} tree, defaults included) plus the properties Spring Boot's auto-configurations
 * on the hub's class path declare in their metadata ({@code spring.*}, {@code server.*}, ...).
 */
public final class ComposeEnvBinding {

  private static final Path RESOURCES = Path.of("src/main/resources");

  private final Set<String> keys;
  private final Set<String> openMaps;

  private ComposeEnvBinding(Set<String> keys, Set<String> openMaps) {
    this.keys = keys;
    this.openMaps = openMaps;
  }

  public static ComposeEnvBinding load() {
    Set<String> keys = new TreeSet<>();
    Set<String> openMaps = new TreeSet<>();
    readHubYaml(keys, openMaps);
    keys.addAll(springBootMetadata());
    keys.removeIf(k -> !ConfigurationPropertyName.isValid(k));
    return new ComposeEnvBinding(
        Collections.unmodifiableSet(keys), Collections.unmodifiableSet(openMaps));
  }

  /**
   * A default of the hub, as {@code application.yaml} sets it (lists joined with commas), e.g.
   * {@code server.port} or {@code payhub.route-files.routes-dir}.
   */
  public static String hubDefault(String key) {
    String value = hubDefaults().get(key);
    if (value == null) {
      throw new IllegalArgumentException("application.yaml does not set " + key);
    }
    return value;
  }

  /** Every default {@code application.yaml} sets, by flattened key. */
  public static Map<String, String> hubDefaults() {
    Map<String, String> values = new TreeMap<>();
    read(RESOURCES.resolve("application.yaml"), values, new TreeSet<>());
    return values;
  }

  private static void readHubYaml(Set<String> keys, Set<String> openMaps) {
    Map<String, String> values = new TreeMap<>();
    configFiles().forEach(file -> read(file, values, openMaps));
    keys.addAll(values.keySet());
  }

  private static void read(Path file, Map<String, String> values, Set<String> openMaps) {
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (Object doc : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(in)) {
        flatten("", doc, values, openMaps);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The property the variable sets, if the hub reads one. */
  public Optional<String> propertyOf(String envName) {
    SystemEnvironmentPropertySource env =
        new SystemEnvironmentPropertySource(
            StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(envName, "x"));
    ConfigurationPropertySource source = ConfigurationPropertySource.from(env);
    for (String key : keys) {
      ConfigurationProperty p = source.getConfigurationProperty(ConfigurationPropertyName.of(key));
      if (p != null) {
        return Optional.of(key);
      }
    }
    for (String map : openMaps) {
      if (source.containsDescendantOf(ConfigurationPropertyName.of(map))
          == ConfigurationPropertyState.PRESENT) {
        return Optional.of(map + ".*");
      }
    }
    return Optional.empty();
  }

  private static List<Path> configFiles() {
    try (Stream<Path> channels = Files.list(RESOURCES.resolve("channels"));
        Stream<Path> top = Files.list(RESOURCES)) {
      return Stream.concat(
              top.filter(p -> p.getFileName().toString().matches("application.*\\.ya?ml")),
              channels.filter(p -> p.getFileName().toString().endsWith(".yaml")))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void flatten(
      String prefix, Object node, Map<String, String> values, Set<String> openMaps) {
    if (node instanceof Map<?, ?> m) {
      if (m.isEmpty() && !prefix.isEmpty()) {
        // an empty map in the defaults ({}) is filled per deployment: any key below it is read
        openMaps.add(prefix);
      }
      m.forEach(
          (k, v) ->
              flatten(
                  prefix.isEmpty() ? String.valueOf(k) : prefix + "." + k, v, values, openMaps));
    } else if (node instanceof List<?> l) {
      values.put(prefix, l.stream().map(String::valueOf).collect(Collectors.joining(",")));
      for (int i = 0; i < l.size(); i++) {
        flatten(prefix + "[" + i + "]", l.get(i), values, openMaps);
      }
    } else if (!prefix.isEmpty()) {
      values.put(prefix, String.valueOf(node));
    }
  }

  private static Set<String> springBootMetadata() {
    Set<String> names = new TreeSet<>();
    ObjectMapper json = new ObjectMapper();
    try {
      for (URL url :
          Collections.list(
              ComposeEnvBinding.class
                  .getClassLoader()
                  .getResources("META-INF/spring-configuration-metadata.json"))) {
        try (InputStream in = url.openStream()) {
          for (JsonNode p : json.readTree(in).path("properties")) {
            names.add(p.path("name").asText());
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (names.stream().noneMatch(n -> n.equals("spring.artemis.broker-url"))) {
      throw new IllegalStateException("Spring Boot's configuration metadata was not found");
    }
    return names;
  }
}
