package com.payhub.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.TextMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.stereotype.Component;

/**
 * Sends the {@link Outbox} to the broker: one thread per hub, woken by every commit that added a
 * row and otherwise every {@code payhub.outbox.interval}. Rows are claimed for a while, sent in
 * order, then deleted; a broker that refuses (down, restarting) gets the rows back and is tried
 * again with backoff, so an outage delays messages and loses none.
 *
 * <p>Lifecycle phase 0: started before, and stopped after, the Camel routes and the web server
 * (phase {@code Integer.MAX_VALUE} and below), so what their last transactions wrote still goes out
 * before the hub exits.
 */
@Component
public class OutboxRelay implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);

  private final Outbox outbox;
  private final JmsTemplate queues;
  private final JmsTemplate topics;
  private final Clock clock;
  private final Duration interval;
  private final Duration claimFor;
  private final int batchSize;
  private final Counter sent;
  private final Counter failures;
  private final Object signal = new Object();
  private boolean woken;
  private volatile boolean running;
  private Thread thread;

  public OutboxRelay(
      Outbox outbox,
      ConnectionFactory connectionFactory,
      Clock clock,
      MeterRegistry meters,
      @Value("${payhub.outbox.interval:1s}") Duration interval,
      @Value("${payhub.outbox.claim-for:30s}") Duration claimFor,
      @Value("${payhub.outbox.batch-size:200}") int batchSize) {
    this.outbox = outbox;
    this.queues = template(connectionFactory, false);
    this.topics = template(connectionFactory, true);
    this.clock = clock;
    this.interval = interval;
    this.claimFor = claimFor;
    this.batchSize = batchSize;
    this.sent =
        Counter.builder("payhub.outbox.sent")
            .description("orders and events the outbox relay handed to the broker")
            .register(meters);
    this.failures =
        Counter.builder("payhub.outbox.failures")
            .description("outbox passes the broker or the database refused (retried)")
            .register(meters);
    Gauge.builder("payhub.outbox.pending", outbox, Outbox::pending)
        .description("orders and events committed in the ledger, not yet sent to the broker")
        .register(meters);
  }

  private static JmsTemplate template(ConnectionFactory factory, boolean topic) {
    JmsTemplate t = new JmsTemplate(factory);
    t.setPubSubDomain(topic);
    t.setSessionTransacted(false);
    return t;
  }

  @Override
  public void start() {
    running = true;
    outbox.onAdded(this::wake);
    thread = new Thread(this::loop, "payhub-outbox-relay");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void stop() {
    running = false;
    wake();
    try {
      thread.join(Duration.ofSeconds(10).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    // the last rows the routes committed while stopping
    try {
      while (relayOnce() > 0) {
        // drained batch by batch
      }
    } catch (RuntimeException e) {
      LOG.warn("Outbox not drained on shutdown ({}); the next start sends the rest", e.toString());
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    return 0;
  }

  /** A commit added rows: relay now rather than at the next interval. */
  void wake() {
    synchronized (signal) {
      woken = true;
      signal.notifyAll();
    }
  }

  private void loop() {
    Duration backoff = interval;
    boolean failing = false;
    while (running) {
      try {
        int n = relayOnce();
        if (failing) {
          LOG.info("Outbox relay sends again");
          failing = false;
        }
        backoff = interval;
        if (n < batchSize) {
          pause(interval);
        }
      } catch (RuntimeException e) {
        failures.increment();
        if (!failing) {
          LOG.warn("Outbox relay cannot send ({}); retrying with backoff", e.toString());
          failing = true;
        }
        pause(backoff);
        backoff =
            backoff.multipliedBy(2).compareTo(Duration.ofSeconds(5)) > 0
                ? Duration.ofSeconds(5)
                : backoff.multipliedBy(2);
      }
    }
  }

  private void pause(Duration d) {
    synchronized (signal) {
      if (!woken && running) {
        try {
          signal.wait(Math.max(1, d.toMillis()));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          running = false;
        }
      }
      woken = false;
    }
  }

  /** One claimed batch, sent and deleted; how many rows it held. */
  int relayOnce() {
    OutboxTable table = outbox.table();
    String claim = com.payhub.model.HubIds.next('C');
    Instant now = clock.instant();
    List<OutboxTable.Claimed> batch = table.claim(claim, now, now.plus(claimFor), batchSize);
    List<String> done = new ArrayList<>(batch.size());
    try {
      for (OutboxTable.Claimed row : batch) {
        send(row.message());
        done.add(row.outboxId());
        sent.increment();
      }
    } catch (RuntimeException e) {
      table.delete(done);
      table.release(claim);
      throw e;
    }
    table.delete(done);
    return batch.size();
  }

  private void send(OutboxMessage m) {
    (m.topic() ? topics : queues)
        .send(
            m.address(),
            session -> {
              TextMessage message = session.createTextMessage(m.body());
              for (var h : m.headers().entrySet()) {
                message.setStringProperty(h.getKey(), h.getValue());
              }
              message.setStringProperty(Outbox.DUPLICATE_ID, m.dedupeId());
              return message;
            });
  }
}
