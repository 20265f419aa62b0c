package com.payhub.routes;

import com.networknt.schema.JsonNodePath;
import com.networknt.schema.ValidationMessage;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reduces the oneOf/anyOf explosion of the Camel schema to the errors a person can act on.
 *
 * <p>One typo inside a step makes every alternative of the enclosing oneOf/anyOf fail. Rules, per
 * instance location L: summary keywords (oneOf, anyOf, allOf, not) go when a concrete error exists
 * at L or below, except a oneOf that failed because several alternatives matched (two expression
 * languages on one step); "type" errors go when another concrete error exists at L or below
 * (another alternative did match the type), the rest are merged; "required" errors of an
 * alternative go when an error exists below L or L is ambiguous, and the rest are merged into one
 * "requires one of" message.
 */
final class SchemaErrorFilter {

  /** One error to report: where it is (JSON path) and what to say. */
  record SchemaError(JsonNodePath location, String property, String message) {}

  private static final Set<String> SUMMARY = Set.of("oneOf", "anyOf", "allOf", "not");
  private static final Pattern SEVERAL_VALID = Pattern.compile(".*but ([2-9]|\\d{2,}) are valid.*");
  private static final Pattern TYPE_ERROR = Pattern.compile("(\\w+) found, (.+) expected");

  private SchemaErrorFilter() {}

  static List<SchemaError> reduce(Collection<ValidationMessage> messages) {
    List<ValidationMessage> concrete =
        messages.stream().filter(m -> !SUMMARY.contains(m.getType())).toList();
    Set<JsonNodePath> ambiguous =
        messages.stream()
            .filter(SchemaErrorFilter::isAmbiguous)
            .map(ValidationMessage::getInstanceLocation)
            .collect(Collectors.toSet());
    List<ValidationMessage> kept = new ArrayList<>();
    for (ValidationMessage message : messages) {
      JsonNodePath at = message.getInstanceLocation();
      boolean keep =
          switch (message.getType()) {
            case "oneOf", "anyOf", "allOf", "not" ->
                isAmbiguous(message) || concrete.stream().noneMatch(c -> within(c, at));
            case "type" ->
                concrete.stream()
                    .noneMatch(
                        c ->
                            c != message
                                && within(c, at)
                                && !(c.getType().equals("type")
                                    && c.getInstanceLocation().equals(at)));
            case "required" ->
                !isAlternative(message)
                    || !ambiguous.contains(at) && concrete.stream().noneMatch(c -> below(c, at));
            default -> true;
          };
      if (keep) {
        kept.add(message);
      }
    }
    return merge(kept);
  }

  private static List<SchemaError> merge(List<ValidationMessage> kept) {
    Map<String, SchemaError> errors = new LinkedHashMap<>();
    Map<JsonNodePath, List<String>> alternatives = new TreeMap<>();
    Map<JsonNodePath, SchemaError> typeErrors = new TreeMap<>();
    for (ValidationMessage message : kept) {
      if ("required".equals(message.getType()) && isAlternative(message)) {
        alternatives
            .computeIfAbsent(message.getInstanceLocation(), k -> new ArrayList<>())
            .add(String.valueOf(message.getArguments()[0]));
      } else if ("type".equals(message.getType())) {
        SchemaError error = new SchemaError(message.getInstanceLocation(), null, friendly(message));
        typeErrors.merge(error.location(), error, SchemaErrorFilter::eitherType);
      } else {
        String text = friendly(message);
        errors.putIfAbsent(
            message.getInstanceLocation() + text,
            new SchemaError(message.getInstanceLocation(), additionalProperty(message), text));
      }
    }
    typeErrors
        .values()
        .forEach(error -> errors.putIfAbsent(error.location() + error.message(), error));
    alternatives.forEach(
        (at, names) -> {
          String text =
              names.size() == 1
                  ? "required property '" + names.get(0) + "' not found"
                  : "requires one of "
                      + names.stream().distinct().collect(Collectors.joining(", "));
          errors.putIfAbsent(at + text, new SchemaError(at, null, text));
        });
    List<SchemaError> result = new ArrayList<>(errors.values());
    result.sort(Comparator.comparing(SchemaError::location).thenComparing(SchemaError::message));
    return result;
  }

  /** "array found, string expected" and "array found, object expected" become one message. */
  private static SchemaError eitherType(SchemaError first, SchemaError second) {
    Matcher a = TYPE_ERROR.matcher(first.message());
    Matcher b = TYPE_ERROR.matcher(second.message());
    if (!a.matches() || !b.matches()) {
      return first;
    }
    return new SchemaError(
        first.location(),
        null,
        a.group(1) + " found, " + a.group(2) + " or " + b.group(2) + " expected");
  }

  private static boolean isAmbiguous(ValidationMessage message) {
    return "oneOf".equals(message.getType())
        && SEVERAL_VALID.matcher(message.getMessage()).matches();
  }

  private static boolean within(ValidationMessage message, JsonNodePath at) {
    return message.getInstanceLocation().startsWith(at);
  }

  private static boolean below(ValidationMessage message, JsonNodePath at) {
    return within(message, at) && !message.getInstanceLocation().equals(at);
  }

  /**
   * A required check inside a oneOf/anyOf of the location's own schema, e.g. "one expression
   * language".
   */
  private static boolean isAlternative(ValidationMessage message) {
    JsonNodePath path = message.getEvaluationPath();
    int ownSchemaStart = 0;
    for (int i = 0; i < path.getNameCount(); i++) {
      String name = path.getName(i);
      if ("items".equals(name) || i > 0 && "properties".equals(path.getName(i - 1))) {
        ownSchemaStart = i + 1;
      }
    }
    for (int i = ownSchemaStart; i < path.getNameCount(); i++) {
      if ("oneOf".equals(path.getName(i)) || "anyOf".equals(path.getName(i))) {
        return true;
      }
    }
    return false;
  }

  private static String additionalProperty(ValidationMessage message) {
    return "additionalProperties".equals(message.getType()) ? message.getProperty() : null;
  }

  /**
   * Drops the location prefix and undoes the wording of the scalar loosening done by
   * YamlSchemaCheck.
   */
  private static String friendly(ValidationMessage message) {
    String text = message.getMessage();
    String location = message.getInstanceLocation().toString();
    if (text.startsWith(location + ": ")) {
      text = text.substring(location.length() + 2);
    }
    if (isAmbiguous(message)) {
      return text + "; give only one of the alternatives (e.g. one expression language per step)";
    }
    if ("pattern".equals(message.getType()) && text.contains(YamlSchemaCheck.PLACEHOLDER)) {
      return text.contains("true|false")
          ? "must be true, false or a {{placeholder}}"
          : "must be a number or a {{placeholder}}";
    }
    return text.replace("[string, number, boolean] expected", "string expected")
        .replace("[boolean, string] expected", "boolean expected")
        .replace("[number, string] expected", "number expected");
  }
}
