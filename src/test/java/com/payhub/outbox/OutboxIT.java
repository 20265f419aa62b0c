package com.payhub.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.payhub.EventTap;
import com.payhub.HubTestSupport;
import com.payhub.model.Channel;
import com.payhub.model.HubIds;
import com.payhub.model.Money;
import com.payhub.model.Operation;
import com.payhub.model.PaymentEvent;
import com.payhub.model.PaymentStatus;
import java.time.Duration;
import java.time.Instant;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The relay against the hub's embedded broker: a committed row is sent after the commit, and the
 * copy a relay sends again after a crash between the send and the delete (same dedupe id) never
 * reaches a subscriber, because the broker's duplicate detection drops it.
 */
class OutboxIT extends HubTestSupport {

  @Autowired Outbox outbox;
  @Autowired ObjectMapper json;

  @Test
  void anEventSentAgainUnderItsDedupeIdReachesSubscribersOnce() throws Exception {
    String paymentId = HubIds.payment();
    PaymentEvent event =
        new PaymentEvent(
            paymentId,
            "M100001",
            "OUTBOX-" + paymentId,
            Channel.ALIPAY,
            Operation.PAY,
            PaymentStatus.SUCCEEDED,
            "T-" + paymentId,
            Money.ofMinor(100, "CNY"),
            Instant.now(),
            null,
            null,
            null,
            null,
            PaymentStatus.PENDING,
            "test",
            3);
    try (EventTap events = tapEvents()) {
      outbox.event(event);
      events.await(paymentId, e -> e.status() == PaymentStatus.SUCCEEDED, Duration.ofSeconds(10));
      Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> outbox.pending() == 0);

      // what a relay that died after the send, before the delete, sends again on restart
      outbox.event(event);
      Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> outbox.pending() == 0);
      // a later event of another payment arrives, so the copy had its chance to arrive before it
      String marker = HubIds.payment();
      outbox.event(
          new PaymentEvent(
              marker,
              "M100001",
              "OUTBOX-" + marker,
              Channel.ALIPAY,
              Operation.PAY,
              PaymentStatus.PENDING,
              null,
              Money.ofMinor(100, "CNY"),
              Instant.now(),
              null,
              null,
              null,
              null,
              PaymentStatus.DISPATCHED,
              "test",
              2));
      events.await(marker, e -> true, Duration.ofSeconds(10));

      assertThat(events.of(paymentId)).as("the broker dropped the copy").hasSize(1);
    }
  }
}
