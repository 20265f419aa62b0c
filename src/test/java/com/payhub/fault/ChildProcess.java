package com.payhub.fault;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A process this test JVM started (broker, hub, sandbox), its output in a log file. {@link #kill}
 * is SIGKILL ({@code destroyForcibly} on Linux) for the process and every descendant, because a
 * crash test must not let anything shut down cleanly; and because a failed test must not leave a
 * broker or a hub running, every live child is also killed when this JVM exits.
 */
final class ChildProcess {

  private static final Set<ChildProcess> LIVE = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(() -> List.copyOf(LIVE).forEach(ChildProcess::kill), "fault-children-kill"));
  }

  private final String name;
  private final Process process;
  private final Path log;

  private ChildProcess(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  /** Starts {@code command} in {@code workDir}, stdout and stderr appended to {@code log}. */
  static ChildProcess start(
      String name, List<String> command, Path workDir, Map<String, String> env, Path log) {
    try {
      Files.createDirectories(log.getParent());
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(workDir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
      builder.environment().putAll(env);
      ChildProcess child = new ChildProcess(name, builder.start(), log);
      LIVE.add(child);
      return child;
    } catch (IOException e) {
      throw new UncheckedIOException("could not start " + name + ": " + command, e);
    }
  }

  /** Runs a short command to its end (e.g. {@code artemis create}); fails unless it exits 0. */
  static void run(
      String name, List<String> command, Path workDir, Map<String, String> env, Path log)
      throws InterruptedException {
    ChildProcess child = start(name, command, workDir, env, log);
    try {
      if (!child.process.waitFor(120, TimeUnit.SECONDS)) {
        throw new IllegalStateException(name + " did not finish within 120 s; see " + log);
      }
      if (child.process.exitValue() != 0) {
        throw new IllegalStateException(
            name + " exited " + child.process.exitValue() + ":\n" + child.tail(40));
      }
    } finally {
      child.kill();
    }
  }

  boolean alive() {
    return process.isAlive();
  }

  long pid() {
    return process.pid();
  }

  /**
   * SIGKILL to the process and to each of its descendants (taken before the parent dies, when they
   * can still be found), then waits until all of them are gone so that their ports are free.
   */
  void kill() {
    List<ProcessHandle> tree =
        java.util.stream.Stream.concat(
                process.descendants(), java.util.stream.Stream.of(process.toHandle()))
            .toList();
    tree.forEach(ProcessHandle::destroyForcibly);
    for (ProcessHandle p : tree) {
      try {
        p.onExit().get(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      } catch (ExecutionException | TimeoutException e) {
        throw new IllegalStateException(name + " (pid " + p.pid() + ") did not die on SIGKILL", e);
      }
    }
    LIVE.remove(this);
  }

  /** The last lines of the log, for a failure message. */
  String tail(int lines) {
    try {
      List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException | java.io.UncheckedIOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  Path log() {
    return log;
  }
}
