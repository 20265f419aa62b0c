package com.payhub.channel.alipay;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The Alipay OpenAPI gateway as the adapter sees it ({@code payhub.gateways.alipay.*}, in {@code
 * channels/alipay.yaml}); a missing value stops start-up with the property's name.
 *
 * @param url the OpenAPI gateway ({@code …/gateway.do}): one URL for every method
 * @param notifyUrl where Alipay sends its async notifications (the hub's {@code /notify/alipay})
 * @param appCredential the key ring credential holding the app's private key (signs requests)
 * @param platformCredential the key ring credential holding Alipay's public key (verifies answers)
 * @param signType RSA2 (SHA256withRSA) unless the app was set up otherwise
 * @param notifyMaxAge a notification whose {@code notify_time} is older than this is refused:
 *     Alipay resends for about 25 hours, so the 5-minute window of the other channels would refuse
 *     every resend after an outage
 */
@Validated
@ConfigurationProperties("payhub.gateways.alipay")
public record AlipayGatewayProperties(
    @NotBlank String url,
    @NotBlank String notifyUrl,
    @NotNull Duration connectTimeout,
    @NotNull Duration readTimeout,
    @DefaultValue("alipay-app") @NotBlank String appCredential,
    @DefaultValue("alipay-platform") @NotBlank String platformCredential,
    @DefaultValue("RSA2") @NotBlank String signType,
    @DefaultValue("26h") @NotNull Duration notifyMaxAge) {}
