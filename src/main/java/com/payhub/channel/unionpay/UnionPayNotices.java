package com.payhub.channel.unionpay;

import com.payhub.channel.ChannelNotice;
import com.payhub.channel.ChannelNotices;
import com.payhub.channel.NotificationRefusedException;
import com.payhub.channel.NotificationRefusedException.Reason;
import com.payhub.model.Channel;
import com.payhub.model.Money;
import java.util.Map;
import java.util.Set;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * The UnionPay half of {@code POST /notify/unionpay} ({@code bean: unionpayNotices}), after {@code
 * UnionPayVerifyProcessor} checked the signature: the verified fields become a {@link
 * ChannelNotice} in property {@code PayHubNotice}.
 *
 * <ul>
 *   <li>notification id: {@code <txnType>:<queryId>} (a consume, its refunds and its cancellation
 *       each have their own queryId; the txnType keeps them apart even so);
 *   <li>merchant account: {@code merId}; amount: {@code txnAmt} in fen, currency from {@code
 *       currencyCode} (156 when absent);
 *   <li>order: {@code orderId} for a consume (01); for a refund (04) {@code orderId} is the refund
 *       number and the payment's order number comes back in {@code reqReserved}, which the adapter
 *       set; likewise for a cancellation (31);
 *   <li>sent at: null, so no freshness window. UnionPay sends no sending time: {@code txnTime} is
 *       the hub's own request time and {@code traceTime} ({@code MMddHHmmss}, no year) the
 *       transaction's, and resends over the following minutes to hours carry the same values, so a
 *       window on either would refuse genuine resends. Replays are harmless instead: the id is
 *       remembered and the ledger applies a status once.
 * </ul>
 */
@Component("unionpayNotices")
public class UnionPayNotices {

  private static final Set<String> TXN_TYPES = Set.of("01", "04", "31");

  @SuppressWarnings("unchecked")
  public void notice(Exchange exchange) {
    Map<String, String> f = exchange.getMessage().getBody(Map.class);
    String txnType = required(f, "txnType");
    if (!TXN_TYPES.contains(txnType)) {
      throw new NotificationRefusedException(
          Reason.MALFORMED, "txnType " + txnType + " is not a consume, refund or cancellation");
    }
    String queryId = required(f, "queryId");
    String orderId = required(f, "orderId");
    long fen;
    try {
      fen = Long.parseLong(required(f, "txnAmt"));
    } catch (NumberFormatException e) {
      throw new NotificationRefusedException(Reason.MALFORMED, "txnAmt is not an amount in fen");
    }
    String numeric = f.getOrDefault("currencyCode", "156");
    String currency;
    try {
      currency = Money.currencyForNumericCode(numeric.isBlank() ? "156" : numeric.trim());
    } catch (IllegalArgumentException e) {
      throw new NotificationRefusedException(
          Reason.MALFORMED, "currencyCode " + numeric + " is unknown");
    }
    boolean payment = txnType.equals("01");
    ChannelNotice notice =
        new ChannelNotice(
            Channel.UNIONPAY,
            txnType + ":" + queryId,
            required(f, "merId"),
            payment ? orderId : blankToNull(f.get("reqReserved")),
            txnType.equals("04") ? orderId : null,
            // a cancellation's txnAmt is the payment's: the amount check holds for it too
            new Money(fen, currency),
            UnionPayOutcomes.notification(txnType, f),
            null);
    exchange.setProperty(ChannelNotices.NOTICE, notice);
  }

  private static String required(Map<String, String> f, String name) {
    String v = f.get(name);
    if (v == null || v.isBlank()) {
      throw new NotificationRefusedException(Reason.MALFORMED, "the notification has no " + name);
    }
    return v.trim();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
