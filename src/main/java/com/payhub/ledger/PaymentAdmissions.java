package com.payhub.ledger;

import com.payhub.model.HubIds;
import com.payhub.model.Operation;
import com.payhub.model.PaymentOrder;
import com.payhub.model.PaymentStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;

/**
 * PAY orders: one payment per (merchant, merchant order number). The unique key decides between
 * concurrent submissions; the loser reads the winner's row and gets it back as a duplicate.
 */
final class PaymentAdmissions {

  private final PaymentTable payments;
  private final HistoryTable history;
  private final LedgerTransactions tx;
  private final LedgerClock clock;

  PaymentAdmissions(
      PaymentTable payments, HistoryTable history, LedgerTransactions tx, LedgerClock clock) {
    this.payments = payments;
    this.history = history;
    this.tx = tx;
    this.clock = clock;
  }

  Admission admit(PaymentOrder o, String cause) {
    Objects.requireNonNull(o.merchantOrderNo(), "merchantOrderNo");
    Objects.requireNonNull(o.channel(), "channel");
    Objects.requireNonNull(o.amount(), "amount");
    Objects.requireNonNull(o.sourceDialect(), "sourceDialect");
    var now = clock.now();
    Payment p =
        new Payment(
            o.paymentId() != null ? o.paymentId() : HubIds.next('P'),
            o.merchantId(),
            o.merchantOrderNo(),
            o.channel(),
            Operation.PAY,
            o.amount(),
            PaymentStatus.RECEIVED,
            null,
            null,
            null,
            o.sourceDialect(),
            o.createdAt() != null ? Sql.micros(o.createdAt()) : now,
            now,
            0);
    try {
      return tx.inSavepoint(
          () -> {
            payments.insert(p);
            history.append(
                new HistoryEntry(
                    HubIds.next('H'),
                    p.paymentId(),
                    SubjectKind.PAYMENT,
                    p.paymentId(),
                    p.version(),
                    null,
                    PaymentStatus.RECEIVED,
                    cause,
                    "PAY "
                        + p.amount().toMajorString()
                        + " "
                        + p.amount().currency()
                        + " via "
                        + p.channel().id(),
                    now));
            return new Admission(p, null, false);
          });
    } catch (DuplicateKeyException e) {
      // the unique key decided: someone admitted this merchant order first (or just now)
      Payment existing =
          payments.findByMerchantOrder(o.merchantId(), o.merchantOrderNo()).orElseThrow(() -> e);
      List<String> differences = new ArrayList<>();
      if (existing.amount().minor() != o.amount().minor()) {
        differences.add("amount");
      }
      if (!existing.amount().currency().equals(o.amount().currency())) {
        differences.add("currency");
      }
      if (existing.channel() != o.channel()) {
        differences.add("channel");
      }
      if (!differences.isEmpty()) {
        throw new OrderConflictException(
            o.merchantId(), o.merchantOrderNo(), existing.paymentId(), differences);
      }
      return new Admission(existing, null, true);
    }
  }

  /** The payment a REFUND, QUERY or CLOSE names: by merchant order number, else by channel id. */
  Payment referencedPayment(PaymentOrder o) {
    Optional<Payment> found = Optional.empty();
    if (o.merchantOrderNo() != null) {
      found = payments.findByMerchantOrder(o.merchantId(), o.merchantOrderNo());
    }
    if (found.isEmpty() && o.channelTransactionId() != null) {
      found =
          payments.findByChannelTransaction(o.merchantId(), o.channel(), o.channelTransactionId());
    }
    return found.orElseThrow(
        () ->
            new UnknownPaymentException(
                o.merchantId()
                    + "/"
                    + (o.merchantOrderNo() != null
                        ? o.merchantOrderNo()
                        : "txn " + o.channelTransactionId())));
  }
}
