package com.payhub.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.payhub.model.PaymentStatus;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Random event sequences through the real ledger (on H2): it applies, ignores and refuses exactly
 * what the state machine says, records every applied change once and every refusal once.
 */
class LedgerAgreesWithStateMachineTest {

  private static TestDatabase db;
  private static JdbcLedger ledger;

  @BeforeContainer
  static void open() {
    db = TestDatabase.h2();
    ledger = new JdbcLedger(db.dataSource());
  }

  @AfterContainer
  static void close() {
    db.close();
  }

  @Property(tries = 60)
  void theLedgerFollowsTheMachine(@ForAll @Size(max = 15) List<PaymentStatus> events) {
    String orderNo = LedgerTestBase.newId('O');
    Payment p = ledger.admit(LedgerTestBase.pay(orderNo, 100), "ingest").payment();
    PaymentStatus expected = PaymentStatus.RECEIVED;
    int applied = 0;
    int refused = 0;
    for (PaymentStatus event : events) {
      TransitionDecision decision = PaymentStateMachine.INSTANCE.decide(expected, event);
      if (event == PaymentStatus.REFUNDED && decision == TransitionDecision.APPLY) {
        decision = TransitionDecision.REFUSE; // no refunds here, so never fully refunded
      }
      Throwable thrown =
          catchThrowable(() -> ledger.transition(p.paymentId(), event, "prop", null));
      switch (decision) {
        case APPLY -> {
          assertThat(thrown).isNull();
          expected = event;
          applied++;
        }
        case NO_OP -> assertThat(thrown).isNull();
        case REFUSE -> {
          assertThat(thrown).isInstanceOf(IllegalTransitionException.class);
          refused++;
        }
      }
    }
    PaymentView view = ledger.find(p.paymentId()).orElseThrow();
    assertThat(view.payment().status()).isEqualTo(expected);
    assertThat(view.payment().version()).isEqualTo(applied);
    assertThat(view.history()).hasSize(applied + 1);
    assertThat(view.refused()).hasSize(refused);
  }
}
