package com.payhub.channel.alipay;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A synchronous gateway response whose signature verified.
 *
 * @param member the member that was signed: {@code <method with . as _>_response} or {@code
 *     error_response}
 * @param errorResponse true when Alipay answered with {@code error_response}: signed, yet a failure
 * @param body that member's value, parsed (an object; a string when the response is encrypted)
 */
public record AlipayVerifiedResponse(String member, boolean errorResponse, JsonNode body) {}
