package com.payhub.ledger;

import com.payhub.model.PaymentOrder;
import com.payhub.model.PaymentStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The payment ledger: every payment remembered, every merchant order taken once, every status
 * change checked by the state machine and kept in an append-only history.
 *
 * <p>A {@code cause} names what caused a write, e.g. {@code ingest:http:alipay}, {@code
 * notify:wechatpay:<notification id>}, {@code query}, {@code review:<operator>}.
 */
public interface Ledger {

  /**
   * Takes an order into the ledger. PAY: a new payment in RECEIVED, or the existing one with {@code
   * duplicate=true}. REFUND: a new refund in RECEIVED linked to the payment the order names (by
   * merchant order number or channel transaction id), or the existing one with {@code
   * duplicate=true}; the refund's id is the order's hub id. QUERY and CLOSE: the payment they act
   * on; nothing is written.
   *
   * @throws OrderConflictException the order (refund) number was admitted with other terms
   * @throws UnknownPaymentException a REFUND, QUERY or CLOSE names no known payment
   * @throws RefundNotAllowedException the payment has not succeeded or has too little left
   */
  Admission admit(PaymentOrder order, String cause);

  /**
   * Moves a payment to {@code to}. Same status: no-op, the row is returned unchanged. REFUNDED is
   * only allowed once succeeded refunds cover the amount (refund transitions do it by themselves).
   *
   * @param ref what the channel said; null for nothing. A payment keeps its first channel
   *     transaction id.
   * @throws IllegalTransitionException the state machine refused (recorded, nothing changed)
   * @throws UnknownPaymentException no such payment
   * @throws org.springframework.dao.OptimisticLockingFailureException other writers kept changing
   *     the payment; safe to retry
   */
  Payment transition(String paymentId, PaymentStatus to, String cause, ChannelRef ref);

  /**
   * Moves a refund to {@code to} (see {@link RefundStateMachine}). When it SUCCEEDS and the
   * payment's succeeded refunds then cover its amount, the payment becomes REFUNDED in the same
   * transaction.
   *
   * @throws IllegalTransitionException the state machine refused (recorded, nothing changed)
   * @throws UnknownPaymentException no such refund
   */
  Refund transitionRefund(String refundId, PaymentStatus to, String cause, ChannelRef ref);

  /**
   * {@link #transition}, also saying whether this call changed the payment: publish an event only
   * when it did (a concurrent writer that got there first makes this call a no-op).
   */
  PaymentMove move(String paymentId, PaymentStatus to, String cause, ChannelRef ref);

  /** {@link #transitionRefund}, also saying what changed (the payment too, when now REFUNDED). */
  RefundMove moveRefund(String refundId, PaymentStatus to, String cause, ChannelRef ref);

  Optional<PaymentView> find(String paymentId);

  /** The payment's row alone, without refunds and history (one read). */
  Optional<Payment> findPayment(String paymentId);

  Optional<PaymentView> findByMerchantOrder(String merchantId, String merchantOrderNo);

  Optional<Refund> findRefund(String refundId);

  /**
   * Keeps what the channel answered for an operation of a payment that the merchant needs next
   * (e.g. a QR code), replacing an earlier answer for the same operation. Not a status change.
   *
   * @param detailsJson a JSON object of strings, at most 4000 characters
   */
  void rememberAnswer(String paymentId, String operation, String detailsJson);

  /**
   * Records that an adapter is about to send a dispatched order to its channel; returns which
   * attempt this is (1 = the first). Committed before the call, so a redelivered order sees it.
   */
  int recordAttempt(String orderId, String operation);

  /**
   * Operation → the details JSON the channel last answered for it (see {@link #rememberAnswer}).
   */
  Map<String, String> answers(String paymentId);

  /**
   * Records a channel notification id; false when it was recorded before (a replay or a redelivery:
   * acknowledge it, do not process it again).
   */
  boolean firstNotification(String channel, String notificationId, String paymentId);

  /**
   * Open payments (RECEIVED, DISPATCHED or PENDING) due for a check: never checked and unchanged
   * since {@code staleBefore}, or whose scheduled check is due now; oldest first.
   */
  List<DueCheck> dueForCheck(Instant staleBefore, int limit);

  /**
   * Claims check number {@code checksSoFar + 1} of a payment and schedules the one after at {@code
   * nextAt}. Of several callers (replicas) with the same {@code checksSoFar}, exactly one gets
   * true.
   */
  boolean claimCheck(String paymentId, int checksSoFar, Instant nextAt);

  /**
   * Open refunds (RECEIVED, DISPATCHED or PENDING) due for a check, each with its payment: never
   * checked and unchanged since {@code staleBefore}, or whose scheduled check is due now; oldest
   * first. The refund's counterpart of {@link #dueForCheck}.
   */
  List<DueRefundCheck> refundsDueForCheck(Instant staleBefore, int limit);

  /**
   * Claims check number {@code checksSoFar + 1} of a refund and schedules the one after at {@code
   * nextAt}. Of several callers (replicas) with the same {@code checksSoFar}, exactly one gets
   * true.
   */
  boolean claimRefundCheck(String refundId, int checksSoFar, Instant nextAt);

  /** How many transitions the state machines have refused so far (all payments). */
  long countRefusedTransitions();
}
