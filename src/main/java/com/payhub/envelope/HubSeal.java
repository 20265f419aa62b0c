package com.payhub.envelope;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.payhub.envelope.SealRejectedException.Reason;
import com.payhub.ingest.IngestService;
import com.payhub.model.Channel;
import com.payhub.model.PaymentOrder;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.crypto.DigitalSignatureConstants;

/**
 * The hub seal as route steps ({@code bean: payhubSeal}). Ingest: {@link #prepare} encrypts the
 * sensitive attributes and names the signing key, {@code crypto:sign} signs the body, {@link
 * #sealed} moves the signature into a text header. Adapters: {@link #check} makes sure there is a
 * seal by a key the hub knows, {@code crypto:verify} checks it, {@link #open} decrypts. A message
 * that fails anywhere is refused with {@link SealRejectedException} and counted.
 */
public final class HubSeal {

  /** The signature, base64 text, as it travels on the queue. */
  public static final String SEAL = "PayHubSeal";

  /** The alias of the key that made the seal (rotation: older aliases still verify). */
  public static final String SEAL_KEY_ID = "PayHubSealKeyId";

  private final SealProperties properties;
  private final KeyStore keyStore;
  private final char[] password;
  private final SensitiveFields fields;
  private final ObjectMapper json;
  private final MeterRegistry meters;

  public HubSeal(
      SealProperties properties,
      SealKeyStore.Loaded keys,
      ObjectMapper json,
      MeterRegistry meters) {
    this.properties = properties;
    this.keyStore = keys.keyStore();
    this.password = keys.password();
    this.fields = new SensitiveFields(properties.sensitiveAttributes());
    this.json = json;
    this.meters = meters;
  }

  public KeyStore keyStore() {
    return keyStore;
  }

  /**
   * Ingest, before {@code crypto:sign}: the body becomes the order with sensitive fields encrypted.
   */
  public void prepare(Exchange exchange) throws JsonProcessingException {
    PaymentOrder order = exchange.getProperty(IngestService.ORDER, PaymentOrder.class);
    PaymentOrder sealed =
        fields.encrypt(order, properties.fieldKeyId(), secret(properties.fieldKeyId()));
    Message m = exchange.getMessage();
    m.setBody(json.writeValueAsString(sealed));
    m.setHeader(DigitalSignatureConstants.KEYSTORE_ALIAS, properties.signingKeyId());
    m.setHeader(DigitalSignatureConstants.KEYSTORE_PASSWORD, password);
    m.setHeader(SEAL_KEY_ID, properties.signingKeyId());
  }

  /** Ingest, after {@code crypto:sign}: no key material stays on the exchange. */
  public void sealed(Exchange exchange) {
    Message m = exchange.getMessage();
    m.removeHeader(DigitalSignatureConstants.KEYSTORE_PASSWORD);
    m.removeHeader(DigitalSignatureConstants.KEYSTORE_ALIAS);
    Object signature = m.getHeader(SEAL);
    if (signature instanceof byte[] bytes) {
      m.setHeader(SEAL, new String(bytes, StandardCharsets.US_ASCII));
    }
  }

  /** Adapter, before {@code crypto:verify}: a seal must be there, by a key the hub holds. */
  public void check(Exchange exchange) {
    Message m = exchange.getMessage();
    String seal = m.getHeader(SEAL, String.class);
    String keyId = m.getHeader(SEAL_KEY_ID, String.class);
    if (seal == null || seal.isBlank() || keyId == null || keyId.isBlank()) {
      throw new SealRejectedException(Reason.UNSEALED, "the message carries no hub seal");
    }
    if (certificate(keyId) == null) {
      throw new SealRejectedException(
          Reason.UNKNOWN_KEY, "the seal names a key this hub does not hold");
    }
    m.setHeader(DigitalSignatureConstants.KEYSTORE_ALIAS, keyId);
    m.setHeader(SEAL, seal.getBytes(StandardCharsets.US_ASCII));
  }

  /**
   * Adapter, after {@code crypto:verify}: the order, decrypted, in body and property; its channel
   * must be the adapter's.
   */
  public void open(Exchange exchange, String channel) throws JsonProcessingException {
    Message m = exchange.getMessage();
    m.removeHeader(DigitalSignatureConstants.KEYSTORE_ALIAS);
    PaymentOrder order = json.readValue(m.getBody(String.class), PaymentOrder.class);
    if (order.channel() != Channel.fromId(channel)) {
      throw new SealRejectedException(
          Reason.WRONG_CHANNEL,
          "a " + order.channel().id() + " order on the " + channel + " queue");
    }
    PaymentOrder clear = fields.decrypt(order, this::secretOrNull);
    exchange.setProperty(IngestService.ORDER, clear);
    m.setBody(json.writeValueAsString(clear));
  }

  /** Counts a refused channel message; the reason comes from the exception that refused it. */
  public void count(Exchange exchange, String channel) {
    Exception e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
    Reason reason = e instanceof SealRejectedException s ? s.reason() : Reason.SIGNATURE_INVALID;
    Counter.builder("payhub.seal.rejected")
        .description("messages on channel queues refused because the hub seal did not open")
        .tag("channel", channel)
        .tag("reason", reason.name())
        .register(meters)
        .increment();
    Message m = exchange.getMessage();
    m.setHeader("PayHubRejectCode", "SEAL_" + reason.name());
    m.setHeader(
        "PayHubRejectReason",
        e == null
            ? "seal check failed"
            : reason == Reason.SIGNATURE_INVALID
                ? "the hub seal does not verify: the message was changed or not sealed by this hub"
                : e.getMessage());
    m.setHeader("PayHubSourceDialect", "channel:" + channel);
    m.removeHeader(DigitalSignatureConstants.KEYSTORE_ALIAS);
  }

  private Certificate certificate(String alias) {
    try {
      return keyStore.isKeyEntry(alias) || keyStore.isCertificateEntry(alias)
          ? keyStore.getCertificate(alias)
          : null;
    } catch (GeneralSecurityException e) {
      return null;
    }
  }

  private byte[] secret(String alias) {
    byte[] key = secretOrNull(alias);
    if (key == null) {
      throw new IllegalStateException(
          "payhub.seal.field-key-id: no secret key '" + alias + "' in the keystore");
    }
    return key;
  }

  private byte[] secretOrNull(String alias) {
    try {
      return keyStore.getEntry(alias, new KeyStore.PasswordProtection(password))
              instanceof KeyStore.SecretKeyEntry s
          ? s.getSecretKey().getEncoded()
          : null;
    } catch (GeneralSecurityException e) {
      return null;
    }
  }
}
