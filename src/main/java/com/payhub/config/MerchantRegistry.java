package com.payhub.config;

import com.payhub.config.PayHubProperties.Merchant;
import com.payhub.model.Channel;
import com.payhub.model.Dialect;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The merchants configured under {@code payhub.merchants}, looked up by the id a dialect uses. */
@Component
public class MerchantRegistry {

  private final Map<String, Merchant> byHubId = new HashMap<>();
  private final Map<Channel, Map<String, Merchant>> byDialectId = new HashMap<>();

  public MerchantRegistry(PayHubProperties properties) {
    for (Merchant m : properties.merchants()) {
      if (byHubId.putIfAbsent(m.id(), m) != null) {
        throw new IllegalStateException(
            "payhub.merchants: merchant id '" + m.id() + "' is configured twice");
      }
      m.dialectIds()
          .forEach(
              (channel, id) -> {
                Merchant other =
                    byDialectId.computeIfAbsent(channel, c -> new HashMap<>()).putIfAbsent(id, m);
                if (other != null) {
                  throw new IllegalStateException(
                      "payhub.merchants: "
                          + channel.id()
                          + " id '"
                          + id
                          + "' belongs to both '"
                          + other.id()
                          + "' and '"
                          + m.id()
                          + "'");
                }
              });
    }
  }

  /**
   * Finds the merchant a dialect's id names: canonical inputs use the hub id; a channel dialect
   * uses that channel's own merchant id, or the hub id when the merchant has none configured.
   */
  public Optional<Merchant> resolve(Dialect dialect, String id) {
    if (id == null) {
      return Optional.empty();
    }
    if (dialect == Dialect.CANONICAL) {
      return Optional.ofNullable(byHubId.get(id));
    }
    Channel channel = Channel.valueOf(dialect.name());
    Merchant m = byDialectId.getOrDefault(channel, Map.of()).get(id);
    if (m != null) {
      return Optional.of(m);
    }
    // the hub id stands in only for a merchant that has no id of its own in this dialect
    return Optional.ofNullable(byHubId.get(id)).filter(h -> !h.dialectIds().containsKey(channel));
  }
}
