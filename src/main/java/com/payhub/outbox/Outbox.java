package com.payhub.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.payhub.model.PaymentEvent;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What the hub owes the broker, kept in the ledger's database ({@code outbox}, V6) in the same
 * transaction as the change that makes it: an order for a channel queue, an event for {@code
 * payments.events}. {@link OutboxRelay} sends it after the commit. So a crash after the ledger
 * changed never loses the order or the event, and a crash after the send only sends a copy the
 * broker drops ({@code _AMQ_DUPL_ID}).
 *
 * <p>Callers write inside their database transaction (the ledger's JDBC manager); outside one, the
 * row is committed at once.
 */
@Component
public class Outbox {

  /** Artemis duplicate detection: the broker drops a second message with the same id. */
  public static final String DUPLICATE_ID = "_AMQ_DUPL_ID";

  private final OutboxTable table;
  private final ObjectMapper json;
  private final Clock clock;
  private final String eventsTopic;
  private volatile Runnable wake = () -> {};

  public Outbox(
      DataSource dataSource,
      ObjectMapper json,
      Clock clock,
      @Value("${payhub.queues.events}") String eventsTopic) {
    this.table = new OutboxTable(new NamedParameterJdbcTemplate(dataSource), json);
    this.json = json;
    this.clock = clock;
    this.eventsTopic = eventsTopic;
  }

  /** Adds a message; it is sent once the caller's transaction commits. */
  public void add(OutboxMessage message) {
    table.insert(message, clock.instant());
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              wake.run();
            }
          });
    } else {
      wake.run();
    }
  }

  /**
   * An event for {@code payments.events}. Its dedupe id is the subject (payment or refund) and its
   * ledger version, which one transition has alone.
   */
  public void event(PaymentEvent event) {
    String subject = event.refundId() != null ? event.refundId() : event.paymentId();
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("PayHubPaymentId", event.paymentId());
    headers.put("PayHubMerchantId", event.merchantId());
    headers.put("PayHubChannel", event.channel().id());
    headers.put("PayHubOperation", event.operation().name());
    headers.put("PayHubStatus", event.status().name());
    String body;
    try {
      body = json.writeValueAsString(event);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a payment event is not serialisable", e);
    }
    add(
        new OutboxMessage(
            "event:" + subject + ":" + event.version(), true, eventsTopic, headers, body));
  }

  /** Rows not sent yet (for metrics and tests). */
  public long pending() {
    return table.pending();
  }

  OutboxTable table() {
    return table;
  }

  /** The relay registers how to be woken after a commit. */
  void onAdded(Runnable wake) {
    this.wake = wake;
  }
}
