package com.payhub.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a Grafana dashboard's PromQL: every {@code expr} of every panel's targets (rows' nested
 * panels included), and the queries of its template variables; and the metric names they use.
 */
final class DashboardQueries {

  private static final Pattern STRING =
      Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|`[^`]*`");
  private static final Pattern GROUPING =
      Pattern.compile("\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{[^}]*}|\\$\\w+|\\[\\[\\w+]]");
  private static final Pattern IDENTIFIER =
      Pattern.compile("(?<![\\w.])([a-zA-Z_:][a-zA-Z0-9_:]*)(\\s*\\()?");
  private static final Set<String> KEYWORDS =
      Set.of(
          "by",
          "without",
          "on",
          "ignoring",
          "group_left",
          "group_right",
          "bool",
          "and",
          "or",
          "unless",
          "offset",
          "inf",
          "nan",
          "Inf",
          "NaN");
  private static final Pattern LABEL_VALUES =
      Pattern.compile("label_values\\(\\s*([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*,");

  private DashboardQueries() {}

  /** Every {@code expr} in the dashboard's panels. */
  static List<String> exprs(JsonNode dashboard) {
    List<String> out = new ArrayList<>();
    for (JsonNode panel : panels(dashboard)) {
      for (JsonNode t : panel.path("targets")) {
        if (t.hasNonNull("expr")) {
          out.add(t.get("expr").asText());
        }
      }
    }
    return out;
  }

  /** The metric names used by the panels' exprs and the template variables' queries. */
  static Set<String> metricNames(JsonNode dashboard) {
    Set<String> names = new TreeSet<>();
    for (String expr : exprs(dashboard)) {
      names.addAll(metricNames(expr));
    }
    for (JsonNode v : dashboard.path("templating").path("list")) {
      JsonNode q = v.path("query");
      String text = q.isObject() ? q.path("query").asText("") : q.asText("");
      if (!"query".equals(v.path("type").asText())) {
        continue;
      }
      Matcher m = LABEL_VALUES.matcher(text);
      if (m.find()) {
        names.add(m.group(1));
      } else {
        names.addAll(metricNames(text));
      }
    }
    return names;
  }

  /**
   * The metric names in one PromQL expression: what is left once strings, label matchers, ranges,
   * grouping clauses, Grafana variables, function calls, keywords and numbers are taken out.
   */
  static Set<String> metricNames(String expr) {
    String s = STRING.matcher(expr).replaceAll("\"\"");
    s = s.replaceAll("\\{[^}]*}", " ");
    s = s.replaceAll("\\[[^]]*]", " ");
    s = GROUPING.matcher(s).replaceAll(" ");
    s = VARIABLE.matcher(s).replaceAll(" ");
    Set<String> names = new TreeSet<>();
    Matcher m = IDENTIFIER.matcher(s);
    while (m.find()) {
      String id = m.group(1);
      boolean call = m.group(2) != null;
      if (!call && !KEYWORDS.contains(id)) {
        names.add(id);
      }
    }
    return names;
  }

  /** The data source uid of every panel and target (rows excepted). */
  static Set<String> dataSourceUids(JsonNode dashboard) {
    Set<String> uids = new TreeSet<>();
    for (JsonNode panel : panels(dashboard)) {
      if ("row".equals(panel.path("type").asText())) {
        continue;
      }
      uids.add(panel.path("datasource").path("uid").asText("<none>"));
      for (JsonNode t : panel.path("targets")) {
        uids.add(t.path("datasource").path("uid").asText("<none>"));
      }
    }
    return uids;
  }

  private static List<JsonNode> panels(JsonNode dashboard) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode p : dashboard.path("panels")) {
      out.add(p);
      for (JsonNode nested : p.path("panels")) {
        out.add(nested);
      }
    }
    return out;
  }
}
