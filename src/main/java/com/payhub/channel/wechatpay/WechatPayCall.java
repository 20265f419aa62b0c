package com.payhub.channel.wechatpay;

import com.payhub.model.Money;
import com.payhub.model.Operation;

/**
 * What the adapter asked WeChat Pay, kept beside the exchange (property {@value #PROPERTY}) so that
 * the answer can be checked against the question: a response about another order, refund or amount
 * is not an answer to this call.
 *
 * @param operation what was asked
 * @param mchId the merchant account the request named
 * @param outTradeNo the merchant's order number
 * @param refundNo the merchant's refund number: REFUND, and a QUERY about a refund ({@link
 *     com.payhub.channel.RefundQuery})
 * @param expected the payment's amount for PAY and QUERY, the refund's for REFUND and a refund
 *     query; null when unknown
 */
public record WechatPayCall(
    Operation operation, String mchId, String outTradeNo, String refundNo, Money expected) {

  public static final String PROPERTY = "PayHubWechatPayCall";
}
