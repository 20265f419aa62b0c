package com.payhub.channel.alipay;

import com.payhub.config.MerchantRegistry;
import com.payhub.ledger.Ledger;
import com.payhub.model.Dialect;
import com.payhub.model.Money;
import com.payhub.model.PaymentStatus;
import org.springframework.stereotype.Component;

/**
 * Alipay's refund notification states the trade's refunded total ({@code refund_fee}), not the
 * refund's own amount. The refund's share is that total less the payment's other refunds that
 * already succeeded; the notice then carries that share, which the shared checks compare with the
 * refund's amount (so a total that does not add up is refused as a wrong amount).
 */
@Component
public class AlipayRefundAmounts {

  private final MerchantRegistry merchants;
  private final Ledger ledger;

  public AlipayRefundAmounts(MerchantRegistry merchants, Ledger ledger) {
    this.merchants = merchants;
    this.ledger = ledger;
  }

  /** The refund's own amount; {@code total} unchanged when the payment is unknown here. */
  Money ofRefund(String appId, String outTradeNo, String refundNo, Money total) {
    return merchants
        .resolve(Dialect.ALIPAY, appId)
        .flatMap(m -> ledger.findByMerchantOrder(m.id(), outTradeNo))
        .map(
            view -> {
              long others =
                  view.refunds().stream()
                      .filter(r -> !refundNo.equals(r.refundNo()))
                      .filter(r -> r.status() == PaymentStatus.SUCCEEDED)
                      .mapToLong(r -> r.amount().minor())
                      .sum();
              return Money.ofMinor(total.minor() - others, total.currency());
            })
        .orElse(total);
  }
}
