package com.payhub.channel.unionpay;

import com.payhub.channel.ChannelOutcome;
import com.payhub.model.Operation;
import com.payhub.model.PaymentStatus;
import java.util.Map;

/**
 * What a verified acp answer means for the ledger, pessimistically. A synchronous {@code 00} on a
 * back-end money movement (consume 01, refund 04) only says UnionPay accepted it: PENDING until the
 * backUrl notification or a query says {@code 00}/{@code A6}. A cancellation (31) never changes the
 * payment synchronously: its notification closes it. {@code respCode}/{@code respMsg} are kept
 * verbatim.
 */
final class UnionPayOutcomes {

  private UnionPayOutcomes() {}

  /** The synchronous answer to a request of {@code operation}. */
  static ChannelOutcome response(Operation operation, Map<String, String> fields) {
    String code = fields.get("respCode");
    String message = fields.get("respMsg");
    String queryId = blankToNull(fields.get("queryId"));
    return switch (operation) {
      case PAY, REFUND -> {
        if (UnionPayCodes.definitiveFailure(code)) {
          yield ChannelOutcome.of(PaymentStatus.FAILED, queryId, code, message);
        }
        // accepted (00), processing (03/04/05) or unknown: the notification or a query decides
        yield ChannelOutcome.of(PaymentStatus.PENDING, queryId, code, message);
      }
      case CLOSE -> ChannelOutcome.unchanged(code, message);
      case QUERY -> query(fields, code, message, queryId);
    };
  }

  private static ChannelOutcome query(
      Map<String, String> fields, String code, String message, String queryId) {
    if (!"00".equals(code)) {
      // 34: no such transaction (yet); anything else: the query itself failed
      return ChannelOutcome.unchanged(code, message);
    }
    String orig = blankToNull(fields.get("origRespCode"));
    String origMessage = fields.get("origRespMsg");
    if (UnionPayCodes.success(orig)) {
      return ChannelOutcome.of(PaymentStatus.SUCCEEDED, queryId, orig, origMessage);
    }
    if (UnionPayCodes.definitiveFailure(orig)) {
      return ChannelOutcome.of(PaymentStatus.FAILED, queryId, orig, origMessage);
    }
    return ChannelOutcome.of(
        PaymentStatus.PENDING,
        queryId,
        orig == null ? code : orig,
        orig == null ? message : origMessage);
  }

  /** A backUrl notification of a consume (01), refund (04) or cancellation (31). */
  static ChannelOutcome notification(String txnType, Map<String, String> fields) {
    String code = fields.get("respCode");
    String message = fields.get("respMsg");
    String queryId = blankToNull(fields.get("queryId"));
    if ("31".equals(txnType)) {
      return UnionPayCodes.success(code)
          ? ChannelOutcome.of(PaymentStatus.CLOSED, queryId, code, message)
          : ChannelOutcome.unchanged(code, message);
    }
    PaymentStatus status =
        UnionPayCodes.success(code)
            ? PaymentStatus.SUCCEEDED
            : UnionPayCodes.definitiveFailure(code) ? PaymentStatus.FAILED : PaymentStatus.PENDING;
    return ChannelOutcome.of(status, queryId, code, message);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
