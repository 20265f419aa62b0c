package com.payhub.normalize;

import com.payhub.model.Dialect;
import com.payhub.model.RejectReason;
import com.payhub.model.RejectedInputException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parses an {@code application/x-www-form-urlencoded} body, decoding each key and value exactly
 * once as UTF-8. A repeated key or a broken escape is a malformed message, not a guess.
 */
public final class FormBody {

  private FormBody() {}

  /** Returns the fields in arrival order (unmodifiable). */
  public static Map<String, String> parse(Dialect dialect, String body) {
    Map<String, String> fields = new LinkedHashMap<>();
    if (body == null || body.isBlank()) {
      throw RejectedInputException.of(
          dialect, RejectReason.MALFORMED_MESSAGE, "body", "the form body is empty");
    }
    for (String pair : body.strip().split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        throw RejectedInputException.of(
            dialect,
            RejectReason.MALFORMED_MESSAGE,
            "body",
            "the form body is not key=value pairs joined by '&' (near '" + abbreviate(pair) + "')");
      }
      String key;
      String value;
      try {
        key = decode(pair.substring(0, eq), StandardCharsets.UTF_8);
        value = decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        throw broken(dialect, pair);
      }
      if (fields.putIfAbsent(key, value) != null) {
        throw RejectedInputException.of(
            dialect,
            RejectReason.MALFORMED_MESSAGE,
            key,
            "the form field '" + key + "' appears more than once");
      }
    }
    if (fields.isEmpty()) {
      throw RejectedInputException.of(
          dialect, RejectReason.MALFORMED_MESSAGE, "body", "the form body has no fields");
    }
    return Collections.unmodifiableMap(fields);
  }

  /**
   * Decodes one form key or value exactly once in {@code charset}; refuses a broken escape or bytes
   * that are not that charset, rather than guess (the JDK's URLDecoder would put U+FFFD in).
   *
   * @throws IllegalArgumentException for a broken escape or undecodable bytes
   */
  public static String decode(String text, Charset charset) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '+') {
        bytes.write(' ');
      } else if (c != '%') {
        byte[] plain = String.valueOf(c).getBytes(charset);
        if (Character.isHighSurrogate(c) && i + 1 < text.length()) {
          plain = text.substring(i, i + 2).getBytes(charset);
          i++;
        }
        bytes.writeBytes(plain);
      } else {
        int hi = i + 2 < text.length() ? Character.digit(text.charAt(i + 1), 16) : -1;
        int lo = hi >= 0 ? Character.digit(text.charAt(i + 2), 16) : -1;
        if (lo < 0) {
          throw new IllegalArgumentException("broken %-escape");
        }
        bytes.write(hi * 16 + lo);
        i += 2;
      }
    }
    try {
      return charset
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("bytes that are not " + charset.name(), e);
    }
  }

  private static RejectedInputException broken(Dialect dialect, String text) {
    return RejectedInputException.of(
        dialect,
        RejectReason.MALFORMED_MESSAGE,
        "body",
        "the form body has a broken %-escape or bytes that are not UTF-8 near '"
            + abbreviate(text)
            + "'");
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "…";
  }
}
