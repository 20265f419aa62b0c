package com.payhub.routes;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reads a route file into snakeyaml-engine node trees (one per YAML document), keeping line marks.
 */
final class YamlSource {

  /** The documents of one file; empty when {@link #problems()} holds a syntax or read error. */
  record Parsed(Path file, List<Node> documents, List<RouteProblem> problems) {}

  private YamlSource() {}

  static Parsed parse(Path file) {
    LoadSettings settings =
        LoadSettings.builder().setLabel(file.toString()).setUseMarks(true).build();
    List<Node> documents = new ArrayList<>();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (Node document : new Compose(settings).composeAllFromReader(reader)) {
        documents.add(document);
      }
    } catch (MarkedYamlEngineException e) {
      Optional<Mark> mark = e.getProblemMark().or(e::getContextMark);
      String message = e.getProblem() != null ? e.getProblem() : e.getMessage();
      if (e.getContext() != null) {
        String where =
            e.getContextMark()
                .map(
                    at -> " (line " + (at.getLine() + 1) + ", column " + (at.getColumn() + 1) + ")")
                .orElse("");
        message = e.getContext() + where + ": " + message;
      }
      return failed(
          file,
          mark.map(m -> m.getLine() + 1).orElse(1),
          mark.map(m -> m.getColumn() + 1).orElse(1),
          "YAML_SYNTAX",
          message);
    } catch (YamlEngineException e) {
      return failed(file, 1, 1, "YAML_SYNTAX", e.getMessage());
    } catch (IOException e) {
      return failed(file, 1, 1, "READ_ERROR", "cannot read file as UTF-8: " + e);
    }
    List<RouteProblem> problems = new ArrayList<>();
    try {
      documents.forEach(document -> findDuplicateKeys(file, document, problems));
    } catch (YamlEngineException e) {
      return failed(file, 1, 1, "YAML_SYNTAX", e.getMessage());
    }
    return new Parsed(file, documents, problems);
  }

  private static Parsed failed(Path file, int line, int column, String code, String message) {
    return new Parsed(
        file, List.of(), List.of(new RouteProblem(file, line, column, code, message)));
  }

  /** Camel silently keeps only one of two equal keys, so a repeated key is always a mistake. */
  private static void findDuplicateKeys(Path file, Node node, List<RouteProblem> problems) {
    if (node.isRecursive()) {
      throw new YamlEngineException("recursive anchors/aliases are not supported in route files");
    }
    if (node instanceof MappingNode mapping) {
      Map<String, Node> seen = new HashMap<>();
      for (NodeTuple tuple : mapping.getValue()) {
        Optional<String> key = YamlNodes.text(tuple.getKeyNode());
        if (key.isPresent()) {
          Node first = seen.putIfAbsent(key.get(), tuple.getKeyNode());
          if (first != null) {
            problems.add(
                YamlNodes.problem(
                    file,
                    tuple.getKeyNode(),
                    "DUPLICATE_KEY",
                    "key '"
                        + key.get()
                        + "' is repeated (first at line "
                        + YamlNodes.line(first)
                        + "); only one of them would be used"));
          }
        }
        findDuplicateKeys(file, tuple.getValueNode(), problems);
      }
    } else if (node instanceof SequenceNode sequence) {
      sequence.getValue().forEach(item -> findDuplicateKeys(file, item, problems));
    }
  }
}
