package com.payhub.routes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Small helpers over snakeyaml-engine nodes: positions, lookups, a generic walk and JSON
 * conversion.
 */
final class YamlNodes {

  /**
   * Path element used for "an item of a sequence" in the key paths handed to a {@link
   * ScalarVisitor}.
   */
  static final String ITEM = "[]";

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /** Receives every scalar value with the keys leading to it ({@link #ITEM} for sequence items). */
  @FunctionalInterface
  interface ScalarVisitor {
    void visit(List<String> path, ScalarNode value, MappingNode owner);
  }

  private YamlNodes() {}

  static int line(Node node) {
    return node.getStartMark().map(mark -> mark.getLine() + 1).orElse(1);
  }

  static int column(Node node) {
    return node.getStartMark().map(mark -> mark.getColumn() + 1).orElse(1);
  }

  static RouteProblem problem(Path file, Node node, String code, String message) {
    return new RouteProblem(file, line(node), column(node), code, message);
  }

  static Optional<String> text(Node node) {
    return node instanceof ScalarNode scalar ? Optional.of(scalar.getValue()) : Optional.empty();
  }

  /** The entry with the given key of a mapping node, if the node is a mapping and has it. */
  static Optional<NodeTuple> entry(Node node, String key) {
    if (node instanceof MappingNode mapping) {
      for (NodeTuple tuple : mapping.getValue()) {
        if (text(tuple.getKeyNode()).filter(key::equals).isPresent()) {
          return Optional.of(tuple);
        }
      }
    }
    return Optional.empty();
  }

  static Optional<Node> get(Node node, String key) {
    return entry(node, key).map(NodeTuple::getValueNode);
  }

  /** Calls the visitor for every scalar value (not keys) below {@code node}. */
  static void walkScalars(Node node, ScalarVisitor visitor) {
    walk(node, new ArrayList<>(), null, visitor);
  }

  private static void walk(Node node, List<String> path, MappingNode owner, ScalarVisitor visitor) {
    if (node instanceof ScalarNode scalar) {
      visitor.visit(List.copyOf(path), scalar, owner);
    } else if (node instanceof SequenceNode sequence) {
      path.add(ITEM);
      sequence.getValue().forEach(item -> walk(item, path, null, visitor));
      path.remove(path.size() - 1);
    } else if (node instanceof MappingNode mapping) {
      for (NodeTuple tuple : mapping.getValue()) {
        path.add(text(tuple.getKeyNode()).orElse("?"));
        walk(tuple.getValueNode(), path, mapping, visitor);
        path.remove(path.size() - 1);
      }
    }
  }

  /**
   * Converts a YAML node into the Jackson tree the JSON schema validator expects, honouring
   * resolved tags.
   */
  static JsonNode toJson(Node node) {
    if (node instanceof MappingNode mapping) {
      ObjectNode object = JSON.objectNode();
      for (NodeTuple tuple : mapping.getValue()) {
        object.set(text(tuple.getKeyNode()).orElse("?"), toJson(tuple.getValueNode()));
      }
      return object;
    }
    if (node instanceof SequenceNode sequence) {
      ArrayNode array = JSON.arrayNode();
      sequence.getValue().forEach(item -> array.add(toJson(item)));
      return array;
    }
    return scalarToJson((ScalarNode) node);
  }

  private static JsonNode scalarToJson(ScalarNode scalar) {
    String value = scalar.getValue();
    Tag tag = scalar.getTag();
    try {
      if (Tag.NULL.equals(tag)) {
        return JSON.nullNode();
      }
      if (Tag.BOOL.equals(tag)) {
        return JSON.booleanNode(Boolean.parseBoolean(value.toLowerCase()));
      }
      if (Tag.INT.equals(tag)) {
        return JSON.numberNode(new BigInteger(value.replace("_", "")));
      }
      if (Tag.FLOAT.equals(tag)) {
        return JSON.numberNode(Double.parseDouble(value));
      }
    } catch (NumberFormatException e) {
      // hex, octal or .inf literals: keep them as text, Camel reads them as text as well
    }
    return JSON.textNode(value);
  }

  /**
   * Finds the node a JSON path (as property names and array indexes) points to; stops at the
   * deepest node that exists. When the last element names a property, its key node is returned so
   * the report points at it.
   */
  static Node locate(Node root, List<Object> path) {
    return locate(root, path, true);
  }

  /** Like {@link #locate(Node, List)}; with {@code preferKey} false always the node itself. */
  static Node locate(Node root, List<Object> path, boolean preferKey) {
    Node current = root;
    Node keyOfCurrent = null;
    for (Object element : path) {
      if (element instanceof Integer index
          && current instanceof SequenceNode sequence
          && index < sequence.getValue().size()) {
        current = sequence.getValue().get(index);
        keyOfCurrent = null;
      } else if (element instanceof String key && entry(current, key).isPresent()) {
        NodeTuple tuple = entry(current, key).get();
        current = tuple.getValueNode();
        keyOfCurrent = tuple.getKeyNode();
      } else {
        break;
      }
    }
    return preferKey && keyOfCurrent != null && !(current instanceof ScalarNode)
        ? keyOfCurrent
        : current;
  }
}
