package com.payhub.sandbox.unionpay;

import com.payhub.channel.unionpay.UnionPayTime;
import com.payhub.sandbox.SandboxBehaviour;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The sandbox UnionPay's transactions, in memory: consumes, refunds and cancellations. */
final class UnionPaySandboxTrades {

  enum State {
    PROCESSING,
    SUCCEEDED,
    FAILED,
    CANCELLED
  }

  /** One transaction; its state moves under the trade's own lock. */
  static final class Trade {
    final String txnType;
    final String merId;
    final String orderId;
    final String txnTime;
    final long amount;
    final String currencyCode;
    final String queryId;
    final String backUrl;
    final String reqReserved;
    final String origQryId;
    final String maskedAccNo;
    final SandboxBehaviour behaviour;
    State state = State.PROCESSING;
    String failureCode;
    String failureMessage;
    int queries;
    long refunded;

    Trade(
        Map<String, String> request,
        long amount,
        String queryId,
        String maskedAccNo,
        SandboxBehaviour behaviour) {
      this.txnType = request.get("txnType");
      this.merId = request.get("merId");
      this.orderId = request.get("orderId");
      this.txnTime = request.get("txnTime");
      this.amount = amount;
      this.currencyCode = request.getOrDefault("currencyCode", "156");
      this.queryId = queryId;
      this.backUrl = request.get("backUrl");
      this.reqReserved = request.get("reqReserved");
      this.origQryId = request.get("origQryId");
      this.maskedAccNo = maskedAccNo;
      this.behaviour = behaviour;
    }

    synchronized void settle(State to, String code, String message) {
      state = to;
      failureCode = code;
      failureMessage = message;
    }
  }

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Map<String, Trade> byOrder = new ConcurrentHashMap<>();
  private final Map<String, Trade> byQueryId = new ConcurrentHashMap<>();

  /** A new queryId: 21 digits, the Beijing time then random digits, as UnionPay's look. */
  static String newQueryId() {
    return UnionPayTime.format(Instant.now()) + String.format("%07d", RANDOM.nextInt(10_000_000));
  }

  /** Records the trade unless its merId/orderId is taken; returns the one that holds it. */
  Trade add(Trade trade) {
    Trade existing = byOrder.putIfAbsent(key(trade.merId, trade.orderId), trade);
    if (existing != null) {
      return existing;
    }
    byQueryId.put(trade.queryId, trade);
    return trade;
  }

  boolean taken(String merId, String orderId) {
    return byOrder.containsKey(key(merId, orderId));
  }

  Optional<Trade> byOrder(String merId, String orderId) {
    return Optional.ofNullable(byOrder.get(key(merId, orderId)));
  }

  Optional<Trade> byQueryId(String queryId) {
    return Optional.ofNullable(queryId == null ? null : byQueryId.get(queryId));
  }

  private static String key(String merId, String orderId) {
    return merId + "/" + orderId;
  }
}
