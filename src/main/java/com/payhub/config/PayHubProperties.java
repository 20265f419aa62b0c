package com.payhub.config;

import com.payhub.model.Channel;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.validation.annotation.Validated;

/**
 * Everything under {@code payhub.*}. A missing or wrong value fails start-up with the property name
 * in the message.
 */
@Validated
@ConfigurationProperties("payhub")
public record PayHubProperties(
    @Valid @NotNull Queues queues,
    @Valid @NotNull Map<Channel, ChannelRules> channels,
    @Valid @NotNull List<Merchant> merchants,
    @Valid @NotNull RouteFiles routeFiles) {

  /** Artemis address names; routes read them as {@code {{payhub.queues.x}}}. */
  public record Queues(
      @NotBlank String inboundCanonical,
      @NotBlank String inboundAlipay,
      @NotBlank String inboundWechatpay,
      @NotBlank String inboundUnionpay,
      @NotBlank String channelAlipay,
      @NotBlank String channelWechatpay,
      @NotBlank String channelUnionpay,
      @NotBlank String results,
      @NotBlank String events,
      @NotBlank String rejected) {}

  /** What a channel accepts, checked before anything is dispatched to it. */
  public record ChannelRules(
      boolean enabled,
      @NotEmpty Set<String> currencies,
      @Positive long minAmountMinor,
      @Positive long maxAmountMinor,
      @NotBlank String orderNoPattern,
      @NotBlank String orderNoRule) {}

  /**
   * A merchant allowed to use the hub.
   *
   * @param id the hub's merchant id (canonical JSON uses it)
   * @param channels the channels enabled for it
   * @param dialectIds how each dialect names it (Alipay app_id, WeChat mchid, UnionPay merId)
   * @param signature whether its requests must be signed, and with which credential's keys
   */
  public record Merchant(
      @NotBlank String id,
      String name,
      @NotNull Set<Channel> channels,
      Map<Channel, String> dialectIds,
      @Valid SignaturePolicy signature) {

    @ConstructorBinding
    public Merchant {
      dialectIds = dialectIds == null ? Map.of() : Map.copyOf(dialectIds);
      boolean required = signature != null && signature.required();
      String credential = signature == null ? null : signature.credential();
      signature =
          new SignaturePolicy(
              required,
              credential == null || credential.isBlank()
                  ? "merchant-" + id.toLowerCase(java.util.Locale.ROOT)
                  : credential);
    }

    public Merchant(
        String id, String name, Set<Channel> channels, Map<Channel, String> dialectIds) {
      this(id, name, channels, dialectIds, null);
    }
  }

  /**
   * A merchant's signature policy. A signature that is present is always checked, and refused when
   * it does not verify; {@code required} also refuses unsigned requests.
   *
   * @param credential the key ring credential with the merchant's public keys or secure key ({@code
   *     payhub.credentials.<credential>}); defaults to {@code merchant-<id in lower case>}
   */
  public record SignaturePolicy(boolean required, String credential) {}

  /**
   * Where route files live (relative to the working directory) and which classes they may
   * instantiate by name ({@code #class:}, {@code beans[].type}).
   */
  public record RouteFiles(
      @NotBlank String routesDir,
      @NotBlank String adaptersDir,
      @NotNull List<String> allowedClassPrefixes,
      boolean checkOnStartup) {}
}
