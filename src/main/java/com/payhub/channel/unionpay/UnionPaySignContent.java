package com.payhub.channel.unionpay;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * The acp 5.1.0 string to sign, as the official SDK builds it: {@code SDKUtil.filterBlank} drops
 * null and blank values ({@link String#isBlank}, the same test as commons-lang3 {@code isNotBlank})
 * and {@link String#trim}s the rest; {@code coverMap2String} sorts keys in Java {@code String}
 * order and joins {@code k=v} with {@code &}, leaving out the key that trims to {@code signature}.
 * Values are neither encoded nor escaped, so {@code =} and {@code &} inside values appear as they
 * are. {@code certId} and {@code signPubKeyCert} are ordinary fields here, so they are signed.
 */
public final class UnionPaySignContent {

  static final String SIGNATURE = "signature";
  static final String SIGN_METHOD = "signMethod";
  static final String CERT_ID = "certId";
  static final String SIGN_PUB_KEY_CERT = "signPubKeyCert";
  static final String VERSION = "version";
  static final String ENCODING = "encoding";

  private UnionPaySignContent() {}

  /**
   * The string to sign for {@code fields}; the argument is not modified.
   *
   * @throws NullPointerException when a key is null
   */
  public static String of(Map<String, String> fields) {
    return join(filterBlank(fields));
  }

  /**
   * A new sorted map without null or blank values, the others trimmed (acp {@code filterBlank}).
   * Keys are kept as they are.
   */
  public static SortedMap<String, String> filterBlank(Map<String, String> fields) {
    SortedMap<String, String> kept = new TreeMap<>();
    fields.forEach(
        (key, value) -> {
          Objects.requireNonNull(key, "an acp field name must not be null");
          if (value != null && !value.isBlank()) {
            kept.put(key, value.trim());
          }
        });
    return kept;
  }

  /** Joins already filtered, sorted fields; {@code signature} is left out. */
  static String join(SortedMap<String, String> filtered) {
    StringJoiner joined = new StringJoiner("&");
    filtered.forEach(
        (key, value) -> {
          if (!SIGNATURE.equals(key.trim())) {
            joined.add(key + "=" + value);
          }
        });
    return joined.toString();
  }

  /**
   * The charset named by the {@code encoding} field (the acp SDK hashes in it); UTF-8 when absent.
   *
   * @throws IllegalArgumentException when the name is not a charset this JVM knows
   */
  static Charset charset(Map<String, String> fields) {
    String name = fields.get(ENCODING);
    if (name == null || name.isBlank()) {
      return StandardCharsets.UTF_8;
    }
    try {
      return Charset.forName(name.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("acp encoding '" + name.trim() + "' is not supported", e);
    }
  }
}
