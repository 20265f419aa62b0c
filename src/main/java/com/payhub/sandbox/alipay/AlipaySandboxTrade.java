package com.payhub.sandbox.alipay;

import com.payhub.sandbox.SandboxBehaviour;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** One trade the sandbox Alipay knows, with its refunds. Guarded by its own monitor. */
final class AlipaySandboxTrade {

  /** One refund request ({@code out_request_no}) and whether its money moved yet. */
  static final class Refund {
    final String requestNo;
    final long amountMinor;
    final SandboxBehaviour behaviour;
    boolean done;

    Refund(String requestNo, long amountMinor, SandboxBehaviour behaviour) {
      this.requestNo = requestNo;
      this.amountMinor = amountMinor;
      this.behaviour = behaviour;
    }
  }

  final String appId;
  final String outTradeNo;
  final String tradeNo;
  final long totalMinor;
  final String subject;
  final String notifyUrl;
  final String charset;
  final SandboxBehaviour behaviour;
  final Instant createdAt;
  final Map<String, Refund> refunds = new LinkedHashMap<>();
  String status = "WAIT_BUYER_PAY";
  Instant paidAt;
  Instant closedAt;
  int queries;

  AlipaySandboxTrade(
      String appId,
      String outTradeNo,
      String tradeNo,
      long totalMinor,
      String subject,
      String notifyUrl,
      String charset,
      SandboxBehaviour behaviour,
      Instant createdAt) {
    this.appId = appId;
    this.outTradeNo = outTradeNo;
    this.tradeNo = tradeNo;
    this.totalMinor = totalMinor;
    this.subject = subject;
    this.notifyUrl = notifyUrl;
    this.charset = charset;
    this.behaviour = behaviour;
    this.createdAt = createdAt;
  }

  /** The buyer paid: true when this call made it so. */
  synchronized boolean pay(Instant at) {
    if (!status.equals("WAIT_BUYER_PAY")) {
      return false;
    }
    status = "TRADE_SUCCESS";
    paidAt = at;
    return true;
  }

  /** Closed unpaid (timeout or alipay.trade.close): true when this call closed it. */
  synchronized boolean close(Instant at) {
    if (!status.equals("WAIT_BUYER_PAY")) {
      return false;
    }
    status = "TRADE_CLOSED";
    closedAt = at;
    return true;
  }

  /** The money refunded so far. */
  synchronized long refundedMinor() {
    return refunds.values().stream().filter(r -> r.done).mapToLong(r -> r.amountMinor).sum();
  }

  /** Marks a refund's money as moved; a full refund closes the trade (as Alipay does). */
  synchronized boolean completeRefund(Refund refund, Instant at) {
    if (refund.done) {
      return false;
    }
    refund.done = true;
    if (refundedMinor() >= totalMinor) {
      status = "TRADE_CLOSED";
      closedAt = at;
    }
    return true;
  }
}
