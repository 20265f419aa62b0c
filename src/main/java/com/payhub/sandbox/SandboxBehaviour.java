package com.payhub.sandbox;

import com.payhub.model.Money;

/**
 * How a sandbox channel treats a payment, steered by the last two digits of its amount in minor
 * units (fen), so that a test or a person with curl can pick an outcome without a special field.
 * Any other ending pays normally. A refund follows its own amount the same way.
 *
 * <pre>
 * .41 DECLINE               the gateway answers 200 with a business error code
 * .42 PENDING_THEN_SUCCEED  queries answer "waiting" a few times; the success notification comes later
 * .43 SLOW                  the answer takes slow-delay (still inside the hub's read timeout)
 * .44 SERVER_ERROR          HTTP 503, no signature
 * .45 TIMEOUT               the answer takes timeout-delay (beyond the hub's read timeout); nothing is
 *                           charged; a refund is made, but not notified: only a refund query tells
 * .46 DUPLICATE_NOTIFY      the notification is sent twice
 * .47 PAY_FAILS             the request is accepted, the notification reports failure / closed
 * .48 BAD_SIGNATURE         the answer is signed with a key the hub does not trust; nothing is charged
 * </pre>
 */
public enum SandboxBehaviour {
  SUCCEED,
  DECLINE,
  PENDING_THEN_SUCCEED,
  SLOW,
  SERVER_ERROR,
  TIMEOUT,
  DUPLICATE_NOTIFY,
  PAY_FAILS,
  BAD_SIGNATURE;

  public static SandboxBehaviour of(long amountMinor) {
    return switch ((int) (Math.abs(amountMinor) % 100)) {
      case 41 -> DECLINE;
      case 42 -> PENDING_THEN_SUCCEED;
      case 43 -> SLOW;
      case 44 -> SERVER_ERROR;
      case 45 -> TIMEOUT;
      case 46 -> DUPLICATE_NOTIFY;
      case 47 -> PAY_FAILS;
      case 48 -> BAD_SIGNATURE;
      default -> SUCCEED;
    };
  }

  public static SandboxBehaviour of(Money amount) {
    return amount == null ? SUCCEED : of(amount.minor());
  }

  /** Whether the payment ends paid (after its notification). */
  public boolean pays() {
    return this != DECLINE
        && this != TIMEOUT
        && this != PAY_FAILS
        && this != SERVER_ERROR
        && this != BAD_SIGNATURE;
  }
}
