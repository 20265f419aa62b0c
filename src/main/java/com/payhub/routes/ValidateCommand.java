package com.payhub.routes;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Command line entry: {@code validate [--allow-class-prefix <prefix>]... <file-or-directory>...}.
 *
 * <p>Exit codes: 0 all files are valid (one summary line on {@code out}), 1 problems found (one
 * line per problem on {@code err}), 2 usage error (no paths, unknown option, path does not exist).
 */
public final class ValidateCommand {

  public static final int OK = 0;
  public static final int PROBLEMS = 1;
  public static final int USAGE = 2;

  static final String USAGE_TEXT =
      "usage: validate [--allow-class-prefix <prefix>]... <file-or-directory>...\n"
          + "  checks Camel YAML route files (*.camel.yaml, *.camel.yml below directories) without starting"
          + " the hub\n"
          + "  --allow-class-prefix <prefix>  also allow route files to instantiate classes starting with"
          + " <prefix> (repeatable; always allowed: "
          + RouteFileValidator.DEFAULT_ALLOWED_CLASS_PREFIXES
          + ")";

  private ValidateCommand() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  public static int run(String[] args, PrintStream out, PrintStream err) {
    List<String> prefixes = new ArrayList<>(RouteFileValidator.DEFAULT_ALLOWED_CLASS_PREFIXES);
    List<Path> paths = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if ("--allow-class-prefix".equals(arg)) {
        if (i + 1 >= args.length || args[i + 1].isBlank() || args[i + 1].startsWith("--")) {
          return usage(err, "--allow-class-prefix needs a value");
        }
        prefixes.add(args[++i].trim());
      } else if (arg.startsWith("--allow-class-prefix=")) {
        prefixes.add(arg.substring("--allow-class-prefix=".length()).trim());
      } else if ("--help".equals(arg) || "-h".equals(arg)) {
        out.println(USAGE_TEXT);
        return OK;
      } else if (arg.startsWith("-")) {
        return usage(err, "unknown option " + arg);
      } else {
        paths.add(Path.of(arg));
      }
    }
    if (paths.isEmpty()) {
      return usage(err, "no route files or directories given");
    }
    for (Path path : paths) {
      if (!Files.exists(path)) {
        return usage(err, "no such file or directory: " + path);
      }
    }
    RouteFileValidator.Report report = new RouteFileValidator(prefixes).check(paths);
    if (report.ok()) {
      out.println("OK: " + count(report.files(), "file") + ", " + count(report.routes(), "route"));
      return OK;
    }
    report.problems().forEach(err::println);
    return PROBLEMS;
  }

  private static int usage(PrintStream err, String problem) {
    err.println("validate: " + problem);
    err.println(USAGE_TEXT);
    return USAGE;
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
