package com.payhub.channel;

import com.payhub.ledger.ChannelRef;
import com.payhub.model.PaymentStatus;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a channel said about one operation, already mapped pessimistically: only an explicit success
 * is SUCCEEDED; an unknown code, a timeout or a 200 carrying an error code is PENDING or FAILED,
 * with the channel's own code and message kept.
 *
 * @param status the status the payment (or refund) should move to; null when the answer changes
 *     nothing (e.g. a CLOSE the channel refused because the payment is already paid)
 * @param transactionId the channel's id of the payment (for a refund: of the refund), if it gave
 *     one
 * @param code the channel's result code, verbatim (or the hub's, e.g. {@code CHANNEL_TIMEOUT})
 * @param message the channel's message, verbatim
 * @param details what the merchant needs next, for the result only (e.g. {@code qrCode}, {@code
 *     codeUrl}); never in events, never in logs
 */
public record ChannelOutcome(
    PaymentStatus status,
    String transactionId,
    String code,
    String message,
    Map<String, String> details) {

  public ChannelOutcome {
    details = details == null ? Map.of() : Map.copyOf(details);
  }

  public static ChannelOutcome of(
      PaymentStatus status, String transactionId, String code, String message) {
    return new ChannelOutcome(status, transactionId, code, message, Map.of());
  }

  public static ChannelOutcome pending(String code, String message) {
    return of(PaymentStatus.PENDING, null, code, message);
  }

  public static ChannelOutcome failed(String code, String message) {
    return of(PaymentStatus.FAILED, null, code, message);
  }

  /** The channel answered, but the payment's status stays what it is. */
  public static ChannelOutcome unchanged(String code, String message) {
    return of(null, null, code, message);
  }

  public ChannelOutcome withDetail(String name, String value) {
    if (value == null) {
      return this;
    }
    Map<String, String> more = new LinkedHashMap<>(details);
    more.put(name, value);
    return new ChannelOutcome(status, transactionId, code, message, more);
  }

  ChannelRef ref() {
    return new ChannelRef(transactionId, code, message);
  }
}
