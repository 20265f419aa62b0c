package com.payhub.sandbox;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The sandbox channels ({@code payhub.sandbox.channels.*}): on by default so that a bare machine
 * pays end to end; the {@code production} profile turns them off.
 *
 * @param enabled serve {@code /sandbox/<channel>/...} and generate the channel keys on first start
 * @param notifyDelay how long after a payment the sandbox sends its notification
 * @param notifyIntervals the waits between resends while the hub does not acknowledge (the real
 *     channels wait minutes to hours; the sandbox compresses that)
 * @param slowDelay how long a SLOW answer takes (below the adapters' read timeout)
 * @param timeoutDelay how long a TIMEOUT answer takes (above the adapters' read timeout)
 * @param pendingQueries how many queries a PENDING_THEN_SUCCEED payment answers "pending" to
 */
@ConfigurationProperties("payhub.sandbox.channels")
public record SandboxProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("200ms") Duration notifyDelay,
    @DefaultValue({"1s", "2s", "5s", "10s", "30s"}) List<Duration> notifyIntervals,
    @DefaultValue("2s") Duration slowDelay,
    @DefaultValue("15s") Duration timeoutDelay,
    @DefaultValue("2") int pendingQueries) {}
