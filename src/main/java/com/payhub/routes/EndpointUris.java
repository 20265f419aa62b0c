package com.payhub.routes;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Finds the static endpoint URIs of a route file: {@code from.uri}, {@code to}/{@code to.uri},
 * {@code toD}, {@code wireTap}, {@code poll}, {@code enrich}/{@code pollEnrich} (string or
 * constant/simple expression), {@code deadLetterUri} and any other {@code uri:} key. Expression
 * based ones (recipientList, routingSlip, dynamicRouter) are not endpoints until run time and are
 * skipped, as are values starting with a {@code {{property}}} or {@code ${simple}} placeholder.
 */
final class EndpointUris {

  /** One static endpoint URI and the node it was written in. */
  record EndpointUri(String uri, String scheme, ScalarNode node) {}

  private static final Set<String> URI_KEYS =
      Set.of(
          "uri", "from", "to", "toD", "wireTap", "poll", "enrich", "pollEnrich", "deadLetterUri");
  private static final Set<String> ENRICHERS = Set.of("enrich", "pollEnrich");
  private static final Set<String> STATIC_EXPRESSIONS = Set.of("constant", "simple");

  private EndpointUris() {}

  static List<EndpointUri> find(Node document) {
    List<EndpointUri> uris = new ArrayList<>();
    YamlNodes.walkScalars(
        document,
        (path, value, owner) -> {
          if (isKameletStep(path)) {
            // the kamelet EIP ("- kamelet: name") needs the kamelet component just like a kamelet:
            // URI
            uris.add(new EndpointUri("kamelet:" + value.getValue(), "kamelet", value));
          } else if (isEndpointPosition(path) && !isPlaceholder(value.getValue())) {
            scheme(value.getValue(), owner)
                .ifPresent(scheme -> uris.add(new EndpointUri(value.getValue(), scheme, value)));
          }
        });
    return uris;
  }

  private static boolean isPlaceholder(String value) {
    return value.startsWith("{{") || value.startsWith("${");
  }

  private static boolean isKameletStep(List<String> path) {
    int size = path.size();
    return size >= 2
            && YamlNodes.ITEM.equals(path.get(size - 2))
            && "kamelet".equals(path.get(size - 1))
        || size >= 3 && "kamelet".equals(path.get(size - 2)) && "name".equals(path.get(size - 1));
  }

  private static boolean isEndpointPosition(List<String> path) {
    if (path.isEmpty() || path.contains("parameters") || path.contains("properties")) {
      return false;
    }
    String key = path.get(path.size() - 1);
    if (URI_KEYS.contains(key)) {
      return true;
    }
    if (!STATIC_EXPRESSIONS.contains(key) || path.size() < 2) {
      return false;
    }
    String parent = path.get(path.size() - 2);
    // enrich: {constant: "..."} or enrich: {expression: {constant: "..."}}
    return ENRICHERS.contains(parent)
        || ("expression".equals(parent)
            && path.size() >= 3
            && ENRICHERS.contains(path.get(path.size() - 3)));
  }

  /**
   * The scheme is the text before the first ':'. A bare word is a scheme only in the {@code uri:
   * timer} + {@code parameters:} form; otherwise it names an endpoint bean, which is not checked.
   */
  private static Optional<String> scheme(String uri, MappingNode owner) {
    int colon = uri.indexOf(':');
    String scheme = colon >= 0 ? uri.substring(0, colon).trim() : null;
    if (scheme == null && owner != null && YamlNodes.get(owner, "parameters").isPresent()) {
      scheme = uri.trim();
    }
    boolean dynamic =
        scheme != null && (scheme.contains("{") || scheme.contains("$") || scheme.contains("*"));
    return scheme == null || scheme.isEmpty() || dynamic ? Optional.empty() : Optional.of(scheme);
  }
}
