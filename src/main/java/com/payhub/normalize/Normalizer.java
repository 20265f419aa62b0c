package com.payhub.normalize;

import com.payhub.model.Dialect;
import com.payhub.model.PaymentOrder;

/**
 * Turns one dialect's raw input into a canonical {@link PaymentOrder}. A normaliser checks what the
 * dialect itself defines (syntax, required fields, amount format, operation); merchant, channel and
 * limit rules are {@code OrderValidator}'s.
 *
 * <p>The order it returns has no paymentId yet, and its merchantId is the id as the dialect names
 * the merchant (Alipay {@code app_id}, WeChat {@code mchid}, UnionPay {@code merId}).
 */
public interface Normalizer {

  Dialect dialect();

  /**
   * @throws com.payhub.model.RejectedInputException with every field error found
   */
  PaymentOrder normalize(InboundMessage message);
}
