package com.payhub.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Known answers from RFC 4231 section 4 (test cases 1-4), then the verifier's edge cases. */
class HmacSha256Test {

  private static final HexFormat HEX = HexFormat.of();

  @ParameterizedTest(name = "RFC 4231 test case {0}")
  @CsvSource({
    // case, key (hex), data (hex), HMAC-SHA-256
    "1, 0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b, 4869205468657265,"
        + " b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7",
    "2, 4a656665, 7768617420646f2079612077616e7420666f72206e6f7468696e673f,"
        + " 5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
    "3, aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa,"
        + " dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd,"
        + " 773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe",
    "4, 0102030405060708090a0b0c0d0e0f10111213141516171819,"
        + " cdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcd,"
        + " 82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"
  })
  void rfc4231(int testCase, String key, String data, String mac) {
    HmacSha256 hmac = new HmacSha256(HEX.parseHex(key));
    assertThat(HEX.formatHex(hmac.sign(HEX.parseHex(data)))).isEqualTo(mac);
    assertThat(hmac.verify(HEX.parseHex(data), HEX.parseHex(mac))).isTrue();
  }

  @Test
  void verifyRejectsWrongTruncatedEmptyAndNullSignatures() {
    HmacSha256 hmac = new HmacSha256("Jefe".getBytes(StandardCharsets.US_ASCII));
    byte[] data = "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII);
    byte[] good = hmac.sign(data);

    byte[] flipped = good.clone();
    flipped[31] ^= 1;
    assertThat(hmac.verify(data, flipped)).isFalse();
    // RFC 4231 test case 5 style truncation is not accepted: the full MAC is required
    assertThat(hmac.verify(data, Arrays.copyOf(good, 16))).isFalse();
    assertThat(hmac.verify(data, Arrays.copyOf(good, 33))).isFalse();
    assertThat(hmac.verify(data, new byte[0])).isFalse();
    assertThat(hmac.verify(data, null)).isFalse();
    assertThat(hmac.verify("other".getBytes(StandardCharsets.US_ASCII), good)).isFalse();
    assertThat(hmac.verify(data, good)).isTrue();
    assertThat(hmac.algorithm()).isEqualTo("HmacSHA256");
  }

  @Test
  void theKeyIsCopiedNotShared() {
    byte[] key = "Jefe".getBytes(StandardCharsets.US_ASCII);
    HmacSha256 hmac = new HmacSha256(key);
    byte[] before = hmac.sign(new byte[] {1});
    Arrays.fill(key, (byte) 0);
    assertThat(hmac.sign(new byte[] {1})).isEqualTo(before);
  }

  @Test
  void refusesAnEmptyKey() {
    assertThatThrownBy(() -> new HmacSha256(new byte[0]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new HmacSha256(null)).isInstanceOf(IllegalArgumentException.class);
  }
}
