package com.payhub.channel.wechatpay;

import com.payhub.channel.wechatpay.WechatPaySignatureException.Reason;
import com.payhub.crypto.Credential;
import com.payhub.crypto.JcaVerifier;
import com.payhub.crypto.KeyEntry;
import com.payhub.crypto.RsaHash;
import java.security.PublicKey;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks WeChat Pay v3 response and notification signatures: SHA256withRSA over {@code
 * TIMESTAMP\nNONCE\nBODY\n} with the raw body bytes, the key picked by {@code Wechatpay-Serial} (a
 * platform certificate serial or a {@code PUB_KEY_ID_…}). Unlike the official SDK's notification
 * parser it also refuses timestamps more than 5 minutes off the clock.
 */
public final class WechatPaySignatureVerifier {

  /** Largest accepted distance between {@code Wechatpay-Timestamp} and the clock, in seconds. */
  public static final long MAX_SKEW_SECONDS = 300;

  private static final Logger LOG = LoggerFactory.getLogger(WechatPaySignatureVerifier.class);
  private static final Pattern EPOCH_SECONDS = Pattern.compile("[0-9]{1,12}");

  private final Function<String, Optional<PublicKey>> keys;
  private final Clock clock;

  /**
   * @param keys finds the platform public key for a {@code Wechatpay-Serial} value
   */
  public WechatPaySignatureVerifier(Function<String, Optional<PublicKey>> keys, Clock clock) {
    this.keys = Objects.requireNonNull(keys, "keys");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Keys from a credential whose entries are named by serial or public key id. */
  public static WechatPaySignatureVerifier of(Credential platform, Clock clock) {
    return new WechatPaySignatureVerifier(serial -> publicKey(platform, serial), clock);
  }

  /**
   * Verifies, throwing on any doubt.
   *
   * @param headers the HTTP headers (names in any case)
   * @param rawBody the body exactly as received, never a re-serialised object
   * @return the {@code Wechatpay-Serial} that verified
   * @throws WechatPaySignatureException with the reason of the refusal
   */
  public String verify(Map<String, ?> headers, byte[] rawBody) {
    String timestamp = WechatPayHeaders.get(headers, WechatPayHeaders.TIMESTAMP);
    String nonce = WechatPayHeaders.get(headers, WechatPayHeaders.NONCE);
    String signature = WechatPayHeaders.get(headers, WechatPayHeaders.SIGNATURE);
    String serial = WechatPayHeaders.get(headers, WechatPayHeaders.SERIAL);
    if (timestamp == null || nonce == null || signature == null || serial == null) {
      throw reject(Reason.MISSING_HEADER, serial, "a Wechatpay-* signature header is missing");
    }
    checkFresh(timestamp, serial);
    PublicKey key =
        keys.apply(serial)
            .orElseThrow(() -> reject(Reason.UNKNOWN_SERIAL, serial, "no key for this serial"));
    byte[] signatureBytes;
    try {
      signatureBytes = Base64.getDecoder().decode(signature.trim());
    } catch (IllegalArgumentException e) {
      throw reject(Reason.SIGNATURE_INVALID, serial, "signature is not base64");
    }
    byte[] message =
        WechatPayMessages.response(timestamp, nonce, rawBody == null ? new byte[0] : rawBody);
    if (!JcaVerifier.rsa(RsaHash.SHA256, key).verify(message, signatureBytes)) {
      throw reject(Reason.SIGNATURE_INVALID, serial, "signature does not verify");
    }
    return serial;
  }

  /** The same check as a verdict: empty when accepted. */
  public Optional<Reason> check(Map<String, ?> headers, byte[] rawBody) {
    try {
      verify(headers, rawBody);
      return Optional.empty();
    } catch (WechatPaySignatureException e) {
      return Optional.of(e.reason());
    }
  }

  private void checkFresh(String timestamp, String serial) {
    if (!EPOCH_SECONDS.matcher(timestamp).matches()) {
      throw reject(Reason.STALE_TIMESTAMP, serial, "timestamp is not epoch seconds");
    }
    long skew = Math.abs(clock.instant().getEpochSecond() - Long.parseLong(timestamp));
    if (skew > MAX_SKEW_SECONDS) {
      throw reject(Reason.STALE_TIMESTAMP, serial, "timestamp is " + skew + " s off the clock");
    }
  }

  private static Optional<PublicKey> publicKey(Credential platform, String serial) {
    return platform.keys().stream()
        .filter(k -> WechatPaySerials.matches(k.keyId(), serial))
        .map(KeyEntry::publicKey)
        .filter(Objects::nonNull)
        .findFirst();
  }

  // the serial is public; the signature and the signed message are never logged
  private static WechatPaySignatureException reject(Reason reason, String serial, String detail) {
    LOG.debug("WeChat Pay signature refused: {} (serial {}): {}", reason, serial, detail);
    return new WechatPaySignatureException(reason, detail + " (serial " + serial + ")");
  }
}
