package com.payhub.channel.alipay;

import com.payhub.channel.alipay.AlipaySignatureException.Reason;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Finds the top-level members of a JSON object in the raw text and where each value starts and
 * ends, so a signature can be checked over the value's characters exactly as received (whitespace,
 * key order and escapes included). Only structure is checked here; the caller parses the document
 * with a real JSON parser too. A member name that appears twice is refused.
 */
final class AlipayRawJson {

  /** A value's characters: {@code text.substring(start, end)}. */
  record Span(int start, int end) {
    String of(String text) {
      return text.substring(start, end);
    }
  }

  private final String text;
  private int pos;

  private AlipayRawJson(String text) {
    this.text = text;
  }

  /** Member name (unescaped) to the span of its value, in document order. */
  static Map<String, Span> members(String text) {
    return new AlipayRawJson(text).object();
  }

  private Map<String, Span> object() {
    Map<String, Span> members = new LinkedHashMap<>();
    skipSpace();
    expect('{');
    skipSpace();
    if (peek() == '}') {
      pos++;
    } else {
      while (true) {
        skipSpace();
        String name = string();
        skipSpace();
        expect(':');
        skipSpace();
        int start = pos;
        value();
        if (members.put(name, new Span(start, pos)) != null) {
          throw malformed("the member '" + name + "' appears twice");
        }
        skipSpace();
        char c = next();
        if (c == '}') {
          break;
        }
        if (c != ',') {
          throw malformed("expected ',' or '}' at " + (pos - 1));
        }
      }
    }
    skipSpace();
    if (pos != text.length()) {
      throw malformed("text after the object at " + pos);
    }
    return members;
  }

  private void value() {
    char c = peek();
    if (c == '"') {
      string();
    } else if (c == '{' || c == '[') {
      container();
    } else {
      int start = pos;
      while (pos < text.length() && ",}] \t\r\n".indexOf(text.charAt(pos)) < 0) {
        pos++; // a number, true, false or null: the parser judges the spelling
      }
      if (pos == start) {
        throw malformed("expected a value at " + pos);
      }
    }
  }

  /** Skips a nested object or array; braces inside strings do not count. */
  private void container() {
    Deque<Character> open = new ArrayDeque<>();
    do {
      char c = peek();
      if (c == '"') {
        string();
        continue;
      }
      pos++;
      if (c == '{' || c == '[') {
        open.push(c == '{' ? '}' : ']');
      } else if ((c == '}' || c == ']') && open.pop() != c) {
        throw malformed("mismatched '" + c + "' at " + (pos - 1));
      }
    } while (!open.isEmpty());
  }

  /** Reads a string literal and returns it unescaped. */
  private String string() {
    expect('"');
    StringBuilder out = new StringBuilder();
    while (true) {
      char c = next();
      if (c == '"') {
        return out.toString();
      }
      if (c != '\\') {
        out.append(c);
        continue;
      }
      char e = next();
      switch (e) {
        case '"', '\\', '/' -> out.append(e);
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'u' -> out.append(unicodeEscape());
        default -> throw malformed("bad escape '\\" + e + "' at " + (pos - 2));
      }
    }
  }

  private char unicodeEscape() {
    if (pos + 4 > text.length()) {
      throw malformed("truncated \\u escape");
    }
    int v = 0;
    for (int k = 0; k < 4; k++) {
      int d = Character.digit(text.charAt(pos++), 16);
      if (d < 0) {
        throw malformed("bad \\u escape at " + (pos - 1));
      }
      v = v * 16 + d;
    }
    return (char) v;
  }

  private void skipSpace() {
    while (pos < text.length() && " \t\r\n".indexOf(text.charAt(pos)) >= 0) {
      pos++;
    }
  }

  private void expect(char c) {
    if (next() != c) {
      throw malformed("expected '" + c + "' at " + (pos - 1));
    }
  }

  private char peek() {
    if (pos >= text.length()) {
      throw malformed("the text ends too early");
    }
    return text.charAt(pos);
  }

  private char next() {
    char c = peek();
    pos++;
    return c;
  }

  private static AlipaySignatureException malformed(String why) {
    return new AlipaySignatureException(Reason.MALFORMED_RESPONSE, why);
  }
}
