package com.payhub.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The {@code jib-maven-plugin} configuration in {@code pom.xml}: what {@code ./mvnw jib:build}
 * would put in the image's config (base, entrypoint, user, working directory, ports, environment)
 * and which folders it adds, with which permissions.
 *
 * @param executions how many {@code <execution>}s bind the plugin to a phase (none: it runs only
 *     when asked for)
 * @param extraDirectories source folder (relative to the project) to its folder in the image
 * @param permissions path in the image to its octal mode
 */
public record ContainerJib(
    String version,
    int executions,
    String from,
    List<String> entrypoint,
    String user,
    String workingDirectory,
    List<Integer> ports,
    Map<String, String> environment,
    Map<String, String> extraDirectories,
    Map<String, String> permissions,
    String finalName) {

  public static final Path POM = Path.of("pom.xml");

  public static ContainerJib load() {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      Document pom = f.newDocumentBuilder().parse(POM.toFile());
      Element build = child(pom.getDocumentElement(), "build");
      Element plugin = jibPlugin(child(build, "plugins"));
      Element config = child(plugin, "configuration");
      Element container = child(config, "container");

      Map<String, String> extra = new LinkedHashMap<>();
      for (Element path : children(child(child(config, "extraDirectories"), "paths"), "path")) {
        extra.put(text(path, "from"), text(path, "into"));
      }
      Map<String, String> permissions = new LinkedHashMap<>();
      for (Element p :
          children(child(child(config, "extraDirectories"), "permissions"), "permission")) {
        permissions.put(text(p, "file"), text(p, "mode"));
      }
      Map<String, String> env = new LinkedHashMap<>();
      for (Element e : children(child(container, "environment"), null)) {
        env.put(e.getTagName(), e.getTextContent().trim());
      }
      Element executions = child(plugin, "executions");
      return new ContainerJib(
          text(plugin, "version"),
          executions == null ? 0 : children(executions, "execution").size(),
          text(child(config, "from"), "image"),
          children(child(container, "entrypoint"), "arg").stream()
              .map(a -> a.getTextContent().trim())
              .toList(),
          text(container, "user"),
          text(container, "workingDirectory"),
          children(child(container, "ports"), "port").stream()
              .map(p -> Integer.parseInt(p.getTextContent().trim()))
              .toList(),
          env,
          extra,
          permissions,
          text(build, "finalName"));
    } catch (Exception e) {
      throw new IllegalStateException("pom.xml: cannot read the jib-maven-plugin configuration", e);
    }
  }

  private static Element jibPlugin(Element plugins) {
    for (Element p : children(plugins, "plugin")) {
      if ("jib-maven-plugin".equals(text(p, "artifactId"))) {
        return p;
      }
    }
    throw new IllegalStateException("pom.xml has no jib-maven-plugin in build/plugins");
  }

  private static Element child(Element parent, String name) {
    if (parent == null) {
      return null;
    }
    List<Element> found = children(parent, name);
    return found.isEmpty() ? null : found.get(0);
  }

  /** Direct child elements, all of them when {@code name} is null. */
  private static List<Element> children(Element parent, String name) {
    List<Element> out = new ArrayList<>();
    if (parent == null) {
      return out;
    }
    NodeList nodes = parent.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      Node n = nodes.item(i);
      if (n instanceof Element e && (name == null || e.getTagName().equals(name))) {
        out.add(e);
      }
    }
    return out;
  }

  private static String text(Element parent, String name) {
    Element e = child(parent, name);
    return e == null ? null : e.getTextContent().trim();
  }
}
