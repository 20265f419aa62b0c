package com.payhub.deploy;

import static java.util.Objects.requireNonNull;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The manifests under {@code openshift/}, rendered as kustomize renders them, for the tests that
 * check them ({@code OpenShiftManifestsTest}) and run the hub with them ({@code DeploymentEnvIT}).
 *
 * <p>The renderer does only what the kustomizations here use, and refuses anything else rather than
 * ignore it: {@code resources} (files and folders with their own kustomization), {@code
 * configMapGenerator} with {@code files} ({@code key=path} or a path whose file name is the key),
 * {@code patches} with a {@code path} (strategic merge: containers and env and volumes merged by
 * name, volume mounts by mount path, ports by container port, lists of custom resources replaced;
 * {@code $patch: delete} removes a resource) and {@code images} ({@code newTag}). A generated
 * ConfigMap gets a name suffix from its content, as kustomize's hash does, and references to it in
 * pod volumes follow. Where it matters, the rendering was compared with {@code kubectl kustomize
 * --load-restrictor LoadRestrictionsNone}.
 */
public final class OpenShiftManifests {

  private static final Set<String> KUSTOMIZATION_KEYS =
      Set.of("apiVersion", "kind", "resources", "configMapGenerator", "patches", "images");

  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  /** A ConfigMap made by {@code configMapGenerator}: its generated name and each key's file. */
  public record GeneratedConfigMap(String baseName, String name, Map<String, Path> files) {}

  /** One rendered kustomization. */
  public record Rendered(
      Path dir, List<Map<String, Object>> resources, List<GeneratedConfigMap> generated) {

    /** The resource of that kind and name; fails when there is none. */
    public Map<String, Object> get(String kind, String name) {
      return find(kind, name)
          .orElseThrow(() -> new AssertionError(dir + " renders no " + kind + " " + name));
    }

    public java.util.Optional<Map<String, Object>> find(String kind, String name) {
      return resources.stream()
          .filter(r -> kind.equals(r.get("kind")) && name.equals(name(r)))
          .findFirst();
    }

    public List<Map<String, Object>> all(String kind) {
      return resources.stream().filter(r -> kind.equals(r.get("kind"))).toList();
    }

    /** The resource as the fabric8 model reads it (a typed class for the kinds fabric8 knows). */
    public <T extends KubernetesResource> T typed(String kind, String name, Class<T> type) {
      return SERIALIZATION.convertValue(get(kind, name), type);
    }

    /** The generated ConfigMap whose kustomization name was {@code baseName}. */
    public GeneratedConfigMap generated(String baseName) {
      return generated.stream()
          .filter(g -> g.baseName().equals(baseName))
          .findFirst()
          .orElseThrow(() -> new AssertionError(dir + " generates no ConfigMap " + baseName));
    }
  }

  private OpenShiftManifests() {}

  /** {@code openshift/} of the project (tests run in the project folder). */
  public static Path root() {
    return Path.of("openshift").toAbsolutePath();
  }

  /** Renders the kustomization in {@code openshift/<relative>}, e.g. {@code overlays/prod}. */
  public static Rendered render(String relative) {
    Path dir = root().resolve(relative).normalize();
    List<GeneratedConfigMap> generated = new ArrayList<>();
    List<Map<String, Object>> resources = render(dir, generated);
    return new Rendered(dir, resources, List.copyOf(generated));
  }

  /** Every YAML document in a file, as plain maps (SnakeYAML, duplicate keys refused). */
  public static List<Map<String, Object>> documents(Path file) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Object doc : yaml().loadAll(read(file))) {
      if (doc != null) {
        out.add(asMap(doc, file.toString()));
      }
    }
    return out;
  }

  /** The fabric8 model's reading of a manifest document. */
  public static HasMetadata typed(Map<String, Object> document) {
    return SERIALIZATION.convertValue(document, HasMetadata.class);
  }

  public static String name(Map<String, Object> resource) {
    return (String) map(resource.get("metadata"), "metadata").get("name");
  }

  // --- rendering ---

  private static List<Map<String, Object>> render(Path dir, List<GeneratedConfigMap> generated) {
    Path file = dir.resolve("kustomization.yaml");
    Map<String, Object> k = documents(file).get(0);
    for (String key : k.keySet()) {
      if (!KUSTOMIZATION_KEYS.contains(key)) {
        throw new IllegalStateException(file + ": '" + key + "' is not rendered by this test");
      }
    }
    List<Map<String, Object>> out = new ArrayList<>();
    for (Object entry : list(k.get("resources"))) {
      Path p = dir.resolve((String) entry).normalize();
      if (Files.isDirectory(p)) {
        out.addAll(render(p, generated));
      } else {
        out.addAll(documents(p));
      }
    }
    Map<String, String> renamed = new LinkedHashMap<>();
    for (Object g : list(k.get("configMapGenerator"))) {
      Map<String, Object> gen = map(g, file + " configMapGenerator");
      for (String key : gen.keySet()) {
        if (!Set.of("name", "files").contains(key)) {
          throw new IllegalStateException(file + ": configMapGenerator." + key + " not rendered");
        }
      }
      String baseName = (String) gen.get("name");
      Map<String, Path> files = new LinkedHashMap<>();
      Map<String, Object> data = new LinkedHashMap<>();
      for (Object f : list(gen.get("files"))) {
        String spec = (String) f;
        int eq = spec.indexOf('=');
        Path source = dir.resolve(eq < 0 ? spec : spec.substring(eq + 1)).normalize();
        String key = eq < 0 ? source.getFileName().toString() : spec.substring(0, eq);
        if (files.put(key, source) != null) {
          throw new IllegalStateException(file + ": two files for key " + key + " in " + baseName);
        }
        data.put(key, read(source));
      }
      String name = baseName + "-" + hash(data);
      generated.add(new GeneratedConfigMap(baseName, name, Map.copyOf(files)));
      renamed.put(baseName, name);
      Map<String, Object> cm = new LinkedHashMap<>();
      cm.put("apiVersion", "v1");
      cm.put("kind", "ConfigMap");
      cm.put("metadata", new LinkedHashMap<>(Map.of("name", name)));
      cm.put("data", data);
      out.add(cm);
    }
    for (Object p : list(k.get("patches"))) {
      Map<String, Object> patchSpec = map(p, file + " patches");
      if (!patchSpec.keySet().equals(Set.of("path"))) {
        throw new IllegalStateException(file + ": only patches with a path are rendered");
      }
      for (Map<String, Object> patch : documents(dir.resolve((String) patchSpec.get("path")))) {
        applyPatch(out, patch, file);
      }
    }
    for (Object i : list(k.get("images"))) {
      Map<String, Object> image = map(i, file + " images");
      if (!Set.of("name", "newTag").containsAll(image.keySet())) {
        throw new IllegalStateException(file + ": images supports name and newTag only");
      }
      retag(out, (String) image.get("name"), (String) image.get("newTag"));
    }
    renameConfigMapReferences(out, renamed);
    return out;
  }

  private static void applyPatch(
      List<Map<String, Object>> resources, Map<String, Object> patch, Path file) {
    String kind = (String) patch.get("kind");
    String name = name(patch);
    Map<String, Object> target =
        resources.stream()
            .filter(r -> kind.equals(r.get("kind")) && name.equals(name(r)))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException(file + ": no " + kind + " " + name));
    if ("delete".equals(patch.get("$patch"))) {
      resources.remove(target);
      return;
    }
    merge(target, patch, isBuiltIn(target));
  }

  /** Strategic merge for the built-in kinds, JSON merge (lists replaced) for custom resources. */
  @SuppressWarnings("unchecked")
  private static void merge(Map<String, Object> target, Map<String, Object> patch, boolean smp) {
    for (Map.Entry<String, Object> e : patch.entrySet()) {
      String key = e.getKey();
      Object value = e.getValue();
      Object current = target.get(key);
      if (value == null) {
        target.remove(key);
      } else if (value instanceof Map<?, ?> pm && current instanceof Map<?, ?> cm) {
        merge((Map<String, Object>) cm, (Map<String, Object>) pm, smp);
      } else if (value instanceof List<?> pl && current instanceof List<?> cl && smp) {
        target.put(key, mergeList(key, (List<Object>) cl, (List<Object>) pl));
      } else {
        target.put(key, deepCopy(value));
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Object> mergeList(String field, List<Object> current, List<Object> patch) {
    String mergeKey =
        switch (field) {
          case "containers", "initContainers", "env", "volumes" -> "name";
          case "volumeMounts" -> "mountPath";
          case "ports" -> "containerPort";
          default -> null;
        };
    if (mergeKey == null) {
      return (List<Object>) deepCopy(patch);
    }
    List<Object> out = new ArrayList<>(current);
    for (Object p : patch) {
      Map<String, Object> pe = (Map<String, Object>) p;
      Object id = pe.get(mergeKey);
      Map<String, Object> existing =
          (Map<String, Object>)
              out.stream()
                  .filter(c -> Objects.equals(((Map<String, Object>) c).get(mergeKey), id))
                  .findFirst()
                  .orElse(null);
      if ("delete".equals(pe.get("$patch"))) {
        out.remove(existing);
      } else if (existing != null) {
        merge(existing, pe, true);
      } else {
        out.add(deepCopy(pe));
      }
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static void retag(List<Map<String, Object>> resources, String image, String tag) {
    for (Map<String, Object> r : resources) {
      if (!"Deployment".equals(r.get("kind"))) {
        continue;
      }
      Map<String, Object> spec = podSpec(r);
      for (Object c : list(spec.get("containers"))) {
        Map<String, Object> container = (Map<String, Object>) c;
        String current = (String) container.get("image");
        String bare = current.contains(":") ? current.substring(0, current.indexOf(':')) : current;
        if (bare.equals(image)) {
          container.put("image", image + ":" + tag);
        }
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static void renameConfigMapReferences(
      List<Map<String, Object>> resources, Map<String, String> renamed) {
    for (Map<String, Object> r : resources) {
      if (!"Deployment".equals(r.get("kind"))) {
        continue;
      }
      for (Object v : list(podSpec(r).get("volumes"))) {
        Object cm = ((Map<String, Object>) v).get("configMap");
        if (cm instanceof Map<?, ?> ref && renamed.containsKey((String) ref.get("name"))) {
          ((Map<String, Object>) ref).put("name", renamed.get((String) ref.get("name")));
        }
      }
    }
  }

  /** {@code spec.template.spec} of a Deployment. */
  public static Map<String, Object> podSpec(Map<String, Object> deployment) {
    Map<String, Object> spec = map(deployment.get("spec"), "spec");
    return map(map(spec.get("template"), "spec.template").get("spec"), "spec.template.spec");
  }

  private static boolean isBuiltIn(Map<String, Object> resource) {
    String apiVersion = (String) resource.get("apiVersion");
    return !apiVersion.contains("/") || apiVersion.matches("(apps|autoscaling|policy)/.*");
  }

  // --- plumbing ---

  private static Yaml yaml() {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    return new Yaml(new SafeConstructor(options));
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String hash(Map<String, Object> data) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      data.forEach(
          (k, v) -> {
            sha.update(k.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(((String) v).getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
          });
      return HexFormat.of().formatHex(sha.digest()).substring(0, 10);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object o, String what) {
    if (!(o instanceof Map<?, ?>)) {
      throw new IllegalStateException(what + " is not a mapping: " + o);
    }
    return (Map<String, Object>) o;
  }

  static List<Object> list(Object o) {
    if (o == null) {
      return List.of();
    }
    if (!(o instanceof List<?> l)) {
      throw new IllegalStateException("not a list: " + o);
    }
    return new ArrayList<>(l);
  }

  private static Map<String, Object> asMap(Object doc, String where) {
    return map(deepCopy(requireNonNull(doc, where)), where);
  }

  @SuppressWarnings("unchecked")
  private static Object deepCopy(Object o) {
    if (o instanceof Map<?, ?> m) {
      Map<String, Object> copy = new LinkedHashMap<>();
      m.forEach((k, v) -> copy.put(String.valueOf(k), deepCopy(v)));
      return copy;
    }
    if (o instanceof List<?> l) {
      List<Object> copy = new ArrayList<>();
      l.forEach(v -> copy.add(deepCopy(v)));
      return copy;
    }
    return o;
  }
}
