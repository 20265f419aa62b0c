package com.payhub.routes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Validates Camel YAML DSL route files without starting Camel or Spring: YAML syntax, the Camel
 * YAML DSL schema, endpoint schemes, route ids (across all files of one call) and classes the file
 * would instantiate.
 *
 * <p>Thread-safe as long as each call to {@link #validate} runs on its own; a call keeps its state
 * locally.
 */
public final class RouteFileValidator {

  /** The allow-list used when none is given: PayHub's own classes. */
  public static final List<String> DEFAULT_ALLOWED_CLASS_PREFIXES = List.of("com.payhub.");

  private static final Comparator<RouteProblem> BY_POSITION =
      Comparator.comparingInt(RouteProblem::line).thenComparingInt(RouteProblem::column);

  /** Problems found plus what was looked at, for summaries. */
  public record Report(List<RouteProblem> problems, int files, int routes) {
    public boolean ok() {
      return problems.isEmpty();
    }
  }

  private final List<String> allowedClassPrefixes;
  private final ComponentCatalog catalog = ComponentCatalog.ofContextClassLoader();

  public RouteFileValidator(List<String> allowedClassPrefixes) {
    this.allowedClassPrefixes = List.copyOf(allowedClassPrefixes);
  }

  public RouteFileValidator() {
    this(DEFAULT_ALLOWED_CLASS_PREFIXES);
  }

  /**
   * Validates the given files, and the {@code *.camel.yaml}/{@code *.camel.yml} files below
   * directories.
   */
  public List<RouteProblem> validate(List<Path> pathsOrDirectories) {
    return check(pathsOrDirectories).problems();
  }

  /** Like {@link #validate} but also tells how many files and routes were checked. */
  public Report check(List<Path> pathsOrDirectories) {
    List<RouteProblem> problems = new ArrayList<>();
    List<Path> files = new ArrayList<>();
    for (Path path : pathsOrDirectories) {
      if (Files.isDirectory(path)) {
        files.addAll(routeFilesBelow(path));
      } else if (Files.isRegularFile(path)) {
        files.add(path);
      } else {
        problems.add(new RouteProblem(path, 1, 1, "NOT_FOUND", "no such file or directory"));
      }
    }
    RouteIdCheck routeIds = new RouteIdCheck();
    EndpointSchemeCheck schemes = new EndpointSchemeCheck(catalog);
    BeanClassCheck beanClasses = new BeanClassCheck(allowedClassPrefixes);
    List<Path> unique = distinct(files);
    for (Path file : unique) {
      YamlSource.Parsed parsed = YamlSource.parse(file);
      List<RouteProblem> found = new ArrayList<>(parsed.problems());
      for (Node document : parsed.documents()) {
        YamlSchemaCheck.check(file, document, found);
        schemes.check(file, document, found);
        routeIds.check(file, document, found);
        beanClasses.check(file, document, found);
      }
      found.sort(BY_POSITION);
      problems.addAll(found);
    }
    return new Report(List.copyOf(problems), unique.size(), routeIds.routes());
  }

  static boolean isRouteFile(Path path) {
    String name = path.getFileName().toString();
    return name.endsWith(".camel.yaml") || name.endsWith(".camel.yml");
  }

  private static List<Path> routeFilesBelow(Path directory) {
    try (Stream<Path> walk = Files.walk(directory)) {
      return walk.filter(Files::isRegularFile)
          .filter(RouteFileValidator::isRouteFile)
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + directory, e);
    }
  }

  /**
   * The same file named twice (or via a directory and directly) would report its own ids as
   * duplicates.
   */
  private static List<Path> distinct(List<Path> files) {
    Map<Path, Path> byRealPath = new LinkedHashMap<>();
    for (Path file : files) {
      byRealPath.putIfAbsent(file.toAbsolutePath().normalize(), file);
    }
    return List.copyOf(byRealPath.values());
  }
}
