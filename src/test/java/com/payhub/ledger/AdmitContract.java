package com.payhub.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.payhub.model.Channel;
import com.payhub.model.Dialect;
import com.payhub.model.Money;
import com.payhub.model.Operation;
import com.payhub.model.PaymentOrder;
import com.payhub.model.PaymentStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Admission of PAY, QUERY and CLOSE orders: once per merchant order, however often submitted. */
abstract class AdmitContract extends LedgerTestBase {

  AdmitContract(Supplier<TestDatabase> databases) {
    super(databases);
  }

  @Test
  void aNewOrderIsReceivedWithOneHistoryRow() {
    PaymentOrder order = pay("A-1", 10_000);
    Admission a = ledger.admit(order, "ingest:http:alipay");

    assertThat(a.duplicate()).isFalse();
    assertThat(a.refund()).isNull();
    Payment p = a.payment();
    assertThat(p.paymentId()).isEqualTo(order.paymentId());
    assertThat(p.status()).isEqualTo(PaymentStatus.RECEIVED);
    assertThat(p.version()).isZero();
    assertThat(p.operation()).isEqualTo(Operation.PAY);
    PaymentView view = ledger.find(p.paymentId()).orElseThrow();
    assertThat(view.payment()).isEqualTo(p);
    assertThat(view.history())
        .singleElement()
        .satisfies(
            h -> {
              assertThat(h.from()).isNull();
              assertThat(h.to()).isEqualTo(PaymentStatus.RECEIVED);
              assertThat(h.cause()).isEqualTo("ingest:http:alipay");
              assertThat(h.detail()).isEqualTo("PAY 100.00 CNY via alipay");
              assertThat(h.subjectKind()).isEqualTo(SubjectKind.PAYMENT);
            });
  }

  @Test
  void aResubmissionInAnotherDialectReturnsTheExistingPaymentAsDuplicate() {
    Payment first = ledger.admit(pay("A-2", 500), "ingest:http:canonical").payment();
    PaymentOrder again =
        new PaymentOrder(
            LedgerTestBase.newId('P'),
            MERCHANT,
            "A-2",
            Channel.ALIPAY,
            Operation.PAY,
            Money.ofMinor(500, "CNY"),
            "other subject",
            null,
            null,
            null,
            null,
            Dialect.ALIPAY,
            null);

    Admission a = ledger.admit(again, "ingest:jms:alipay");

    assertThat(a.duplicate()).isTrue();
    assertThat(a.payment()).isEqualTo(first);
    assertThat(count("SELECT COUNT(*) FROM payment")).isEqualTo(1);
    assertThat(count("SELECT COUNT(*) FROM payment_history")).isEqualTo(1);
  }

  @Test
  void aResubmissionWithOtherTermsIsAConflictNotAMerge() {
    Payment first = ledger.admit(pay("A-3", 500), "ingest").payment();

    OrderConflictException amount =
        catchThrowableOfType(
            OrderConflictException.class, () -> ledger.admit(pay("A-3", 501), "ingest"));
    assertThat(amount.differingFields()).containsExactly("amount");
    assertThat(amount.existingId()).isEqualTo(first.paymentId());
    assertThat(amount.orderNo()).isEqualTo("A-3");

    OrderConflictException currencyAndChannel =
        catchThrowableOfType(
            OrderConflictException.class,
            () -> ledger.admit(pay("A-3", Money.ofMinor(500, "USD"), Channel.WECHATPAY), "ingest"));
    assertThat(currencyAndChannel.differingFields()).containsExactly("currency", "channel");

    assertThat(ledger.find(first.paymentId()).orElseThrow().payment()).isEqualTo(first);
    assertThat(count("SELECT COUNT(*) FROM payment_history")).isEqualTo(1);
  }

  @Test
  void theSameOrderNumberAtAnotherMerchantIsAnotherPayment() {
    ledger.admit(pay("A-4", 100), "ingest");
    PaymentOrder other = pay("A-4", 100).withMerchantId("M200002");

    Admission a = ledger.admit(other, "ingest");

    assertThat(a.duplicate()).isFalse();
    assertThat(count("SELECT COUNT(*) FROM payment")).isEqualTo(2);
  }

  @Test
  void fiftyThreadsAdmittingOneOrderWriteOneRowAndGetFortyNineDuplicates() throws Exception {
    List<Callable<Admission>> tasks = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      PaymentOrder order = pay("RACE-1", 2_500); // each submission has its own hub id
      tasks.add(() -> ledger.admit(order, "ingest:race"));
    }
    List<Admission> results = new ArrayList<>();
    for (Future<Admission> f : race(tasks)) {
      results.add(f.get());
    }

    assertThat(results).filteredOn(a -> !a.duplicate()).hasSize(1);
    assertThat(results).filteredOn(Admission::duplicate).hasSize(49);
    assertThat(results)
        .extracting(a -> a.payment().paymentId())
        .containsOnly(
            results.stream()
                .filter(a -> !a.duplicate())
                .findFirst()
                .orElseThrow()
                .payment()
                .paymentId());
    assertThat(count("SELECT COUNT(*) FROM payment")).isEqualTo(1);
    assertThat(count("SELECT COUNT(*) FROM payment_history")).isEqualTo(1);
  }

  @Test
  void manyOrdersSubmittedTwiceConcurrentlyAreEachTakenOnce() throws Exception {
    List<Callable<Admission>> tasks = new ArrayList<>();
    for (int round = 0; round < 2; round++) {
      for (int i = 0; i < 40; i++) {
        PaymentOrder order = pay("BULK-" + i, 100 + i);
        tasks.add(() -> ledger.admit(order, "ingest:bulk"));
      }
    }
    long duplicates = 0;
    for (Future<Admission> f : race(tasks)) {
      duplicates += f.get().duplicate() ? 1 : 0;
    }

    assertThat(duplicates).isEqualTo(40);
    assertThat(count("SELECT COUNT(*) FROM payment")).isEqualTo(40);
    assertThat(count("SELECT COUNT(*) FROM payment_history")).isEqualTo(40);
  }

  @Test
  void aDuplicateInsideTheCallersTransactionLeavesThatTransactionUsable() {
    ledger.admit(pay("A-5", 700), "ingest");

    Admission inside =
        callerTx.execute(
            status -> {
              Admission dup = ledger.admit(pay("A-5", 700), "ingest");
              ledger.admit(pay("A-6", 800), "ingest"); // PostgreSQL would refuse this without
              return dup; //                             the savepoint around the failed insert
            });

    assertThat(inside.duplicate()).isTrue();
    assertThat(count("SELECT COUNT(*) FROM payment")).isEqualTo(2);
  }

  @Test
  void queryAndCloseReturnThePaymentTheyNameAndWriteNothing() {
    Payment p = paymentIn("A-7", 900, PaymentStatus.DISPATCHED);
    ledger.transition(
        p.paymentId(), PaymentStatus.PENDING, "channel", ChannelRef.ofTransaction("T-7"));
    long historyRows = count("SELECT COUNT(*) FROM payment_history");

    Admission byOrderNo = ledger.admit(lookup(Operation.QUERY, "A-7", null), "ingest");
    Admission byTxn = ledger.admit(lookup(Operation.CLOSE, null, "T-7"), "ingest");

    assertThat(byOrderNo.payment().paymentId()).isEqualTo(p.paymentId());
    assertThat(byOrderNo.duplicate()).isFalse();
    assertThat(byTxn.payment().paymentId()).isEqualTo(p.paymentId());
    assertThat(byTxn.payment().channelTransactionId()).isEqualTo("T-7");
    assertThat(count("SELECT COUNT(*) FROM payment")).isEqualTo(1);
    assertThat(count("SELECT COUNT(*) FROM payment_history")).isEqualTo(historyRows);
  }

  @Test
  void queryOfAnUnknownPaymentIsTyped() {
    assertThatThrownBy(() -> ledger.admit(lookup(Operation.QUERY, "NOPE", null), "ingest"))
        .isInstanceOf(UnknownPaymentException.class)
        .hasMessageContaining("NOPE");
    assertThatThrownBy(() -> ledger.admit(lookup(Operation.CLOSE, null, "T-NOPE"), "ingest"))
        .isInstanceOf(UnknownPaymentException.class);
  }
}
