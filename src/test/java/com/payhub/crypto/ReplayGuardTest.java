package com.payhub.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ReplayGuardTest {

  private final AtomicReference<Instant> now =
      new AtomicReference<>(Instant.parse("2026-11-26T12:00:00Z"));
  private final Clock clock =
      new Clock() {
        @Override
        public ZoneOffset getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now.get();
        }
      };
  private final ReplayGuard guard = new ReplayGuard(Duration.ofMinutes(5), clock);

  @Test
  void aNonceIsAcceptedOnceWithinTheWindow() {
    assertThat(guard.firstSeen("n1")).isTrue();
    assertThat(guard.firstSeen("n1")).isFalse();
    now.set(now.get().plusSeconds(299));
    assertThat(guard.firstSeen("n1")).isFalse();
    assertThat(guard.firstSeen("n2")).isTrue();
  }

  @Test
  void afterTheWindowTheIdIsForgottenAndMemoryIsPurged() {
    IntStream.range(0, 1000).forEach(i -> guard.firstSeen("id-" + i));
    now.set(now.get().plus(Duration.ofMinutes(11)));
    assertThat(guard.firstSeen("id-1")).isTrue();
    assertThat(guard.size()).isEqualTo(1);
  }

  @Test
  void concurrentDuplicatesAreLetThroughExactlyOnce() {
    long accepted = IntStream.range(0, 64).parallel().filter(i -> guard.firstSeen("same")).count();
    assertThat(accepted).isEqualTo(1);
  }
}
