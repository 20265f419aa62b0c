package com.payhub.model;

/**
 * Where a payment stands. Unknown or ambiguous channel answers map to PENDING, never to success.
 */
public enum PaymentStatus {
  RECEIVED,
  DISPATCHED,
  PENDING,
  SUCCEEDED,
  FAILED,
  CLOSED,
  REFUNDED,
  NEEDS_REVIEW
}
