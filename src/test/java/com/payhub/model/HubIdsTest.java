package com.payhub.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HubIdsTest {

  private static final Pattern FORMAT = Pattern.compile("P[0-9A-HJKMNP-TV-Z]{26}");
  private static final long MAX_48_BIT = (1L << 48) - 1;

  @Test
  void hasTheDocumentedFormat() {
    for (long millis :
        new long[] {0L, 1L, 1_700_000_000_000L, System.currentTimeMillis(), MAX_48_BIT}) {
      for (int i = 0; i < 200; i++) {
        assertThat(HubIds.next('P', millis)).matches(FORMAT).hasSize(27);
      }
    }
    assertThat(HubIds.payment()).matches(FORMAT);
  }

  @Test
  void timePartEncodesTheMillisecondsInCrockfordBase32() {
    assertThat(HubIds.next('P', 0L)).startsWith("P0000000000");
    assertThat(HubIds.next('P', 31L)).startsWith("P000000000Z");
    assertThat(HubIds.next('P', 32L)).startsWith("P0000000010");
    assertThat(HubIds.next('P', MAX_48_BIT)).startsWith("P7ZZZZZZZZZ");
  }

  @Test
  void idsFromIncreasingMillisSortInIncreasingOrder() {
    long[] millis = {
      0L,
      1L,
      2L,
      31L,
      32L,
      33L,
      1023L,
      1024L,
      1_699_999_999_999L,
      1_700_000_000_000L,
      1_700_000_000_001L,
      4_102_444_800_000L,
      MAX_48_BIT - 1,
      MAX_48_BIT
    };
    List<String> ids = new ArrayList<>();
    for (long m : millis) {
      ids.add(HubIds.next('P', m));
    }
    for (int i = 1; i < ids.size(); i++) {
      assertThat(ids.get(i).compareTo(ids.get(i - 1)))
          .as(
              "%s (%d ms) must sort after %s (%d ms)",
              ids.get(i), millis[i], ids.get(i - 1), millis[i - 1])
          .isPositive();
    }
  }

  @Test
  void consecutiveMillisecondsSortRegardlessOfRandomPart() {
    long base = 1_735_689_600_000L;
    for (int round = 0; round < 2_000; round++) {
      String earlier = HubIds.next('P', base + round);
      String later = HubIds.next('P', base + round + 1);
      assertThat(later).isGreaterThan(earlier);
    }
  }

  @Test
  void tenThousandIdsAreDistinct() {
    Set<String> sameMilli = new HashSet<>();
    Set<String> live = new HashSet<>();
    long fixed = 1_700_000_000_000L;
    for (int i = 0; i < 10_000; i++) {
      sameMilli.add(HubIds.next('P', fixed));
      live.add(HubIds.payment());
    }
    assertThat(sameMilli).hasSize(10_000);
    assertThat(live).hasSize(10_000);
  }
}
