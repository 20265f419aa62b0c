package com.payhub.sandbox;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A flaky network in front of the sandbox channels, for fault tests and load tests: a share of the
 * requests ({@code payhub.sandbox.channels.failure-rate}, 0 by default) fails. Half of those are
 * answered 503 before the channel sees them (nothing happened); the other half reach the channel
 * only after {@code timeout-delay}, when the hub has given up waiting (it happened, the answer was
 * lost: the notification or a query must tell).
 */
public class SandboxChaos extends OncePerRequestFilter {

  private final SandboxProperties properties;
  private volatile double failureRate;

  public SandboxChaos(
      SandboxProperties properties,
      @Value("${payhub.sandbox.channels.failure-rate:0}") double failureRate) {
    this.properties = properties;
    this.failureRate = failureRate;
  }

  /** Changes the share of failing requests at run time (tests, load runs). */
  public void setFailureRate(double rate) {
    if (rate < 0 || rate > 1) {
      throw new IllegalArgumentException("a failure rate is between 0 and 1, not " + rate);
    }
    this.failureRate = rate;
  }

  /** The sandbox's own call counts are not a channel: they answer even while the channels fail. */
  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return SandboxCallsController.PATH.equals(request.getRequestURI());
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    double roll = failureRate == 0 ? 1 : ThreadLocalRandom.current().nextDouble();
    if (roll < failureRate / 2) {
      response.sendError(503, "sandbox chaos: unavailable");
      return;
    }
    if (roll < failureRate) {
      try {
        Thread.sleep(properties.timeoutDelay().toMillis()); // a simulator waiting, not a test
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    chain.doFilter(request, response);
  }
}
