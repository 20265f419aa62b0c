package com.payhub.channel.alipay;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Optional;

/**
 * The {@code charset} parameter: blank means UTF-8 (as in the SDK); GBK etc. by their Java name.
 */
final class AlipayCharsets {

  private AlipayCharsets() {}

  /** Empty when the name is not a charset this JVM knows. */
  static Optional<Charset> resolve(String name) {
    if (AlipaySignContent.isEmpty(name)) {
      return Optional.of(StandardCharsets.UTF_8);
    }
    try {
      return Optional.of(Charset.forName(name));
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      return Optional.empty();
    }
  }

  /** For signing: the charset named by the request, refusing an unknown one. */
  static Charset require(String name) {
    return resolve(name)
        .orElseThrow(() -> new IllegalArgumentException("unknown charset '" + name + "'"));
  }

  /**
   * Encodes text we are about to sign. Unlike the SDK (which lets {@code getBytes} put '?' for a
   * character the charset cannot hold), refuses: a signed '?' is not what the merchant meant.
   */
  static byte[] encodeStrict(String text, Charset charset) {
    try {
      ByteBuffer b =
          charset
              .newEncoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .encode(CharBuffer.wrap(text));
      byte[] out = new byte[b.remaining()];
      b.get(out);
      return out;
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException(
          "the parameters hold a character that " + charset.name() + " cannot encode", e);
    }
  }
}
