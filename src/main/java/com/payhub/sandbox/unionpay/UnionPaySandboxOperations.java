package com.payhub.sandbox.unionpay;

import static com.payhub.sandbox.unionpay.UnionPaySandboxMessages.*;

import com.payhub.channel.unionpay.UnionPaySensitiveFields;
import com.payhub.crypto.DecryptionFailedException;
import com.payhub.sandbox.SandboxBehaviour;
import com.payhub.sandbox.SandboxNotifier;
import com.payhub.sandbox.SandboxProperties;
import com.payhub.sandbox.unionpay.UnionPaySandboxTrades.State;
import com.payhub.sandbox.unionpay.UnionPaySandboxTrades.Trade;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;

/**
 * What the sandbox UnionPay does with a request whose signature it verified: consume (01), refund
 * (04), cancellation (31) and query (00), steered by {@link SandboxBehaviour} through the amount's
 * last two digits (a refund by its own amount). Notifications go to the request's {@code backUrl}
 * and are resent until the hub answers HTTP 200. A TIMEOUT consume charges nothing; a TIMEOUT
 * refund is made but answered after the hub's read timeout and never notified, so only a query of
 * the refund's own orderId and txnTime tells the hub.
 */
final class UnionPaySandboxOperations {

  /** An HTTP answer: status and body. */
  record Answer(int status, String body) {}

  private final UnionPaySandboxMessages messages;
  private final UnionPaySensitiveFields sensitive;
  private final SandboxNotifier notifier;
  private final SandboxProperties properties;
  private final UnionPaySandboxTrades trades = new UnionPaySandboxTrades();

  UnionPaySandboxOperations(
      UnionPaySandboxKeys.Material keys, SandboxNotifier notifier, SandboxProperties properties) {
    this.messages = new UnionPaySandboxMessages(keys);
    this.sensitive =
        UnionPaySensitiveFields.withPrivateKey(
            keys.encryption().certificate(), keys.encryption().key());
    this.notifier = notifier;
    this.properties = properties;
  }

  Answer refused(Map<String, String> request, String code, String message) {
    return ok(messages.answer(request, code, message, Map.of(), false));
  }

  Answer back(Map<String, String> f) {
    String txnType = f.getOrDefault("txnType", "");
    if (!txnType.equals("01") && !txnType.equals("04") && !txnType.equals("31")) {
      return refused(f, FORMAT_ERROR, FORMAT_ERROR_MESSAGE);
    }
    for (String required : new String[] {"merId", "orderId", "txnTime", "txnAmt", "backUrl"}) {
      if (blank(f.get(required))) {
        return refused(f, MISSING_FIELD, MISSING_FIELD_MESSAGE);
      }
    }
    long amount;
    try {
      amount = Long.parseLong(f.get("txnAmt"));
    } catch (NumberFormatException e) {
      return refused(f, FORMAT_ERROR, FORMAT_ERROR_MESSAGE);
    }
    SandboxBehaviour behaviour =
        txnType.equals("31") ? SandboxBehaviour.SUCCEED : SandboxBehaviour.of(amount);
    switch (behaviour) {
      case SERVER_ERROR -> {
        return new Answer(503, "Service Unavailable");
      }
      case TIMEOUT -> {
        if (txnType.equals("04") && !trades.taken(f.get("merId"), f.get("orderId"))) {
          // a refund is made, only its answer is lost (and no notification follows): the hub
          // learns of it by querying the refund's own orderId and txnTime
          Answer made = refund(f, amount, behaviour);
          pause(properties.timeoutDelay());
          return made;
        }
        pause(properties.timeoutDelay()); // the hub has given up by now; nothing is charged
        return refused(f, ACCEPTED, ACCEPTED_MESSAGE);
      }
      case BAD_SIGNATURE -> {
        return ok(messages.answer(f, OK, OK_MESSAGE, Map.of(), true));
      }
      case SLOW -> pause(properties.slowDelay());
      default -> {
        // answered below
      }
    }
    if (trades.taken(f.get("merId"), f.get("orderId"))) {
      return refused(f, DUPLICATE, DUPLICATE_MESSAGE);
    }
    return switch (txnType) {
      case "01" -> consume(f, amount, behaviour);
      case "04" -> refund(f, amount, behaviour);
      default -> cancel(f, amount);
    };
  }

  private Answer consume(Map<String, String> f, long amount, SandboxBehaviour behaviour) {
    String accNo;
    try {
      accNo = blank(f.get("accNo")) ? null : sensitive.decrypt(f.get("accNo"));
    } catch (DecryptionFailedException e) {
      return refused(f, FORMAT_ERROR, FORMAT_ERROR_MESSAGE);
    }
    if (accNo == null) {
      return refused(f, MISSING_FIELD, MISSING_FIELD_MESSAGE);
    }
    Trade trade = new Trade(f, amount, UnionPaySandboxTrades.newQueryId(), mask(accNo), behaviour);
    if (trades.add(trade) != trade) {
      return refused(f, DUPLICATE, DUPLICATE_MESSAGE);
    }
    if (behaviour == SandboxBehaviour.DECLINE) {
      trade.settle(State.FAILED, DECLINED, DECLINED_MESSAGE);
      return refused(f, DECLINED, DECLINED_MESSAGE);
    }
    settleAndNotify(trade);
    return accepted(f, trade);
  }

  private Answer refund(Map<String, String> f, long amount, SandboxBehaviour behaviour) {
    Trade original = trades.byQueryId(f.get("origQryId")).orElse(null);
    if (original == null || !original.txnType.equals("01") || original.state != State.SUCCEEDED) {
      return refused(f, ORIGINAL_NOT_FOUND, ORIGINAL_NOT_FOUND_MESSAGE);
    }
    synchronized (original) {
      if (original.refunded + amount > original.amount) {
        return refused(f, AMOUNT_EXCEEDED, AMOUNT_EXCEEDED_MESSAGE);
      }
      if (behaviour != SandboxBehaviour.DECLINE && behaviour != SandboxBehaviour.PAY_FAILS) {
        original.refunded += amount;
      }
    }
    Trade refund = new Trade(f, amount, UnionPaySandboxTrades.newQueryId(), null, behaviour);
    if (trades.add(refund) != refund) {
      return refused(f, DUPLICATE, DUPLICATE_MESSAGE);
    }
    if (behaviour == SandboxBehaviour.DECLINE) {
      refund.settle(State.FAILED, DECLINED, DECLINED_MESSAGE);
      return refused(f, DECLINED, DECLINED_MESSAGE);
    }
    settleAndNotify(refund);
    return accepted(f, refund);
  }

  private Answer cancel(Map<String, String> f, long amount) {
    Trade original = trades.byQueryId(f.get("origQryId")).orElse(null);
    if (original == null
        || !original.txnType.equals("01")
        || original.amount != amount
        || original.state == State.FAILED
        || original.state == State.CANCELLED) {
      return refused(f, ORIGINAL_NOT_FOUND, ORIGINAL_NOT_FOUND_MESSAGE);
    }
    Trade cancel =
        new Trade(f, amount, UnionPaySandboxTrades.newQueryId(), null, SandboxBehaviour.SUCCEED);
    if (trades.add(cancel) != cancel) {
      return refused(f, DUPLICATE, DUPLICATE_MESSAGE);
    }
    // a consume still in process is stopped: its success notification never comes
    original.settle(State.CANCELLED, null, null);
    cancel.settle(State.SUCCEEDED, null, null);
    notify(cancel, 1);
    return accepted(f, cancel);
  }

  /** Settles a money movement as its behaviour says, and notifies when it is settled. */
  private void settleAndNotify(Trade trade) {
    switch (trade.behaviour) {
      case PENDING_THEN_SUCCEED -> {
        if (trade.txnType.equals("04")) { // nobody queries a refund: it succeeds as usual
          trade.settle(State.SUCCEEDED, null, null);
          notify(trade, 1);
        }
        // a consume stays in process until it was queried pendingQueries times
      }
      case PAY_FAILS -> {
        trade.settle(State.FAILED, ISSUER_FAILED, ISSUER_FAILED_MESSAGE);
        notify(trade, 1);
      }
      case TIMEOUT -> trade.settle(State.SUCCEEDED, null, null); // a refund, never notified
      case DUPLICATE_NOTIFY -> {
        trade.settle(State.SUCCEEDED, null, null);
        notify(trade, 2);
      }
      default -> {
        trade.settle(State.SUCCEEDED, null, null);
        notify(trade, 1);
      }
    }
  }

  Answer query(Map<String, String> f) {
    Trade trade = trades.byOrder(f.get("merId"), f.get("orderId")).orElse(null);
    if (trade == null || !trade.txnTime.equals(f.get("txnTime"))) {
      return refused(f, NO_SUCH_TRANSACTION, NO_SUCH_TRANSACTION_MESSAGE);
    }
    String code;
    String message;
    synchronized (trade) {
      switch (trade.state) {
        case SUCCEEDED -> {
          code = OK;
          message = OK_MESSAGE;
        }
        case FAILED, CANCELLED -> {
          code = trade.failureCode == null ? "01" : trade.failureCode;
          message = trade.failureMessage == null ? "交易失败。详情请咨询95516" : trade.failureMessage;
        }
        default -> {
          code = ACCEPTED;
          message = ACCEPTED_MESSAGE;
          if (++trade.queries >= properties.pendingQueries()) {
            // the last "in process" answer: it succeeds now, and says so by notification
            trade.settle(State.SUCCEEDED, null, null);
            notify(trade, 1);
          }
        }
      }
    }
    return ok(
        messages.answer(
            f,
            OK,
            OK_MESSAGE,
            Map.of(
                "queryId",
                trade.queryId,
                "txnAmt",
                Long.toString(trade.amount),
                "currencyCode",
                trade.currencyCode,
                "origRespCode",
                code,
                "origRespMsg",
                message),
            false));
  }

  private Answer accepted(Map<String, String> f, Trade trade) {
    return ok(messages.answer(f, OK, OK_MESSAGE, Map.of("queryId", trade.queryId), false));
  }

  private void notify(Trade trade, int copies) {
    String key = "unionpay:" + trade.orderId + ":" + trade.txnType;
    for (int i = 0; i < copies; i++) {
      notifier.send(
          key,
          "unionpay",
          () -> {
            String code;
            String message;
            synchronized (trade) {
              code = trade.state == State.FAILED ? trade.failureCode : OK;
              message = trade.state == State.FAILED ? trade.failureMessage : OK_MESSAGE;
            }
            return HttpRequest.newBuilder(URI.create(trade.backUrl))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded;charset=UTF-8")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        form(messages.notification(trade, code, message))))
                .build();
          },
          response -> response.statusCode() == 200);
    }
  }

  private static Answer ok(String body) {
    return new Answer(200, body);
  }

  private static String mask(String accNo) {
    return accNo.length() <= 10
        ? "*".repeat(accNo.length())
        : accNo.substring(0, 6)
            + "*".repeat(accNo.length() - 10)
            + accNo.substring(accNo.length() - 4);
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static void pause(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
