package com.payhub.ledger;

import static com.payhub.model.PaymentStatus.CLOSED;
import static com.payhub.model.PaymentStatus.DISPATCHED;
import static com.payhub.model.PaymentStatus.FAILED;
import static com.payhub.model.PaymentStatus.NEEDS_REVIEW;
import static com.payhub.model.PaymentStatus.PENDING;
import static com.payhub.model.PaymentStatus.RECEIVED;
import static com.payhub.model.PaymentStatus.REFUNDED;
import static com.payhub.model.PaymentStatus.SUCCEEDED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import com.payhub.model.PaymentStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Payment status changes: checked, versioned, recorded; refusals recorded and typed. */
abstract class TransitionContract extends LedgerTestBase {

  TransitionContract(Supplier<TestDatabase> databases) {
    super(databases);
  }

  @Test
  void theHappyPathIsRecordedStepByStepWithChannelRefs() {
    Payment p = paymentIn("T-1", 100);
    ledger.transition(p.paymentId(), DISPATCHED, "ingest:dispatch", null);
    ledger.transition(
        p.paymentId(), PENDING, "channel:alipay", ChannelRef.ofTransaction("2024TX1"));
    Payment done =
        ledger.transition(
            p.paymentId(),
            SUCCEEDED,
            "notify:alipay:N1",
            new ChannelRef("2024TX-OTHER", "TRADE_SUCCESS", "ok"));

    assertThat(done.status()).isEqualTo(SUCCEEDED);
    assertThat(done.version()).isEqualTo(3);
    assertThat(done.channelTransactionId()).as("the first channel id is kept").isEqualTo("2024TX1");
    assertThat(done.channelCode()).isEqualTo("TRADE_SUCCESS");
    PaymentView view = ledger.find(p.paymentId()).orElseThrow();
    assertThat(view.payment()).isEqualTo(done);
    assertThat(view.history())
        .extracting(
            HistoryEntry::from, HistoryEntry::to, HistoryEntry::cause, HistoryEntry::subjectVersion)
        .containsExactly(
            tuple(null, RECEIVED, "ingest:http:canonical", 0L),
            tuple(RECEIVED, DISPATCHED, "ingest:dispatch", 1L),
            tuple(DISPATCHED, PENDING, "channel:alipay", 2L),
            tuple(PENDING, SUCCEEDED, "notify:alipay:N1", 3L));
    assertThat(view.history().get(2).detail()).isEqualTo("txn=2024TX1");
  }

  @Test
  void theSameStatusAgainIsANoOpWithoutHistory() {
    Payment p = paymentIn("T-2", 100, DISPATCHED, PENDING);

    Payment again =
        ledger.transition(p.paymentId(), PENDING, "query", ChannelRef.ofTransaction("X"));

    assertThat(again).isEqualTo(p);
    assertThat(ledger.find(p.paymentId()).orElseThrow().history()).hasSize(3);
    assertThat(ledger.countRefusedTransitions()).isZero();
  }

  @Test
  void aLatePendingAfterSuccessIsRefusedRecordedAndCounted() {
    Payment p = paymentIn("T-3", 100, DISPATCHED, SUCCEEDED);

    IllegalTransitionException e =
        catchThrowableOfType(
            IllegalTransitionException.class,
            () -> ledger.transition(p.paymentId(), PENDING, "notify:wechatpay:N9", null));

    assertThat(e.from()).isEqualTo(SUCCEEDED);
    assertThat(e.to()).isEqualTo(PENDING);
    assertThat(e.subjectId()).isEqualTo(p.paymentId());
    PaymentView view = ledger.find(p.paymentId()).orElseThrow();
    assertThat(view.payment()).isEqualTo(p);
    assertThat(view.history()).hasSize(3);
    assertThat(view.refused())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.from()).isEqualTo(SUCCEEDED);
              assertThat(r.to()).isEqualTo(PENDING);
              assertThat(r.cause()).isEqualTo("notify:wechatpay:N9");
              assertThat(r.subjectKind()).isEqualTo(SubjectKind.PAYMENT);
            });
    assertThat(ledger.countRefusedTransitions()).isEqualTo(1);
  }

  @Test
  void aRefusalIsKeptEvenWhenTheCallersTransactionRollsBack() {
    Payment p = paymentIn("T-4", 100, DISPATCHED, FAILED);

    assertThatThrownBy(
            () ->
                callerTx.executeWithoutResult(
                    s -> ledger.transition(p.paymentId(), SUCCEEDED, "notify:late", null)))
        .isInstanceOf(IllegalTransitionException.class);

    assertThat(ledger.countRefusedTransitions()).isEqualTo(1);
    assertThat(ledger.find(p.paymentId()).orElseThrow().payment().status()).isEqualTo(FAILED);
  }

  @Test
  void refundedNeedsRefundsThatCoverTheAmount() {
    Payment p = paymentIn("T-5", 100, DISPATCHED, SUCCEEDED);

    assertThatThrownBy(() -> ledger.transition(p.paymentId(), REFUNDED, "ops", null))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessageContaining("refunds do not yet cover");
    assertThat(ledger.countRefusedTransitions()).isEqualTo(1);
  }

  @Test
  void anUnknownPaymentIsTyped() {
    assertThatThrownBy(() -> ledger.transition("P-NONE", DISPATCHED, "x", null))
        .isInstanceOf(UnknownPaymentException.class);
  }

  @Test
  void moveSaysWhetherThisCallChangedThePayment() {
    Payment p = paymentIn("T-7", 100, DISPATCHED);

    PaymentMove first = ledger.move(p.paymentId(), PENDING, "adapter", null);
    PaymentMove again = ledger.move(p.paymentId(), PENDING, "notify:x:1", null);

    assertThat(first.changed()).isTrue();
    assertThat(first.from()).isEqualTo(DISPATCHED);
    assertThat(first.payment().status()).isEqualTo(PENDING);
    assertThat(again.changed()).as("already PENDING: nothing to publish").isFalse();
    assertThat(again.from()).isEqualTo(PENDING);
    assertThat(again.payment()).isEqualTo(first.payment());
  }

  @Test
  void ofRacingMovesToOneStatusExactlyOneReportsTheChange() throws Exception {
    Payment p = paymentIn("T-8", 100, DISPATCHED, PENDING);
    List<Callable<PaymentMove>> moves = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      moves.add(() -> ledger.move(p.paymentId(), SUCCEEDED, "notify:dup", null));
    }
    int changed = 0;
    for (Future<PaymentMove> f : race(moves)) {
      changed += f.get().changed() ? 1 : 0;
    }
    assertThat(changed).as("one event for one change, however many duplicates race").isOne();
  }

  @Test
  void racingWritersApplyEachChangeOnceAndLoseNoUpdate() throws Exception {
    Payment p = paymentIn("T-6", 100, DISPATCHED);
    String id = p.paymentId();

    // 20 writers race to the same status: exactly one applies it, the others find it done
    List<Callable<Payment>> toPending = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      toPending.add(() -> ledger.transition(id, PENDING, "query", null));
    }
    for (Future<Payment> f : race(toPending)) {
      assertThat(f.get().status()).isEqualTo(PENDING);
    }

    // 20 writers race to different outcomes: one wins, the rest are no-ops or recorded refusals
    PaymentStatus[] outcomes = {SUCCEEDED, FAILED, CLOSED, NEEDS_REVIEW};
    List<Callable<Payment>> toOutcome = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      PaymentStatus to = outcomes[i % outcomes.length];
      toOutcome.add(() -> ledger.transition(id, to, "notify:" + to, null));
    }
    int refused = 0;
    for (Future<Payment> f : race(toOutcome)) {
      try {
        f.get();
      } catch (ExecutionException e) {
        assertThat(e.getCause()).isInstanceOf(IllegalTransitionException.class);
        refused++;
      }
    }

    PaymentView view = ledger.find(id).orElseThrow();
    List<HistoryEntry> h = view.history();
    assertThat(h).extracting(HistoryEntry::to).startsWith(RECEIVED, DISPATCHED, PENDING);
    assertThat(h).filteredOn(e -> e.to() == PENDING).hasSize(1);
    for (int i = 1; i < h.size(); i++) {
      assertThat(h.get(i).from()).as("chain at %d", i).isEqualTo(h.get(i - 1).to());
      assertThat(h.get(i).subjectVersion()).isEqualTo(i);
      assertThat(PaymentStateMachine.INSTANCE.allows(h.get(i).from(), h.get(i).to())).isTrue();
    }
    assertThat(view.payment().status()).isEqualTo(h.get(h.size() - 1).to());
    assertThat(view.payment().version()).isEqualTo(h.size() - 1);
    assertThat(PaymentStateMachine.INSTANCE.isFinal(view.payment().status())).isTrue();
    assertThat(ledger.countRefusedTransitions()).isEqualTo(refused).isPositive();
    assertThat(view.refused()).hasSize(refused);
  }
}
