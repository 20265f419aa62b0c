package com.payhub.routes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;

/**
 * Validates each YAML document against the Camel YAML DSL JSON schema shipped in camel-yaml-dsl.
 *
 * <p>Camel converts scalars when it reads route files ({@code autoStartup: "{{flag}}"}, {@code
 * constant: 404}), so the schema is loosened once when loaded: scalar types accept each other,
 * booleans and numbers given as text must look like one (or be a {@code {{placeholder}}}).
 * Everything else is the schema as shipped.
 */
final class YamlSchemaCheck {

  static final String SCHEMA_RESOURCE = "schema/camelYamlDsl.json";
  static final String PLACEHOLDER = "\\{\\{.+\\}\\}";

  private YamlSchemaCheck() {}

  /** Loaded on first use: the schema is about 800 KB. */
  private static final class Holder {
    static final JsonSchema SCHEMA = load();
  }

  static void check(Path file, Node document, List<RouteProblem> problems) {
    Set<ValidationMessage> messages = Holder.SCHEMA.validate(YamlNodes.toJson(document));
    for (SchemaErrorFilter.SchemaError error : SchemaErrorFilter.reduce(messages)) {
      List<Object> path = elements(error.location());
      Node node = YamlNodes.locate(document, path);
      if (error.property() != null) {
        // an unknown property: point at its key, not at the object holding it
        Node object = YamlNodes.locate(document, path, false);
        node = YamlNodes.entry(object, error.property()).map(NodeTuple::getKeyNode).orElse(node);
      }
      problems.add(
          YamlNodes.problem(
              file, node, "SCHEMA", error.message() + " (at " + error.location() + ")"));
    }
  }

  private static List<Object> elements(JsonNodePath path) {
    List<Object> elements = new ArrayList<>();
    for (int i = 0; i < path.getNameCount(); i++) {
      elements.add(path.getElement(i));
    }
    return elements;
  }

  private static JsonSchema load() {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    InputStream in = loader != null ? loader.getResourceAsStream(SCHEMA_RESOURCE) : null;
    if (in == null) {
      in = YamlSchemaCheck.class.getClassLoader().getResourceAsStream(SCHEMA_RESOURCE);
    }
    if (in == null) {
      throw new IllegalStateException(
          SCHEMA_RESOURCE + " not on the classpath (camel-yaml-dsl missing?)");
    }
    try (InputStream stream = in) {
      JsonNode schema = new ObjectMapper().readTree(stream);
      loosenScalarTypes(schema);
      // the Camel schema annotates options with "deprecated", which draft-04 does not know
      JsonMetaSchema metaSchema =
          JsonMetaSchema.builder(JsonMetaSchema.getV4())
              .keyword(new NonValidationKeyword("deprecated"))
              .build();
      // eager preloading of all 1500 definitions takes seconds; refs are resolved on first use
      // instead
      SchemaValidatorsConfig config =
          SchemaValidatorsConfig.builder()
              .preloadJsonSchema(false)
              .pathType(PathType.JSON_PATH)
              .build();
      return JsonSchemaFactory.getInstance(
              SpecVersion.VersionFlag.V4, factory -> factory.metaSchema(metaSchema))
          .getSchema(SchemaLocation.of("classpath:" + SCHEMA_RESOURCE), schema, config);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + SCHEMA_RESOURCE, e);
    }
  }

  private static void loosenScalarTypes(JsonNode node) {
    if (node instanceof ObjectNode object && object.path("type").isTextual()) {
      String type = object.get("type").asText();
      ArrayNode types = object.arrayNode().add(type);
      switch (type) {
        case "string" -> types.add("number").add("boolean");
        case "boolean" -> object.put("pattern", "^(true|false|" + PLACEHOLDER + ")$");
        case "number", "integer" ->
            object.put("pattern", "^(-?[0-9]+(\\.[0-9]+)?|" + PLACEHOLDER + ")$");
        default -> types.removeAll();
      }
      if (!types.isEmpty()) {
        if (!"string".equals(type)) {
          types.add("string");
        }
        object.set("type", types);
      }
    }
    node.forEach(YamlSchemaCheck::loosenScalarTypes);
  }
}
