package com.payhub.ledger;

import static com.payhub.model.PaymentStatus.CLOSED;
import static com.payhub.model.PaymentStatus.DISPATCHED;
import static com.payhub.model.PaymentStatus.FAILED;
import static com.payhub.model.PaymentStatus.PENDING;
import static com.payhub.model.PaymentStatus.RECEIVED;
import static com.payhub.model.PaymentStatus.REFUNDED;
import static com.payhub.model.PaymentStatus.SUCCEEDED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import com.payhub.model.Operation;
import com.payhub.model.PaymentOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Refunds: their own records, linked to the payment, never beyond what it has left. */
abstract class RefundContract extends LedgerTestBase {

  RefundContract(Supplier<TestDatabase> databases) {
    super(databases);
  }

  @Test
  void aRefundIsItsOwnRecordLinkedToThePaymentAndTakenOnce() {
    Payment p = paymentIn("R-1", 10_000, DISPATCHED, SUCCEEDED);
    PaymentOrder order = refund("R-1", "RF-1", 4_000);

    Admission a = ledger.admit(order, "ingest:http:alipay");
    Admission again = ledger.admit(refund("R-1", "RF-1", 4_000), "ingest:jms:alipay");

    assertThat(a.duplicate()).isFalse();
    assertThat(a.payment().paymentId()).isEqualTo(p.paymentId());
    Refund r = a.refund();
    assertThat(r.refundId()).isEqualTo(order.paymentId());
    assertThat(r.paymentId()).isEqualTo(p.paymentId());
    assertThat(r.status()).isEqualTo(RECEIVED);
    assertThat(again.duplicate()).isTrue();
    assertThat(again.refund()).isEqualTo(r);
    PaymentView view = ledger.find(p.paymentId()).orElseThrow();
    assertThat(view.refunds()).containsExactly(r);
    assertThat(view.history())
        .last()
        .satisfies(
            h -> {
              assertThat(h.subjectKind()).isEqualTo(SubjectKind.REFUND);
              assertThat(h.subjectId()).isEqualTo(r.refundId());
              assertThat(h.to()).isEqualTo(RECEIVED);
            });
    assertThat(ledger.findRefund(r.refundId())).contains(r);
  }

  @Test
  void aRefundNumberAgainWithAnotherAmountIsAConflict() {
    paymentIn("R-2", 10_000, DISPATCHED, SUCCEEDED);
    Refund r = ledger.admit(refund("R-2", "RF-2", 100), "ingest").refund();

    OrderConflictException e =
        catchThrowableOfType(
            OrderConflictException.class, () -> ledger.admit(refund("R-2", "RF-2", 200), "ingest"));

    assertThat(e.differingFields()).containsExactly("amount");
    assertThat(e.existingId()).isEqualTo(r.refundId());
    assertThat(count("SELECT COUNT(*) FROM refund")).isEqualTo(1);
  }

  @Test
  void aRefundFindsItsPaymentByChannelTransactionIdOrNotAtAll() {
    Payment p = paymentIn("R-3", 500, DISPATCHED);
    ledger.transition(p.paymentId(), SUCCEEDED, "channel", ChannelRef.ofTransaction("TX-3"));
    PaymentOrder byTxn =
        new PaymentOrder(
            newId('P'),
            MERCHANT,
            null,
            p.channel(),
            Operation.REFUND,
            p.amount(),
            null,
            "RF-3",
            "TX-3",
            null,
            null,
            p.sourceDialect(),
            null);

    assertThat(ledger.admit(byTxn, "ingest").payment().paymentId()).isEqualTo(p.paymentId());
    assertThatThrownBy(() -> ledger.admit(refund("R-NONE", "RF-9", 1), "ingest"))
        .isInstanceOf(UnknownPaymentException.class);
  }

  @Test
  void onlyWhatWasPaidAndNotYetRefundedCanBeRefunded() {
    Payment open = paymentIn("R-4", 1_000, DISPATCHED, PENDING);
    assertThatThrownBy(() -> ledger.admit(refund("R-4", "RF-4a", 100), "ingest"))
        .isInstanceOf(RefundNotAllowedException.class)
        .hasMessageContaining("PENDING");
    ledger.transition(open.paymentId(), SUCCEEDED, "notify", null);

    Refund sixty = ledger.admit(refund("R-4", "RF-4b", 600), "ingest").refund();
    ledger.admit(refund("R-4", "RF-4c", 400), "ingest");
    assertThatThrownBy(() -> ledger.admit(refund("R-4", "RF-4d", 1), "ingest"))
        .isInstanceOf(RefundNotAllowedException.class)
        .hasMessageContaining("exceeds");

    ledger.transitionRefund(sixty.refundId(), DISPATCHED, "dispatch", null);
    ledger.transitionRefund(sixty.refundId(), FAILED, "channel", null);
    assertThat(ledger.admit(refund("R-4", "RF-4e", 600), "ingest").duplicate()).isFalse();
  }

  @Test
  void refundsMoveOnTheirOwnMachineAndAFullRefundMakesThePaymentRefunded() {
    Payment p = paymentIn("R-5", 1_000, DISPATCHED, SUCCEEDED);
    Refund a = ledger.admit(refund("R-5", "RF-5a", 300), "ingest").refund();
    Refund b = ledger.admit(refund("R-5", "RF-5b", 700), "ingest").refund();

    ledger.transitionRefund(a.refundId(), DISPATCHED, "dispatch", null);
    Refund aDone =
        ledger.transitionRefund(
            a.refundId(), SUCCEEDED, "channel", ChannelRef.ofTransaction("RFX-1"));
    assertThat(aDone.channelRefundId()).isEqualTo("RFX-1");
    assertThat(ledger.find(p.paymentId()).orElseThrow().payment().status()).isEqualTo(SUCCEEDED);

    ledger.transitionRefund(b.refundId(), DISPATCHED, "dispatch", null);
    ledger.transitionRefund(b.refundId(), PENDING, "channel", null);
    ledger.transitionRefund(b.refundId(), SUCCEEDED, "notify:alipay:N5", null);

    PaymentView view = ledger.find(p.paymentId()).orElseThrow();
    assertThat(view.payment().status()).isEqualTo(REFUNDED);
    assertThat(view.history())
        .last()
        .satisfies(
            h -> {
              assertThat(h.subjectKind()).isEqualTo(SubjectKind.PAYMENT);
              assertThat(h.from()).isEqualTo(SUCCEEDED);
              assertThat(h.to()).isEqualTo(REFUNDED);
              assertThat(h.cause()).isEqualTo("notify:alipay:N5");
            });
    assertThat(view.refunds()).extracting(Refund::status).containsOnly(SUCCEEDED);
  }

  @Test
  void moveRefundReportsTheChangeAndThePaymentItMadeRefunded() {
    Payment p = paymentIn("R-9", 1_000, DISPATCHED, SUCCEEDED);
    Refund part = ledger.admit(refund("R-9", "RF-9a", 400), "ingest").refund();
    Refund rest = ledger.admit(refund("R-9", "RF-9b", 600), "ingest").refund();
    ledger.transitionRefund(part.refundId(), DISPATCHED, "dispatch", null);
    ledger.transitionRefund(rest.refundId(), DISPATCHED, "dispatch", null);

    RefundMove partly = ledger.moveRefund(part.refundId(), SUCCEEDED, "channel", null);
    RefundMove fully = ledger.moveRefund(rest.refundId(), SUCCEEDED, "channel", null);
    RefundMove again = ledger.moveRefund(rest.refundId(), SUCCEEDED, "notify", null);

    assertThat(partly.changed()).isTrue();
    assertThat(partly.refundedPayment()).as("400 of 1000 refunded").isNull();
    assertThat(fully.changed()).isTrue();
    assertThat(fully.from()).isEqualTo(DISPATCHED);
    assertThat(fully.refundedPayment().status()).isEqualTo(REFUNDED);
    assertThat(fully.refundedPayment().paymentId()).isEqualTo(p.paymentId());
    assertThat(again.changed()).isFalse();
    assertThat(again.refundedPayment()).isNull();
  }

  @Test
  void aRefusedRefundTransitionIsRecordedAgainstTheRefund() {
    paymentIn("R-6", 1_000, DISPATCHED, SUCCEEDED);
    Refund r = ledger.admit(refund("R-6", "RF-6", 300), "ingest").refund();

    IllegalTransitionException closed =
        catchThrowableOfType(
            IllegalTransitionException.class,
            () -> ledger.transitionRefund(r.refundId(), CLOSED, "x", null));
    assertThat(closed.subjectKind()).isEqualTo(SubjectKind.REFUND);
    ledger.transitionRefund(r.refundId(), DISPATCHED, "dispatch", null);
    ledger.transitionRefund(r.refundId(), SUCCEEDED, "channel", null);
    assertThatThrownBy(() -> ledger.transitionRefund(r.refundId(), PENDING, "late", null))
        .isInstanceOf(IllegalTransitionException.class);
    assertThat(ledger.transitionRefund(r.refundId(), SUCCEEDED, "again", null).version())
        .isEqualTo(2);

    assertThat(ledger.find(r.paymentId()).orElseThrow().refused())
        .extracting(RefusedTransition::subjectKind, RefusedTransition::subjectId)
        .containsOnly(tuple(SubjectKind.REFUND, r.refundId()))
        .hasSize(2);
    assertThatThrownBy(() -> ledger.transitionRefund("R-NONE", DISPATCHED, "x", null))
        .isInstanceOf(UnknownPaymentException.class);
  }

  @Test
  void concurrentRefundsNeverExceedThePayment() throws Exception {
    paymentIn("R-7", 1_000, DISPATCHED, SUCCEEDED);
    List<Callable<Admission>> tasks = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      PaymentOrder order = refund("R-7", "RF-7-" + i, 100);
      tasks.add(() -> ledger.admit(order, "ingest"));
    }
    int admitted = 0;
    int refused = 0;
    for (Future<Admission> f : race(tasks)) {
      try {
        f.get();
        admitted++;
      } catch (ExecutionException e) {
        assertThat(e.getCause()).isInstanceOf(RefundNotAllowedException.class);
        refused++;
      }
    }
    assertThat(admitted).isEqualTo(10);
    assertThat(refused).isEqualTo(10);
    assertThat(count("SELECT SUM(amount_minor) FROM refund")).isEqualTo(1_000);
  }

  @Test
  void refundsSucceedingConcurrentlyStillMakeThePaymentRefunded() throws Exception {
    Payment p = paymentIn("R-8", 1_000, DISPATCHED, SUCCEEDED);
    List<Callable<Refund>> tasks = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      Refund r = ledger.admit(refund("R-8", "RF-8-" + i, 250), "ingest").refund();
      ledger.transitionRefund(r.refundId(), DISPATCHED, "dispatch", null);
      tasks.add(() -> ledger.transitionRefund(r.refundId(), SUCCEEDED, "notify", null));
    }
    for (Future<Refund> f : race(tasks)) {
      assertThat(f.get().status()).isEqualTo(SUCCEEDED);
    }
    assertThat(ledger.find(p.paymentId()).orElseThrow().payment().status()).isEqualTo(REFUNDED);
  }
}
