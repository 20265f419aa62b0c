package com.payhub.routes;

import java.nio.file.Path;

/**
 * One finding of the route file validator, positioned at a 1-based line and column of the file.
 *
 * @param code a stable, machine-readable code such as {@code SCHEMA} or {@code UNKNOWN_SCHEME}
 */
public record RouteProblem(Path file, int line, int column, String code, String message) {

  /** Formats the problem the way compilers do: {@code file:line:column: CODE message}. */
  @Override
  public String toString() {
    return file + ":" + line + ":" + column + ": " + code + " " + message;
  }
}
