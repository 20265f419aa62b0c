package com.payhub.ingest;

import com.payhub.config.MerchantRegistry;
import com.payhub.config.PayHubProperties;
import com.payhub.config.PayHubProperties.ChannelRules;
import com.payhub.config.PayHubProperties.Merchant;
import com.payhub.model.Channel;
import com.payhub.model.Dialect;
import com.payhub.model.PaymentOrder;
import com.payhub.model.RejectReason;
import com.payhub.normalize.FieldErrors;
import java.net.URI;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The hub's rules for a normalised order: the merchant is registered, the channel is enabled for
 * it, the currency and the amount suit the channel, the order numbers follow the channel's rules.
 * Errors name the field as the sender's dialect names it.
 */
@Component
public class OrderValidator {

  private final MerchantRegistry merchants;
  private final Map<Channel, ChannelRules> rules;
  private final Map<Channel, Pattern> orderNoPatterns = new EnumMap<>(Channel.class);

  public OrderValidator(MerchantRegistry merchants, PayHubProperties properties) {
    this.merchants = merchants;
    this.rules = properties.channels();
    rules.forEach(
        (channel, r) -> orderNoPatterns.put(channel, Pattern.compile(r.orderNoPattern())));
  }

  /** Returns the order with the hub's merchant id, or throws with every rule it breaks. */
  public PaymentOrder validate(PaymentOrder order) {
    Dialect dialect = order.sourceDialect();
    FieldErrors errors = new FieldErrors(dialect);
    Optional<Merchant> merchant = merchants.resolve(dialect, order.merchantId());
    if (merchant.isEmpty()) {
      errors.add(
          DialectFields.merchant(dialect),
          RejectReason.UNKNOWN_MERCHANT,
          "merchant '" + order.merchantId() + "' is not registered with this hub");
    }
    Channel channel = order.channel();
    ChannelRules r = rules.get(channel);
    if (r == null || !r.enabled()) {
      errors.add(
          DialectFields.channel(dialect),
          RejectReason.CHANNEL_DISABLED,
          "channel '" + channel.id() + "' is not enabled on this hub");
    } else if (merchant.isPresent() && !merchant.get().channels().contains(channel)) {
      errors.add(
          DialectFields.channel(dialect),
          RejectReason.CHANNEL_DISABLED,
          "channel '"
              + channel.id()
              + "' is not enabled for merchant '"
              + merchant.get().id()
              + "'");
    }
    if (r != null) {
      checkAmount(order, r, errors);
      checkOrderNo(DialectFields.orderNo(dialect), order.merchantOrderNo(), channel, r, errors);
      checkOrderNo(DialectFields.refundNo(dialect), order.refundNo(), channel, r, errors);
    }
    checkNotifyUrl(order.notifyUrl(), dialect, errors);
    errors.throwIfAny();
    return order.withMerchantId(merchant.orElseThrow().id());
  }

  private static void checkAmount(PaymentOrder order, ChannelRules r, FieldErrors errors) {
    if (order.amount() == null) {
      return;
    }
    Dialect dialect = order.sourceDialect();
    if (!r.currencies().contains(order.amount().currency())) {
      errors.add(
          DialectFields.currency(dialect),
          RejectReason.UNSUPPORTED_CURRENCY,
          "currency "
              + order.amount().currency()
              + " is not supported by "
              + order.channel().id()
              + " (supported: "
              + r.currencies()
              + ")");
    } else if (order.amount().minor() < r.minAmountMinor()
        || order.amount().minor() > r.maxAmountMinor()) {
      errors.add(
          DialectFields.amount(dialect),
          RejectReason.AMOUNT_OUT_OF_RANGE,
          "amount "
              + order.amount().toMajorString()
              + " "
              + order.amount().currency()
              + " is outside "
              + order.channel().id()
              + "'s range of "
              + r.minAmountMinor()
              + ".."
              + r.maxAmountMinor()
              + " minor units");
    }
  }

  private void checkOrderNo(
      String field, String value, Channel channel, ChannelRules r, FieldErrors errors) {
    if (value != null && !orderNoPatterns.get(channel).matcher(value).matches()) {
      errors.add(
          field,
          RejectReason.INVALID_ORDER_NO,
          "'"
              + field
              + "' breaks "
              + channel.id()
              + "'s rule ("
              + r.orderNoRule()
              + "): '"
              + value
              + "'");
    }
  }

  private static void checkNotifyUrl(String url, Dialect dialect, FieldErrors errors) {
    if (url == null) {
      return;
    }
    String field = DialectFields.notifyUrl(dialect);
    try {
      URI uri = new URI(url);
      if (url.length() > 256
          || uri.getHost() == null
          || !("https".equalsIgnoreCase(uri.getScheme())
              || "http".equalsIgnoreCase(uri.getScheme()))) {
        errors.add(
            field,
            RejectReason.INVALID_FIELD,
            "'" + field + "' must be an absolute http(s) URL of at most 256 characters");
      }
    } catch (java.net.URISyntaxException e) {
      errors.add(
          field,
          RejectReason.INVALID_FIELD,
          "'" + field + "' is not a valid URL: " + e.getReason());
    }
  }
}
