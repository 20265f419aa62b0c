package com.payhub.ledger;

import static com.payhub.model.PaymentStatus.DISPATCHED;
import static com.payhub.model.PaymentStatus.NEEDS_REVIEW;
import static com.payhub.model.PaymentStatus.PENDING;
import static com.payhub.model.PaymentStatus.SUCCEEDED;
import static org.assertj.core.api.Assertions.assertThat;

import com.payhub.model.PaymentOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Reads with history, the history's order and permanence, and the notification inbox. */
abstract class ReadContract extends LedgerTestBase {

  ReadContract(Supplier<TestDatabase> databases) {
    super(databases);
  }

  @Test
  void aPaymentIsFoundByIdAndByMerchantOrderWithRefundsAndHistory() {
    Payment p = paymentIn("Q-1", 800, DISPATCHED, SUCCEEDED);
    Refund r = ledger.admit(refund("Q-1", "RF-Q1", 800), "ingest").refund();

    PaymentView byId = ledger.find(p.paymentId()).orElseThrow();
    PaymentView byOrder = ledger.findByMerchantOrder(MERCHANT, "Q-1").orElseThrow();

    assertThat(byOrder).isEqualTo(byId);
    assertThat(byId.payment()).isEqualTo(p);
    assertThat(byId.refunds()).containsExactly(r);
    assertThat(byId.history()).hasSize(4);
    assertThat(ledger.find("P-NONE")).isEmpty();
    assertThat(ledger.findByMerchantOrder(MERCHANT, "Q-NONE")).isEmpty();
    assertThat(ledger.findByMerchantOrder("M-OTHER", "Q-1")).isEmpty();
  }

  @Test
  void historyOnlyGrowsAndKeepsTheOrderThingsHappenedIn() {
    Payment p = paymentIn("Q-2", 100, DISPATCHED);
    List<HistoryEntry> before = ledger.find(p.paymentId()).orElseThrow().history();

    ledger.transition(p.paymentId(), PENDING, "query", null);
    ledger.transition(p.paymentId(), NEEDS_REVIEW, "ops:timeout", null);
    ledger.transition(p.paymentId(), SUCCEEDED, "review:alice", null);
    List<HistoryEntry> after = ledger.find(p.paymentId()).orElseThrow().history();

    assertThat(after).startsWith(before.toArray(HistoryEntry[]::new)).hasSize(5);
    assertThat(after).extracting(HistoryEntry::subjectVersion).containsExactly(0L, 1L, 2L, 3L, 4L);
    assertThat(after)
        .extracting(HistoryEntry::cause)
        .endsWith("query", "ops:timeout", "review:alice");
    assertThat(after).isSortedAccordingTo((a, b) -> a.at().compareTo(b.at()));
    assertThat(after).extracting(HistoryEntry::historyId).doesNotHaveDuplicates();
  }

  @Test
  void aNotificationIsProcessedOncePerChannel() {
    assertThat(ledger.firstNotification("wechatpay", "N-1", "P1")).isTrue();
    assertThat(ledger.firstNotification("wechatpay", "N-1", "P1")).isFalse();
    assertThat(ledger.firstNotification("alipay", "N-1", null)).isTrue();
    assertThat(count("SELECT COUNT(*) FROM notification_inbox")).isEqualTo(2);
  }

  @Test
  void racingRedeliveriesOfOneNotificationLetExactlyOneThrough() throws Exception {
    List<Callable<Boolean>> tasks = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      tasks.add(() -> ledger.firstNotification("unionpay", "N-RACE", "P2"));
    }
    int first = 0;
    for (Future<Boolean> f : race(tasks)) {
      first += f.get() ? 1 : 0;
    }
    assertThat(first).isEqualTo(1);
  }

  @Test
  void aRepeatedNotificationInsideTheCallersTransactionLeavesItUsable() {
    ledger.firstNotification("alipay", "N-2", null);

    Boolean again =
        callerTx.execute(
            s -> {
              boolean repeated = ledger.firstNotification("alipay", "N-2", null);
              ledger.firstNotification("alipay", "N-3", null);
              return repeated;
            });

    assertThat(again).isFalse();
    assertThat(count("SELECT COUNT(*) FROM notification_inbox")).isEqualTo(2);
  }

  @Test
  void timesRoundTripAndFreeTextIsClipped() {
    PaymentOrder order = pay("A-8", 100);
    Payment p = ledger.admit(order, "ingest").payment();
    String longMessage = "x".repeat(1000);
    Payment moved =
        ledger.transition(
            p.paymentId(), DISPATCHED, "dispatch", new ChannelRef(null, "CODE", longMessage));

    PaymentView view = ledger.find(p.paymentId()).orElseThrow();
    assertThat(view.payment()).isEqualTo(moved);
    assertThat(view.payment().createdAt()).isEqualTo(Sql.micros(order.createdAt()));
    assertThat(view.payment().channelMessage()).hasSize(256);
    assertThat(view.history().get(1).detail()).hasSize(256);
  }
}
