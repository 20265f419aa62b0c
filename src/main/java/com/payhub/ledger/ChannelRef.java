package com.payhub.ledger;

/**
 * What the channel said along with a status: its transaction (or refund) id, its own result code
 * and message. Every part may be null; a null part leaves what the ledger holds unchanged.
 */
public record ChannelRef(String transactionId, String code, String message) {

  public static final ChannelRef NONE = new ChannelRef(null, null, null);

  public static ChannelRef ofTransaction(String transactionId) {
    return new ChannelRef(transactionId, null, null);
  }

  /** A short text for the history's detail column, or null when there is nothing to say. */
  String describe() {
    StringBuilder b = new StringBuilder();
    append(b, "txn", transactionId);
    append(b, "code", code);
    append(b, "msg", message);
    return b.length() == 0 ? null : b.toString();
  }

  private static void append(StringBuilder b, String name, String value) {
    if (value != null && !value.isBlank()) {
      b.append(b.length() == 0 ? "" : " ").append(name).append('=').append(value);
    }
  }
}
