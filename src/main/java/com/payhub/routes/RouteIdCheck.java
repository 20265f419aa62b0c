package com.payhub.routes;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Route ids must be explicit and unique across all files validated together. Routes, route
 * templates and route configurations are separate id spaces in Camel, so an id is a duplicate only
 * within its kind. A top-level {@code - from:} is a route whose id Camel generates, so it is
 * reported as missing an id. One instance is used for one validation run: it remembers where each
 * id was seen first.
 */
final class RouteIdCheck {

  private static final List<String> KINDS = List.of("route", "routeTemplate", "routeConfiguration");

  private record Location(Path file, int line) {}

  private final Map<String, Location> firstSeen = new HashMap<>();
  private int routes;

  /** Number of routes ({@code route} and top-level {@code from}) seen so far. */
  int routes() {
    return routes;
  }

  void check(Path file, Node document, List<RouteProblem> problems) {
    if (!(document instanceof SequenceNode sequence)) {
      return; // the schema check reports a document that is not a list
    }
    for (Node item : sequence.getValue()) {
      if (YamlNodes.entry(item, "from").isPresent()) {
        routes++;
        NodeTuple from = YamlNodes.entry(item, "from").get();
        problems.add(
            YamlNodes.problem(
                file,
                from.getKeyNode(),
                "MISSING_ROUTE_ID",
                "route from '"
                    + uriOf(from.getValueNode())
                    + "' has no id; write it as '- route: {id: ..., from: ...}'"));
      }
      for (String kind : KINDS) {
        YamlNodes.entry(item, kind).ifPresent(entry -> checkId(file, kind, entry, problems));
      }
    }
  }

  private void checkId(Path file, String kind, NodeTuple entry, List<RouteProblem> problems) {
    Optional<Node> idNode = YamlNodes.get(entry.getValueNode(), "id");
    Optional<String> id =
        idNode.flatMap(YamlNodes::text).map(String::trim).filter(text -> !text.isEmpty());
    if ("route".equals(kind)) {
      routes++;
      if (id.isEmpty()) {
        String uri =
            YamlNodes.get(entry.getValueNode(), "from").map(RouteIdCheck::uriOf).orElse("?");
        problems.add(
            YamlNodes.problem(
                file,
                entry.getKeyNode(),
                "MISSING_ROUTE_ID",
                "route from '" + uri + "' has no id; PayHub routes need an explicit 'id:'"));
      }
    }
    if (id.isEmpty()) {
      return;
    }
    Node at = idNode.get();
    Location previous =
        firstSeen.putIfAbsent(kind + "/" + id.get(), new Location(file, YamlNodes.line(at)));
    if (previous != null) {
      problems.add(
          YamlNodes.problem(
              file,
              at,
              "DUPLICATE_ROUTE_ID",
              kind
                  + " id '"
                  + id.get()
                  + "' is already used at "
                  + previous.file()
                  + ":"
                  + previous.line()));
    }
  }

  private static String uriOf(Node from) {
    return YamlNodes.text(from)
        .or(() -> YamlNodes.get(from, "uri").flatMap(YamlNodes::text))
        .orElse("?");
  }
}
