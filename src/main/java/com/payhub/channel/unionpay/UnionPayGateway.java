package com.payhub.channel.unionpay;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The UnionPay online gateway as the adapter uses it ({@code payhub.gateways.unionpay.*}, in {@code
 * channels/unionpay.yaml}).
 *
 * @param url the gateway's base URL; requests go to {@code <url>/gateway/api/backTransReq.do} and
 *     {@code <url>/gateway/api/queryTrans.do}
 * @param notifyUrl the hub's {@code /notify/unionpay} as UnionPay reaches it ({@code backUrl})
 * @param connectTimeout HTTP connect timeout
 * @param readTimeout HTTP response timeout
 * @param signCredential the hub's acp signing key and certificate (certId = its decimal serial)
 * @param trustCredential UnionPay's root ({@code root}) and middle ({@code middle}) certificates
 * @param encryptCredential UnionPay's encryption certificate ({@code acp_prod_enc.cer}), for accNo
 * @param channelType 07 (internet) or 08 (mobile), unless the order's attributes say otherwise
 */
@ConfigurationProperties("payhub.gateways.unionpay")
public record UnionPayGateway(
    String url,
    String notifyUrl,
    @DefaultValue("2s") Duration connectTimeout,
    @DefaultValue("10s") Duration readTimeout,
    @DefaultValue("unionpay-sign") String signCredential,
    @DefaultValue("unionpay-trust") String trustCredential,
    @DefaultValue("unionpay-encrypt") String encryptCredential,
    @DefaultValue("07") String channelType) {}
