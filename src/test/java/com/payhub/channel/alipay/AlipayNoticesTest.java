package com.payhub.channel.alipay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.payhub.channel.ChannelNotice;
import com.payhub.channel.NotificationRefusedException;
import com.payhub.channel.NotificationRefusedException.Reason;
import com.payhub.model.Money;
import com.payhub.model.PaymentStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Verified notification fields into a ChannelNotice, and Alipay's own freshness window. */
class AlipayNoticesTest {

  // 2026-11-26 12:00:00 in Beijing
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-26T04:00:00Z"), ZoneOffset.UTC);
  private final AlipayRefundAmounts refunds = mock(AlipayRefundAmounts.class);
  private final AlipayNotices notices =
      new AlipayNotices(
          new AlipayGatewayProperties(
              "u",
              "n",
              Duration.ofSeconds(1),
              Duration.ofSeconds(1),
              "a",
              "p",
              "RSA2",
              Duration.ofHours(26)),
          refunds,
          CLOCK);

  private static Map<String, String> paid(String notifyTime) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("notify_time", notifyTime);
    f.put("notify_id", "ac05099524730693a8b330c5ecf72da9786");
    f.put("app_id", "2021000000000001");
    f.put("trade_no", "2026112622001419581234567890");
    f.put("out_trade_no", "A1");
    f.put("trade_status", "TRADE_SUCCESS");
    f.put("total_amount", "100.42");
    return f;
  }

  @Test
  void aPaymentNotificationNamesTheTradeTheAmountAndTheStatus() {
    ChannelNotice n = notices.notice(paid("2026-11-26 11:59:58"));
    assertThat(n.notificationId()).isEqualTo("ac05099524730693a8b330c5ecf72da9786");
    assertThat(n.channelMerchantId()).isEqualTo("2021000000000001");
    assertThat(n.merchantOrderNo()).isEqualTo("A1");
    assertThat(n.refundNo()).isNull();
    assertThat(n.amount()).isEqualTo(Money.ofMinor(10042, "CNY"));
    assertThat(n.outcome().status()).isEqualTo(PaymentStatus.SUCCEEDED);
    assertThat(n.outcome().transactionId()).isEqualTo("2026112622001419581234567890");
    assertThat(n.sentAt()).as("the 5-minute window does not apply to Alipay's resends").isNull();
  }

  @Test
  void aResendWithinAlipaysTwentyFiveHoursIsTakenAnOlderOrFutureOneIsNot() {
    assertThat(notices.notice(paid("2026-11-25 12:00:01")).outcome().status())
        .isEqualTo(PaymentStatus.SUCCEEDED);
    assertThatThrownBy(() -> notices.notice(paid("2026-11-25 09:59:59")))
        .isInstanceOfSatisfying(
            NotificationRefusedException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.STALE));
    assertThatThrownBy(() -> notices.notice(paid("2026-11-26 12:05:01")))
        .isInstanceOfSatisfying(
            NotificationRefusedException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.STALE));
    assertThatThrownBy(() -> notices.notice(paid("26/11/2026 12:00")))
        .isInstanceOfSatisfying(
            NotificationRefusedException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED));
  }

  @Test
  void closedWaitingAndUnknownStatuses() {
    Map<String, String> f = paid("2026-11-26 12:00:00");
    f.put("trade_status", "TRADE_CLOSED");
    assertThat(notices.notice(f).outcome().status()).isEqualTo(PaymentStatus.CLOSED);
    assertThat(notices.notice(f).outcome().code()).isEqualTo("TRADE_CLOSED");
    f.put("trade_status", "WAIT_BUYER_PAY");
    assertThat(notices.notice(f).outcome().status()).isEqualTo(PaymentStatus.PENDING);
    f.put("trade_status", "SOMETHING_NEW");
    assertThat(notices.notice(f).outcome().status()).isEqualTo(PaymentStatus.PENDING);
  }

  @Test
  void aRefundNotificationCarriesTheRefundsOwnShareOfTheRefundedTotal() {
    Map<String, String> f = paid("2026-11-26 12:00:00");
    f.put("trade_status", "TRADE_CLOSED");
    f.put("out_biz_no", "R2");
    f.put("refund_fee", "100.42");
    f.put("gmt_refund", "2026-11-26 11:59:59.123");
    when(refunds.ofRefund(eq("2021000000000001"), eq("A1"), eq("R2"), any(Money.class)))
        .thenReturn(Money.ofMinor(7042, "CNY"));
    ChannelNotice n = notices.notice(f);
    assertThat(n.refundNo()).isEqualTo("R2");
    assertThat(n.amount()).isEqualTo(Money.ofMinor(7042, "CNY"));
    // the refund succeeded; TRADE_CLOSED here is the payment fully refunded, not a closed order
    assertThat(n.outcome().status()).isEqualTo(PaymentStatus.SUCCEEDED);
  }

  @Test
  void missingFieldsAndBrokenAmountsAreMalformed() {
    for (String field : new String[] {"notify_id", "app_id", "out_trade_no", "trade_status"}) {
      Map<String, String> f = paid("2026-11-26 12:00:00");
      f.remove(field);
      assertThatThrownBy(() -> notices.notice(f))
          .as(field)
          .isInstanceOfSatisfying(
              NotificationRefusedException.class,
              e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED));
    }
    Map<String, String> f = paid("2026-11-26 12:00:00");
    f.put("total_amount", "100.421");
    assertThatThrownBy(() -> notices.notice(f)).isInstanceOf(NotificationRefusedException.class);
  }
}
