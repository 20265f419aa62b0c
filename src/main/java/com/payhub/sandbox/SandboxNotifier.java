package com.payhub.sandbox;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a sandbox channel's notifications the way the real channels do: after a short delay, then
 * again on every missing or wrong acknowledgement, on the configured schedule, until the hub
 * acknowledges or the schedule runs out. Each attempt builds a fresh request (a real channel signs
 * every resend anew). Every attempt is remembered, so tests and people can see what was sent.
 */
public final class SandboxNotifier implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SandboxNotifier.class);

  /**
   * One attempt: the HTTP status (0 when the hub could not be reached) and the body it answered.
   */
  public record Attempt(Instant at, int status, String body) {}

  /** One notification and its attempts, in order. */
  public record Delivery(
      String key, String channel, List<Attempt> attempts, boolean acknowledged, boolean gaveUp) {}

  private final SandboxProperties properties;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final ScheduledExecutorService scheduler =
      Executors.newScheduledThreadPool(
          2,
          r -> {
            Thread t = new Thread(r, "sandbox-notifier");
            t.setDaemon(true);
            return t;
          });
  private final Map<String, State> deliveries = new ConcurrentHashMap<>();

  public SandboxNotifier(SandboxProperties properties) {
    this.properties = properties;
  }

  /**
   * Sends a notification in the background.
   *
   * @param key names this delivery (e.g. {@code alipay:<out_trade_no>:TRADE_SUCCESS}); sending the
   *     same key again starts a second, separate delivery (a channel's duplicate)
   * @param request builds the signed request, once per attempt
   * @param acknowledged whether the hub's answer is the channel's exact acknowledgement
   */
  public void send(
      String key,
      String channel,
      Supplier<HttpRequest> request,
      Predicate<HttpResponse<String>> acknowledged) {
    State state = new State(key, channel, request, acknowledged);
    deliveries.merge(key, state, (old, fresh) -> old.addDuplicate(fresh));
    scheduler.schedule(() -> attempt(state, 0), properties.notifyDelay().toMillis(), MILLIS);
  }

  /** What was sent so far, keyed by delivery key (a duplicate appears as its own delivery). */
  public List<Delivery> deliveries() {
    List<Delivery> all = new ArrayList<>();
    deliveries.values().forEach(s -> s.collect(all));
    return all;
  }

  /** The deliveries whose key starts with {@code prefix}. */
  public List<Delivery> deliveries(String prefix) {
    return deliveries().stream().filter(d -> d.key().startsWith(prefix)).toList();
  }

  private void attempt(State state, int attemptNo) {
    int status = 0;
    String body = "";
    try {
      HttpResponse<String> response =
          http.send(
              state.request.get(),
              HttpResponse.BodyHandlers.ofString(java.nio.charset.StandardCharsets.UTF_8));
      status = response.statusCode();
      body = response.body();
      if (state.acknowledged.test(response)) {
        state.record(new Attempt(Instant.now(), status, body), true, false);
        return;
      }
    } catch (IOException e) {
      body = e.getClass().getSimpleName();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    } catch (RuntimeException e) {
      LOG.warn(
          "Sandbox {} notification {} could not be built: {}",
          state.channel,
          state.key,
          e.toString());
      body = e.getClass().getSimpleName();
    }
    List<Duration> intervals = properties.notifyIntervals();
    boolean last = attemptNo >= intervals.size();
    state.record(new Attempt(Instant.now(), status, clip(body)), false, last);
    if (last) {
      LOG.warn(
          "Sandbox {} gave up on notification {} after {} attempts",
          state.channel,
          state.key,
          attemptNo + 1);
      return;
    }
    LOG.info(
        "Sandbox {} notification {} not acknowledged (HTTP {}); resending in {}",
        state.channel,
        state.key,
        status,
        intervals.get(attemptNo));
    scheduler.schedule(
        () -> attempt(state, attemptNo + 1), intervals.get(attemptNo).toMillis(), MILLIS);
  }

  private static String clip(String s) {
    return s == null ? "" : s.length() > 200 ? s.substring(0, 200) : s;
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }

  private static final TimeUnit MILLIS = TimeUnit.MILLISECONDS;

  private static final class State {
    final String key;
    final String channel;
    final Supplier<HttpRequest> request;
    final Predicate<HttpResponse<String>> acknowledged;
    final List<Attempt> attempts = new CopyOnWriteArrayList<>();
    final List<State> duplicates = new CopyOnWriteArrayList<>();
    volatile boolean done;
    volatile boolean gaveUp;

    State(
        String key,
        String channel,
        Supplier<HttpRequest> request,
        Predicate<HttpResponse<String>> acknowledged) {
      this.key = key;
      this.channel = channel;
      this.request = request;
      this.acknowledged = acknowledged;
    }

    State addDuplicate(State other) {
      duplicates.add(other);
      return this;
    }

    void record(Attempt a, boolean acknowledged, boolean last) {
      attempts.add(a);
      done = acknowledged;
      gaveUp = last;
    }

    void collect(List<Delivery> into) {
      into.add(new Delivery(key, channel, List.copyOf(attempts), done, gaveUp));
      duplicates.forEach(d -> d.collect(into));
    }
  }
}
