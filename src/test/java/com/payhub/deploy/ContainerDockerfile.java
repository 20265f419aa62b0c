package com.payhub.deploy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The repository's {@code Dockerfile}, read instruction by instruction the way {@code docker build}
 * reads it: comments dropped, continuation lines joined, the last {@code USER}, {@code WORKDIR} and
 * {@code ENTRYPOINT} winning, {@code ENV} pairs in either form.
 *
 * @param user the final {@code USER} ({@code uid[:gid]})
 * @param entrypoint the exec form of the final {@code ENTRYPOINT}
 * @param copies {@code COPY} source to destination, in order
 * @param runs each {@code RUN} command with the {@code USER} it runs as
 */
public record ContainerDockerfile(
    String from,
    String user,
    String workdir,
    List<Integer> exposed,
    List<String> entrypoint,
    Map<String, String> env,
    List<Copy> copies,
    List<Run> runs) {

  public static final Path PATH = Path.of("Dockerfile");

  private static final Pattern ENV_PAIR =
      Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(\"((?:[^\"\\\\]|\\\\.)*)\"|(\\S*))");

  public record Copy(String source, String destination) {}

  public record Run(String user, String command) {}

  public static ContainerDockerfile load() {
    try {
      return parse(Files.readString(PATH, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ContainerDockerfile parse(String text) {
    String from = null;
    String user = "0";
    String workdir = "/";
    List<Integer> exposed = new ArrayList<>();
    List<String> entrypoint = List.of();
    Map<String, String> env = new LinkedHashMap<>();
    List<Copy> copies = new ArrayList<>();
    List<Run> runs = new ArrayList<>();
    for (String line : instructions(text)) {
      String[] parts = line.split("\\s+", 2);
      String keyword = parts[0].toUpperCase(Locale.ROOT);
      String args = parts.length > 1 ? parts[1].trim() : "";
      switch (keyword) {
        case "FROM" -> from = args.split("\\s+")[0];
        case "USER" -> user = args;
        case "WORKDIR" -> workdir = args;
        case "EXPOSE" -> {
          for (String p : args.split("\\s+")) {
            exposed.add(Integer.parseInt(p.replace("/tcp", "")));
          }
        }
        case "ENTRYPOINT" -> entrypoint = execForm(args);
        case "ENV" -> env.putAll(envPairs(args));
        case "COPY" -> {
          String[] words = args.split("\\s+");
          List<String> paths = new ArrayList<>();
          for (String w : words) {
            if (!w.startsWith("--")) {
              paths.add(w);
            }
          }
          String destination = paths.get(paths.size() - 1);
          for (String source : paths.subList(0, paths.size() - 1)) {
            copies.add(new Copy(source, destination));
          }
        }
        case "RUN" -> runs.add(new Run(user, args));
        default -> {
          // LABEL, ARG, ...: nothing the tests read
        }
      }
    }
    return new ContainerDockerfile(
        from,
        user,
        workdir,
        List.copyOf(exposed),
        entrypoint,
        Map.copyOf(env),
        List.copyOf(copies),
        List.copyOf(runs));
  }

  /** The numeric uid of {@link #user}. */
  public int uid() {
    return Integer.parseInt(user.split(":")[0]);
  }

  private static List<String> instructions(String text) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String raw : text.split("\n")) {
      String line = raw.strip();
      if (line.startsWith("#") || line.isEmpty()) {
        continue;
      }
      if (line.endsWith("\\")) {
        current.append(line, 0, line.length() - 1).append(' ');
        continue;
      }
      out.add(current.append(line).toString().trim());
      current.setLength(0);
    }
    return out;
  }

  private static List<String> execForm(String args) {
    if (!args.startsWith("[")) {
      throw new IllegalStateException(
          "ENTRYPOINT must use the exec form (the JVM gets SIGTERM): " + args);
    }
    try {
      return new ObjectMapper().readValue(args, new TypeReference<List<String>>() {});
    } catch (IOException e) {
      throw new IllegalStateException("ENTRYPOINT is not a JSON array: " + args, e);
    }
  }

  private static Map<String, String> envPairs(String args) {
    Map<String, String> out = new LinkedHashMap<>();
    if (!args.contains("=")) {
      String[] kv = args.split("\\s+", 2);
      out.put(kv[0], kv.length > 1 ? kv[1] : "");
      return out;
    }
    Matcher m = ENV_PAIR.matcher(args);
    while (m.find()) {
      String value = m.group(3) != null ? m.group(3).replaceAll("\\\\(.)", "$1") : m.group(4);
      out.put(m.group(1), value);
    }
    return out;
  }
}
