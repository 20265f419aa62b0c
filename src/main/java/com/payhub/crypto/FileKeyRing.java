package com.payhub.crypto;

import com.payhub.crypto.KeyConfig.CredentialSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Credentials read from files (mounted Secrets). All are loaded at construction, so a bad path
 * fails start-up. {@link #reloadIfChanged()} re-reads a credential when one of its files changed
 * (real path, file key, modification time or size: OpenShift swaps a {@code ..data} symlink rather
 * than rewriting files); a reload that fails keeps the previous keys, logs a WARN and counts. Reads
 * are lock-free: the credentials live in an immutable map behind a volatile field.
 */
public final class FileKeyRing implements KeyRing, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(FileKeyRing.class);

  private final String prefix;
  private final List<CredentialSpec> specs;
  private final AtomicLong reloadFailures = new AtomicLong();
  private volatile Map<String, Loaded> credentials;
  private volatile String lastReloadError;
  private ScheduledExecutorService poller;
  private boolean closed;

  /** What a credential was loaded from: the file stamps seen just before reading it. */
  private record Loaded(Credential credential, Map<Path, Stamp> stamps) {}

  /** A file's identity; {@code problem} is set when it could not be looked at. */
  private record Stamp(
      Path realPath, Object fileKey, FileTime modified, long size, String problem) {}

  /**
   * @param prefix the property the specs were bound from, for messages ({@code payhub.credentials})
   * @throws KeyLoadException listing every credential that does not load
   */
  public FileKeyRing(List<CredentialSpec> specs, String prefix) {
    this.prefix = prefix;
    this.specs = List.copyOf(specs);
    Map<String, Loaded> loaded = new LinkedHashMap<>();
    List<String> errors = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (CredentialSpec spec : this.specs) {
      if (spec.id() == null || spec.id().isBlank()) {
        errors.add(prefix + ": a credential has no id");
      } else if (!ids.add(spec.id())) {
        errors.add(prefix + "." + spec.id() + ": configured twice");
      } else {
        try {
          Map<Path, Stamp> stamps = stamps(spec);
          loaded.put(spec.id(), new Loaded(CredentialLoader.load(prefix, spec), stamps));
        } catch (KeyLoadException e) {
          errors.add(e.getMessage());
        }
      }
    }
    if (errors.size() == 1) {
      throw new KeyLoadException(errors.get(0));
    } else if (!errors.isEmpty()) {
      throw new KeyLoadException(
          errors.size() + " credentials do not load:\n - " + String.join("\n - ", errors));
    }
    this.credentials = Map.copyOf(loaded);
  }

  @Override
  public Credential credential(String id) {
    Loaded loaded = id == null ? null : credentials.get(id);
    if (loaded == null) {
      throw new KeyNotFoundException("no credential '" + id + "' is configured under " + prefix);
    }
    return loaded.credential();
  }

  /** The configured credential ids. */
  public List<String> ids() {
    return specs.stream().map(CredentialSpec::id).toList();
  }

  /**
   * Re-reads each credential whose files changed since it was last read, and swaps it in when it
   * loads. A credential that fails keeps its previous keys and is not retried until its files
   * change again.
   *
   * @return how many credentials were replaced
   */
  public synchronized int reloadIfChanged() {
    Map<String, Loaded> current = credentials;
    Map<String, Loaded> next = new LinkedHashMap<>(current);
    int replaced = 0;
    boolean changed = false;
    for (CredentialSpec spec : specs) {
      Loaded old = current.get(spec.id());
      Map<Path, Stamp> stamps = stamps(spec);
      if (stamps.equals(old.stamps())) {
        continue;
      }
      changed = true;
      try {
        Credential credential = CredentialLoader.load(prefix, spec);
        next.put(spec.id(), new Loaded(credential, stamps));
        replaced++;
        log.info(
            "Reloaded credential '{}': key ids {}",
            spec.id(),
            credential.keys().stream().map(KeyEntry::keyId).toList());
      } catch (RuntimeException e) {
        next.put(spec.id(), new Loaded(old.credential(), stamps));
        reloadFailures.incrementAndGet();
        // our messages name property and path only; other exceptions are reduced to their type
        String reason = e instanceof KeyLoadException ? e.getMessage() : e.getClass().getName();
        lastReloadError = reason;
        log.warn("Credential '{}' not reloaded, keeping its previous keys: {}", spec.id(), reason);
      }
    }
    if (changed) {
      credentials = Map.copyOf(next);
    }
    return replaced;
  }

  /** Reloads that failed since start (each broken change counts once). */
  public long reloadFailures() {
    return reloadFailures.get();
  }

  /** The message of the last failed reload, without key material. */
  public Optional<String> lastReloadError() {
    return Optional.ofNullable(lastReloadError);
  }

  /**
   * Polls for changed files every {@code interval} on one daemon thread, until {@link #close()}.
   */
  public synchronized void start(Duration interval) {
    if (interval == null || interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("the reload interval must be positive, not " + interval);
    }
    if (closed || poller != null) {
      throw new IllegalStateException(closed ? "key ring is closed" : "key ring already polls");
    }
    poller =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "payhub-key-reload");
              t.setDaemon(true);
              return t;
            });
    long millis = interval.toMillis();
    poller.scheduleWithFixedDelay(this::poll, millis, millis, TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (poller != null) {
      poller.shutdownNow();
      poller = null;
    }
  }

  private void poll() {
    try {
      reloadIfChanged();
    } catch (RuntimeException e) {
      // an exception would cancel the schedule: log its type and keep polling
      log.warn("Key reload poll failed: {}", e.getClass().getName());
    }
  }

  private static Map<Path, Stamp> stamps(CredentialSpec spec) {
    Map<Path, Stamp> stamps = new LinkedHashMap<>();
    for (KeyConfig.KeySpec key : spec.keys()) {
      if (key != null) {
        key.files().forEach(f -> stamps.put(f, stamp(f)));
      }
    }
    return stamps;
  }

  private static Stamp stamp(Path file) {
    try {
      Path real = file.toRealPath();
      BasicFileAttributes a = Files.readAttributes(real, BasicFileAttributes.class);
      return new Stamp(real, a.fileKey(), a.lastModifiedTime(), a.size(), null);
    } catch (IOException | RuntimeException e) {
      return new Stamp(null, null, null, -1, e.getClass().getSimpleName());
    }
  }
}
