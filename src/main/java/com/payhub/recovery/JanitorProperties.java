package com.payhub.recovery;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The janitor for payments and refunds without a final answer ({@code payhub.janitor.*}); both
 * follow the same schedule, each with its own claimed checks.
 *
 * @param enabled run the sweep (every replica may: each check is claimed once in the ledger)
 * @param interval how often to sweep
 * @param staleAfter how long a payment or refund may sit in RECEIVED, DISPATCHED or PENDING before
 *     the first check
 * @param checkIntervals the waits after each query before the next one; after the last, the payment
 *     (refund) becomes NEEDS_REVIEW
 * @param batchSize at most this many payments, and this many refunds, per sweep
 */
@ConfigurationProperties("payhub.janitor")
public record JanitorProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("10s") Duration interval,
    @DefaultValue("2m") Duration staleAfter,
    @DefaultValue({"1m", "5m", "15m", "1h", "6h"}) List<Duration> checkIntervals,
    @DefaultValue("100") int batchSize) {}
