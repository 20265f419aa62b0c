package com.payhub.routes;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Checks that every static endpoint URI uses a component this hub ships. A scheme Camel knows but
 * this hub lacks is COMPONENT_NOT_AVAILABLE, anything else UNKNOWN_SCHEME (with a "did you mean"
 * when one is close).
 */
final class EndpointSchemeCheck {

  private final ComponentCatalog catalog;

  EndpointSchemeCheck(ComponentCatalog catalog) {
    this.catalog = catalog;
  }

  void check(Path file, Node document, List<RouteProblem> problems) {
    for (EndpointUris.EndpointUri endpoint : EndpointUris.find(document)) {
      String scheme = endpoint.scheme();
      if (catalog.isAvailable(scheme)) {
        continue;
      }
      if (catalog.existsInCamel(scheme)) {
        problems.add(
            YamlNodes.problem(
                file,
                endpoint.node(),
                "COMPONENT_NOT_AVAILABLE",
                "component '"
                    + scheme
                    + "' exists in Camel but is not part of this hub (endpoint '"
                    + endpoint.uri()
                    + "')"));
      } else {
        Optional<String> suggestion = catalog.suggest(scheme);
        problems.add(
            YamlNodes.problem(
                file,
                endpoint.node(),
                "UNKNOWN_SCHEME",
                "unknown endpoint scheme '"
                    + scheme
                    + "' in '"
                    + endpoint.uri()
                    + "'"
                    + suggestion.map(name -> ", did you mean '" + name + "'?").orElse("")));
      }
    }
  }
}
