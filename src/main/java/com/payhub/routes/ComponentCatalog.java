package com.payhub.routes;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.camel.catalog.DefaultCamelCatalog;

/**
 * Knows which Camel components exist (the Camel catalog) and which of them this hub ships (a
 * component is on the classpath when {@code META-INF/services/org/apache/camel/component/<scheme>}
 * is).
 */
final class ComponentCatalog {

  private static final String SERVICE_PATH = "META-INF/services/org/apache/camel/component/";
  private static final int MAX_SUGGESTION_DISTANCE = 2;

  private final ClassLoader classLoader;

  ComponentCatalog(ClassLoader classLoader) {
    this.classLoader = classLoader;
  }

  static ComponentCatalog ofContextClassLoader() {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    return new ComponentCatalog(loader != null ? loader : ComponentCatalog.class.getClassLoader());
  }

  /** Catalog names are read once; building the catalog parses its index files. */
  private static final class Catalog {
    static final Set<String> NAMES = new TreeSet<>(new DefaultCamelCatalog().findComponentNames());
  }

  boolean isAvailable(String scheme) {
    return classLoader.getResource(SERVICE_PATH + scheme) != null;
  }

  boolean existsInCamel(String scheme) {
    return Catalog.NAMES.contains(scheme);
  }

  /**
   * The closest known scheme within edit distance 2 (1 for schemes shorter than 4 letters); on a
   * tie a component this hub ships wins, then the alphabetically first.
   */
  Optional<String> suggest(String scheme) {
    int maxDistance = scheme.length() < 4 ? 1 : MAX_SUGGESTION_DISTANCE;
    Comparator<String> closest =
        Comparator.<String>comparingInt(name -> distance(scheme, name))
            .thenComparing(name -> !isAvailable(name))
            .thenComparing(Comparator.naturalOrder());
    List<String> candidates =
        Catalog.NAMES.stream()
            .filter(name -> distance(scheme, name) <= maxDistance)
            .sorted(closest)
            .toList();
    return candidates.stream().findFirst();
  }

  /** Levenshtein distance, case-insensitive. */
  static int distance(String a, String b) {
    String s = a.toLowerCase();
    String t = b.toLowerCase();
    int[] previous = new int[t.length() + 1];
    int[] current = new int[t.length() + 1];
    for (int j = 0; j <= t.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= s.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= t.length(); j++) {
        int substitution = previous[j - 1] + (s.charAt(i - 1) == t.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[t.length()];
  }
}
