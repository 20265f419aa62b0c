package com.payhub.ledger;

import com.payhub.model.PaymentOrder;
import com.payhub.model.PaymentStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The ledger on a relational database (H2 or PostgreSQL, schema from Flyway's {@code db/migration})
 * through spring-jdbc. Safe for many threads and many hub replicas: the unique keys decide between
 * concurrent admissions, versions between concurrent transitions.
 */
public class JdbcLedger implements Ledger {

  private final PaymentTable payments;
  private final RefundTable refunds;
  private final HistoryTable history;
  private final InboxTable inbox;
  private final AnswerTable answers;
  private final AttemptTable attempts;
  private final RefundCheckTable refundChecks;
  private final LedgerTransactions tx;
  private final LedgerClock clock;
  private final PaymentTransitions transitions;
  private final RefundLedger refundLedger;
  private final PaymentAdmissions admissions;

  /** A ledger with its own transaction manager on {@code dataSource} and the UTC system clock. */
  public JdbcLedger(DataSource dataSource) {
    this(dataSource, new JdbcTransactionManager(dataSource), Clock.systemUTC());
  }

  /**
   * @param transactionManager the application's manager for {@code dataSource}, so ledger writes
   *     join a caller's transaction (it must support savepoints, as DataSource managers do)
   */
  public JdbcLedger(
      DataSource dataSource, PlatformTransactionManager transactionManager, Clock clock) {
    NamedParameterJdbcTemplate jdbc = new NamedParameterJdbcTemplate(dataSource);
    this.payments = new PaymentTable(jdbc);
    this.refunds = new RefundTable(jdbc);
    this.history = new HistoryTable(jdbc);
    this.inbox = new InboxTable(jdbc);
    this.answers = new AnswerTable(jdbc);
    this.attempts = new AttemptTable(jdbc);
    this.refundChecks = new RefundCheckTable(jdbc);
    this.tx = new LedgerTransactions(transactionManager);
    this.clock = new LedgerClock(clock);
    Refusals refusals = new Refusals(history, tx, this.clock);
    this.transitions = new PaymentTransitions(payments, refunds, history, refusals, tx, this.clock);
    this.refundLedger =
        new RefundLedger(payments, refunds, history, transitions, refusals, tx, this.clock);
    this.admissions = new PaymentAdmissions(payments, history, tx, this.clock);
  }

  @Override
  public Admission admit(PaymentOrder order, String cause) {
    Objects.requireNonNull(order.operation(), "operation");
    Objects.requireNonNull(order.merchantId(), "merchantId");
    Objects.requireNonNull(cause, "cause");
    return switch (order.operation()) {
      case PAY -> admissions.admit(order, cause);
      case REFUND -> refundLedger.admit(order, admissions.referencedPayment(order), cause);
      case QUERY, CLOSE -> new Admission(admissions.referencedPayment(order), null, false);
    };
  }

  @Override
  public Payment transition(String paymentId, PaymentStatus to, String cause, ChannelRef ref) {
    return transitions.transition(paymentId, to, cause, ref);
  }

  @Override
  public Refund transitionRefund(String refundId, PaymentStatus to, String cause, ChannelRef ref) {
    return refundLedger.transition(refundId, to, cause, ref);
  }

  @Override
  public PaymentMove move(String paymentId, PaymentStatus to, String cause, ChannelRef ref) {
    return transitions.move(paymentId, to, cause, ref);
  }

  @Override
  public RefundMove moveRefund(String refundId, PaymentStatus to, String cause, ChannelRef ref) {
    return refundLedger.move(refundId, to, cause, ref);
  }

  @Override
  public Optional<PaymentView> find(String paymentId) {
    return payments.find(paymentId).map(this::view);
  }

  @Override
  public Optional<Payment> findPayment(String paymentId) {
    return payments.find(paymentId);
  }

  @Override
  public Optional<PaymentView> findByMerchantOrder(String merchantId, String merchantOrderNo) {
    return payments.findByMerchantOrder(merchantId, merchantOrderNo).map(this::view);
  }

  @Override
  public Optional<Refund> findRefund(String refundId) {
    return refunds.find(refundId);
  }

  @Override
  public void rememberAnswer(String paymentId, String operation, String detailsJson) {
    Objects.requireNonNull(detailsJson, "detailsJson");
    try {
      tx.inSavepoint(
          () -> {
            answers.upsert(paymentId, operation, detailsJson, clock.now());
            return null;
          });
    } catch (org.springframework.dao.DuplicateKeyException e) {
      // two answers for one operation at once: the other one is as recent; keep it
    }
  }

  @Override
  public int recordAttempt(String orderId, String operation) {
    Objects.requireNonNull(orderId, "orderId");
    Instant now = clock.now();
    try {
      return tx.inSavepoint(() -> attempts.insertFirst(orderId, operation, now));
    } catch (org.springframework.dao.DuplicateKeyException e) {
      // seen before (PostgreSQL aborts a transaction on a failed insert: the savepoint undid it)
      return tx.inSavepoint(() -> attempts.increment(orderId, now));
    }
  }

  @Override
  public Map<String, String> answers(String paymentId) {
    return answers.forPayment(paymentId);
  }

  @Override
  public List<DueCheck> dueForCheck(Instant staleBefore, int limit) {
    return payments.dueForCheck(
        java.util.EnumSet.of(
            PaymentStatus.RECEIVED, PaymentStatus.DISPATCHED, PaymentStatus.PENDING),
        staleBefore,
        clock.now(),
        limit);
  }

  @Override
  public boolean claimCheck(String paymentId, int checksSoFar, Instant nextAt) {
    return payments.claimCheck(paymentId, checksSoFar, nextAt);
  }

  @Override
  public List<DueRefundCheck> refundsDueForCheck(Instant staleBefore, int limit) {
    return refundChecks
        .due(
            java.util.EnumSet.of(
                PaymentStatus.RECEIVED, PaymentStatus.DISPATCHED, PaymentStatus.PENDING),
            staleBefore,
            clock.now(),
            limit)
        .stream()
        .map(
            d ->
                new DueRefundCheck(
                    d.refund(), payments.find(d.refund().paymentId()).orElseThrow(), d.checks()))
        .toList();
  }

  @Override
  public boolean claimRefundCheck(String refundId, int checksSoFar, Instant nextAt) {
    try {
      // in a savepoint: a lost race is a failed insert, which PostgreSQL would not forgive the
      // rest of a caller's transaction
      return tx.inSavepoint(() -> refundChecks.claim(refundId, checksSoFar, nextAt));
    } catch (DuplicateKeyException e) {
      return false; // another replica claimed the first check
    }
  }

  @Override
  public boolean firstNotification(String channel, String notificationId, String paymentId) {
    try {
      tx.inSavepoint(
          () -> {
            inbox.insert(channel, notificationId, paymentId, clock.now());
            return null;
          });
      return true;
    } catch (DuplicateKeyException e) {
      return false;
    }
  }

  @Override
  public long countRefusedTransitions() {
    return history.countRefused();
  }

  private PaymentView view(Payment p) {
    return new PaymentView(
        p,
        refunds.forPayment(p.paymentId()),
        history.forPayment(p.paymentId()),
        history.refusedForPayment(p.paymentId()));
  }
}
