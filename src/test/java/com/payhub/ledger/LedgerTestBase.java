package com.payhub.ledger;

import com.payhub.model.Channel;
import com.payhub.model.Dialect;
import com.payhub.model.Money;
import com.payhub.model.Operation;
import com.payhub.model.PaymentOrder;
import com.payhub.model.PaymentStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** A fresh migrated database and a ledger on it for every test; subclasses pick the database. */
abstract class LedgerTestBase {

  static final String MERCHANT = "M100001";

  private final Supplier<TestDatabase> databases;
  TestDatabase db;
  JdbcLedger ledger;
  JdbcTemplate jdbc;

  /** The ledger's transaction manager: tests open caller transactions with it. */
  TransactionTemplate callerTx;

  LedgerTestBase(Supplier<TestDatabase> databases) {
    this.databases = databases;
  }

  @BeforeEach
  void openDatabase() {
    db = databases.get();
    JdbcTransactionManager manager = new JdbcTransactionManager(db.dataSource());
    ledger = new JdbcLedger(db.dataSource(), manager, Clock.systemUTC());
    jdbc = new JdbcTemplate(db.dataSource());
    callerTx = new TransactionTemplate(manager);
  }

  @AfterEach
  void dropDatabase() {
    if (db != null) {
      db.close();
    }
  }

  static String newId(char prefix) {
    return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 26).toUpperCase();
  }

  static PaymentOrder pay(String orderNo, long minor) {
    return pay(orderNo, Money.ofMinor(minor, "CNY"), Channel.ALIPAY);
  }

  static PaymentOrder pay(String orderNo, Money amount, Channel channel) {
    return new PaymentOrder(
        newId('P'),
        MERCHANT,
        orderNo,
        channel,
        Operation.PAY,
        amount,
        "subject",
        null,
        null,
        null,
        null,
        Dialect.CANONICAL,
        Instant.now());
  }

  static PaymentOrder refund(String orderNo, String refundNo, long minor) {
    return new PaymentOrder(
        newId('P'),
        MERCHANT,
        orderNo,
        Channel.ALIPAY,
        Operation.REFUND,
        Money.ofMinor(minor, "CNY"),
        null,
        refundNo,
        null,
        null,
        null,
        Dialect.ALIPAY,
        Instant.now());
  }

  static PaymentOrder lookup(Operation op, String orderNo, String channelTxnId) {
    return new PaymentOrder(
        newId('P'),
        MERCHANT,
        orderNo,
        Channel.ALIPAY,
        op,
        null,
        null,
        null,
        channelTxnId,
        null,
        null,
        Dialect.ALIPAY,
        Instant.now());
  }

  /** A PAY admitted and moved along {@code path} (e.g. DISPATCHED, SUCCEEDED). */
  Payment paymentIn(String orderNo, long minor, PaymentStatus... path) {
    Payment p = ledger.admit(pay(orderNo, minor), "ingest:http:canonical").payment();
    for (PaymentStatus s : path) {
      p = ledger.transition(p.paymentId(), s, "test", ChannelRef.NONE);
    }
    return p;
  }

  long count(String sql, Object... args) {
    Long n = jdbc.queryForObject(sql, Long.class, args);
    return n == null ? 0 : n;
  }

  /** Runs every task on its own thread, all released at once; returns results in task order. */
  static <T> List<Future<T>> race(List<Callable<T>> tasks) throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<T>> futures = new ArrayList<>();
      for (Callable<T> task : tasks) {
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  return task.call();
                }));
      }
      start.countDown();
      pool.shutdown();
      if (!pool.awaitTermination(60, TimeUnit.SECONDS)) {
        throw new AssertionError("racing tasks did not finish within 60 s");
      }
      return futures;
    } finally {
      pool.shutdownNow();
    }
  }
}
