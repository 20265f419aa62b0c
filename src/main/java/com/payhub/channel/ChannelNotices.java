package com.payhub.channel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.payhub.channel.NotificationRefusedException.Reason;
import com.payhub.config.MerchantRegistry;
import com.payhub.config.PayHubProperties.Merchant;
import com.payhub.ledger.Ledger;
import com.payhub.ledger.Payment;
import com.payhub.ledger.PaymentView;
import com.payhub.ledger.Refund;
import com.payhub.model.Dialect;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.apache.camel.Exchange;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The channel-independent half of every notification endpoint ({@code bean: payhubNotices}), after
 * the channel's route verified the signature and decrypted the payload into a {@link ChannelNotice}
 * (property {@value #NOTICE}): check freshness, the merchant account, the order and the amount
 * against the ledger, then apply the status. A change the ledger already has (a resend, a
 * duplicate, a replayed id) applies nothing and makes no event, so the channel can be acknowledged
 * again; anything that does not match is refused with {@link NotificationRefusedException} and
 * changes nothing.
 */
@Component("payhubNotices")
public class ChannelNotices {

  /** Exchange property: the verified {@link ChannelNotice}. */
  public static final String NOTICE = "PayHubNotice";

  private final Ledger ledger;
  private final LedgerChanges changes;
  private final ChannelOutcomes outcomes;
  private final MerchantRegistry merchants;
  private final MeterRegistry meters;
  private final Duration maxAge;
  private Clock clock = Clock.systemUTC();

  public ChannelNotices(
      Ledger ledger,
      LedgerChanges changes,
      ChannelOutcomes outcomes,
      MerchantRegistry merchants,
      MeterRegistry meters,
      @Value("${payhub.notifications.max-age:5m}") Duration maxAge) {
    this.ledger = ledger;
    this.changes = changes;
    this.outcomes = outcomes;
    this.merchants = merchants;
    this.meters = meters;
    this.maxAge = maxAge;
  }

  /** Tests move time. */
  @Autowired(required = false)
  void setClock(Clock clock) {
    this.clock = clock;
  }

  /** Checks and applies the notice; property {@value ChannelOutcomes#EVENTS} = the events. */
  public void accept(Exchange exchange) throws JsonProcessingException {
    ChannelNotice notice = exchange.getProperty(NOTICE, ChannelNotice.class);
    if (notice == null) {
      throw new IllegalStateException("payhubNotices.accept needs a ChannelNotice on the exchange");
    }
    String channel = notice.channel().id();
    try {
      checkFresh(notice);
      if (notice.merchantOrderNo() == null || notice.amount() == null) {
        throw new NotificationRefusedException(
            Reason.MALFORMED, "the notification names no order or no amount");
      }
      Merchant merchant =
          merchants
              .resolve(Dialect.valueOf(notice.channel().name()), notice.channelMerchantId())
              .orElseThrow(
                  () ->
                      new NotificationRefusedException(
                          Reason.UNKNOWN_ORDER,
                          "no merchant with "
                              + channel
                              + " account "
                              + notice.channelMerchantId()));
      PaymentView view =
          ledger
              .findByMerchantOrder(merchant.id(), notice.merchantOrderNo())
              .orElseThrow(
                  () ->
                      new NotificationRefusedException(
                          Reason.UNKNOWN_ORDER,
                          "no payment with order number " + notice.merchantOrderNo()));
      Payment payment = view.payment();
      if (payment.channel() != notice.channel()) {
        throw new NotificationRefusedException(
            Reason.MERCHANT_MISMATCH, "the payment went through " + payment.channel().id());
      }
      String cause = "notify:" + channel + ":" + clip(notice.notificationId());
      LedgerChanges.Applied applied;
      if (notice.refundNo() == null) {
        checkAmount(notice, payment.amount().minor(), payment.amount().currency());
        applied = changes.payment(payment, notice.outcome(), cause);
      } else {
        Refund refund =
            view.refunds().stream()
                .filter(r -> notice.refundNo().equals(r.refundNo()))
                .findFirst()
                .orElseThrow(
                    () ->
                        new NotificationRefusedException(
                            Reason.UNKNOWN_ORDER,
                            "no refund " + notice.refundNo() + " of that payment"));
        checkAmount(notice, refund.amount().minor(), refund.amount().currency());
        applied = changes.refund(payment, refund, notice.outcome(), cause);
      }
      exchange.setProperty(ChannelOutcomes.EVENTS, outcomes.eventsJson(applied.events()));
      exchange.setProperty("PayHubNoticePaymentId", payment.paymentId());
      count(channel, applied.events().isEmpty() ? "unchanged" : "applied");
    } catch (NotificationRefusedException e) {
      count(channel, "refused_" + e.reason().name().toLowerCase(java.util.Locale.ROOT));
      throw e;
    }
  }

  /**
   * After the events are out: remembers the notification id. A second sight of the id is counted as
   * a replay; it was already harmless, because the ledger had the change.
   */
  public void recorded(Exchange exchange) {
    ChannelNotice notice = exchange.getProperty(NOTICE, ChannelNotice.class);
    String paymentId = exchange.getProperty("PayHubNoticePaymentId", String.class);
    if (!ledger.firstNotification(
        notice.channel().id(), clip(notice.notificationId()), paymentId)) {
      count(notice.channel().id(), "replayed");
    }
  }

  private void checkFresh(ChannelNotice notice) {
    if (notice.sentAt() == null) {
      return;
    }
    Duration off = Duration.between(notice.sentAt(), Instant.now(clock)).abs();
    if (off.compareTo(maxAge) > 0) {
      throw new NotificationRefusedException(
          Reason.STALE,
          "sent at " + notice.sentAt() + ", more than " + maxAge.toSeconds() + " s from now");
    }
  }

  private static void checkAmount(ChannelNotice notice, long minor, String currency) {
    if (notice.amount().minor() != minor || !notice.amount().currency().equals(currency)) {
      throw new NotificationRefusedException(
          Reason.AMOUNT_MISMATCH,
          "the notification states "
              + notice.amount().toMajorString()
              + " "
              + notice.amount().currency()
              + ", the ledger holds another amount");
    }
  }

  private void count(String channel, String outcome) {
    Counter.builder("payhub.notifications")
        .description("channel notifications by outcome (applied, unchanged, replayed, refused_*)")
        .tag("channel", channel)
        .tag("outcome", outcome)
        .register(meters)
        .increment();
  }

  private static String clip(String id) {
    return id.length() > 128 ? id.substring(0, 128) : id;
  }
}
