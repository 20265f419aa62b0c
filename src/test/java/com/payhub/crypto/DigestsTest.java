package com.payhub.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Known answers: SHA-256 and SHA-1 "abc" from FIPS 180-4 (NIST CSRC example values), MD5 "abc" from
 * RFC 1321 appendix A.5, SM3 "abc" and the 512-bit "abcd"×16 message from GB/T 32905-2016 appendix
 * A (also GM/T 0004-2012).
 */
class DigestsTest {

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  @Test
  void sha256OfAbc() {
    assertThat(Digests.lowerHex(Digests.sha256(ascii("abc"))))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Test
  void sha1OfAbc() {
    assertThat(Digests.lowerHex(Digests.sha1(ascii("abc"))))
        .isEqualTo("a9993e364706816aba3e25717850c26c9cd0d89d");
  }

  @Test
  void md5OfAbc() {
    assertThat(Digests.lowerHex(Digests.md5(ascii("abc"))))
        .isEqualTo("900150983cd24fb0d6963f7d28e17f72");
  }

  @Test
  void sm3OfAbc() {
    assertThat(Digests.lowerHex(Digests.sm3(ascii("abc"))))
        .isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
  }

  @Test
  void sm3Of512BitMessage() {
    byte[] message = ascii("abcd".repeat(16));
    assertThat(message).hasSize(64);
    assertThat(Digests.lowerHex(Digests.sm3(message)))
        .isEqualTo("debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732");
  }

  @Test
  void hexCases() {
    byte[] b = {(byte) 0xAB, 0x01};
    assertThat(Digests.lowerHex(b)).isEqualTo("ab01");
    assertThat(Digests.upperHex(b)).isEqualTo("AB01");
  }

  @Test
  void constantTimeEquals() {
    assertThat(Digests.constantTimeEquals(ascii("abc"), ascii("abc"))).isTrue();
    assertThat(Digests.constantTimeEquals(ascii("abc"), ascii("abd"))).isFalse();
    assertThat(Digests.constantTimeEquals(ascii("abc"), ascii("ab"))).isFalse();
    assertThat(Digests.constantTimeEquals(ascii("abc"), new byte[0])).isFalse();
    assertThat(Digests.constantTimeEquals(null, ascii("abc"))).isFalse();
    assertThat(Digests.constantTimeEquals(ascii("abc"), null)).isFalse();
    assertThat(Digests.constantTimeEquals(null, null)).isFalse();
  }
}
