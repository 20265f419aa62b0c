package com.payhub.routes;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Route files are code: they can make Camel instantiate any class on the classpath. This check
 * allows only classes whose name starts with one of the configured prefixes. It looks at {@code
 * #class:}/{@code #type:} values anywhere, {@code beans[].type}, {@code beans[].builderClass},
 * {@code bean.type}, any {@code beanType} (bean EIP and method language), and at bean references
 * that look like a class name ({@code bean: com.acme.Foo}, {@code bean.ref}, {@code method.ref},
 * {@code bean:} URIs) because Camel instantiates the class when no bean has that name, and at
 * {@code class:} endpoint URIs.
 */
final class BeanClassCheck {

  private static final Set<String> CLASS_KEYS = Set.of("beanType", "builderClass");
  private static final List<String> VALUE_PREFIXES = List.of("#class:", "#type:");

  /**
   * What a bean reference must look like to be taken for a class name (package plus capitalised
   * name).
   */
  private static final Pattern CLASS_NAME = Pattern.compile("([a-z_$][\\w$]*\\.)+[A-Z_$][\\w$]*");

  private final List<String> allowedPrefixes;

  BeanClassCheck(List<String> allowedPrefixes) {
    this.allowedPrefixes = List.copyOf(allowedPrefixes);
  }

  void check(Path file, Node document, List<RouteProblem> problems) {
    YamlNodes.walkScalars(
        document,
        (path, value, owner) ->
            className(path, value.getValue())
                .filter(name -> !name.isEmpty() && !name.startsWith("{{") && !isAllowed(name))
                .ifPresent(name -> problems.add(notAllowed(file, value, name))));
    for (EndpointUris.EndpointUri endpoint : EndpointUris.find(document)) {
      endpointClass(endpoint)
          .filter(name -> !name.startsWith("{{") && !isAllowed(name))
          .ifPresent(name -> problems.add(notAllowed(file, endpoint.node(), name)));
    }
  }

  private RouteProblem notAllowed(Path file, Node node, String className) {
    return YamlNodes.problem(
        file,
        node,
        "BEAN_CLASS_NOT_ALLOWED",
        "route files are code: class '"
            + className
            + "' is outside the allow-list "
            + allowedPrefixes);
  }

  /**
   * A prefix ending in '.' is a package prefix; any other prefix allows that exact class and its
   * package ({@code com.acme} allows {@code com.acme.X} but not {@code com.acmeevil.X}).
   */
  boolean isAllowed(String className) {
    return allowedPrefixes.stream()
        .anyMatch(
            prefix ->
                prefix.endsWith(".")
                    ? className.startsWith(prefix)
                    : className.equals(prefix) || className.startsWith(prefix + "."));
  }

  private static Optional<String> className(List<String> path, String value) {
    for (String prefix : VALUE_PREFIXES) {
      if (value.startsWith(prefix)) {
        return Optional.of(stripArguments(value.substring(prefix.length())));
      }
    }
    int size = path.size();
    String key = size > 0 ? path.get(size - 1) : "";
    String parent = size > 1 ? path.get(size - 2) : "";
    boolean beanDefinition =
        size > 2 && YamlNodes.ITEM.equals(parent) && "beans".equals(path.get(size - 3));
    if (CLASS_KEYS.contains(key)
        || "type".equals(key) && (beanDefinition || "bean".equals(parent))) {
      return Optional.of(stripArguments(value));
    }
    boolean registryName =
        "bean".equals(key) || "ref".equals(key) && Set.of("bean", "method").contains(parent);
    String name = value.split("[?]", 2)[0].trim();
    return registryName && CLASS_NAME.matcher(name).matches()
        ? Optional.of(name)
        : Optional.empty();
  }

  private static Optional<String> endpointClass(EndpointUris.EndpointUri endpoint) {
    String scheme = endpoint.scheme();
    if (!"class".equals(scheme) && !"bean".equals(scheme)) {
      return Optional.empty();
    }
    String rest = endpoint.uri().substring(Math.min(endpoint.uri().length(), scheme.length() + 1));
    String name = stripArguments(rest.split("[?]", 2)[0]).replaceFirst("^//", "");
    return "class".equals(scheme) || CLASS_NAME.matcher(name).matches()
        ? Optional.of(name)
        : Optional.empty();
  }

  /**
   * {@code #class:com.acme.Foo('a', 1)} passes constructor arguments; only the class name matters.
   */
  private static String stripArguments(String name) {
    int parenthesis = name.indexOf('(');
    return (parenthesis >= 0 ? name.substring(0, parenthesis) : name).trim();
  }
}
