package com.payhub.crypto.camel;

import com.payhub.crypto.Credential;
import com.payhub.crypto.KeyEntry;
import com.payhub.crypto.KeyRing;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.function.Predicate;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.Processor;
import org.apache.camel.Service;

/**
 * The plumbing shared by the channel processors that route files declare as beans: the {@code
 * keyRing} and {@code credential} properties, a check when the route starts (a missing property or
 * key stops the hub with a sentence naming it), and what the subclass builds from the credential
 * ({@code T}: a signer, a verifier), rebuilt only when the key ring hands out a reloaded
 * credential. Thread-safe once configured.
 *
 * @param <T> what {@link #prepare} makes from the credential
 */
public abstract class CredentialProcessorSupport<T> implements Processor, Service {

  /** Set to true by the verify processors once a message's signature verified. */
  public static final String VERIFIED_HEADER = "PayHubSignatureVerified";

  private KeyRing keyRing;
  private String credential;
  private volatile Prepared<T> prepared;

  private record Prepared<T>(Credential credential, T value) {}

  /** The key ring, in route files {@code "#bean:payhubKeyRing"}. */
  public void setKeyRing(KeyRing keyRing) {
    this.keyRing = keyRing;
  }

  public KeyRing getKeyRing() {
    return keyRing;
  }

  /** The id of the credential under {@code payhub.credentials}. */
  public void setCredential(String credential) {
    this.credential = credential;
  }

  public String getCredential() {
    return credential;
  }

  /** Builds what the operation needs from the credential; checks the other properties too. */
  protected abstract T prepare(Credential credential);

  /** The operation itself, with what {@link #prepare} built from the current credential. */
  protected abstract void process(Exchange exchange, T prepared) throws Exception;

  @Override
  public void process(Exchange exchange) throws Exception {
    process(exchange, prepared());
  }

  /** Checks the properties and the credential when the route starts. */
  @Override
  public void start() {
    prepared();
  }

  @Override
  public void stop() {
    // nothing to release: the key ring belongs to its owner
  }

  private T prepared() {
    require(keyRing, "keyRing", "\"#bean:payhubKeyRing\"");
    require(credential, "credential", "the id of a credential under payhub.credentials");
    Credential current = keyRing.credential(credential);
    Prepared<T> p = prepared;
    if (p == null || p.credential() != current) {
      p = new Prepared<>(current, prepare(current)); // a reload hands out a new instance
      prepared = p;
    }
    return p.value();
  }

  /**
   * @throws ProcessorPropertyException naming the bean property when the value is null or blank
   */
  protected final void require(Object value, String property, String expected) {
    if (value == null || value instanceof String text && text.isBlank()) {
      throw misconfigured("needs the bean property '" + property + "': " + expected);
    }
  }

  /** The first key of the credential that has what the operation needs. */
  protected final KeyEntry key(Credential credential, Predicate<KeyEntry> has, String what) {
    return credential.keys().stream()
        .filter(has)
        .findFirst()
        .orElseThrow(
            () -> misconfigured("needs " + what + " in credential '" + credential.id() + "'"));
  }

  /**
   * The body as bytes, put back as bytes so later steps (an HTTP producer, a second reader) see
   * exactly the bytes signed or verified; a stream can be read only once. Empty when there is none.
   */
  protected static byte[] bodyBytes(Exchange exchange) throws InvalidPayloadException {
    Object body = exchange.getMessage().getBody();
    if (body == null) {
      return new byte[0];
    }
    // a body already decoded to text (an HTTP consumer does that) is encoded back in the charset
    // it came in, UTF-8 unless the exchange says otherwise; never the JVM's default charset, which
    // is US-ASCII on a machine with LANG=C and JDK 17, and would break every signature over
    // non-ASCII text (WeChat Pay's notifications carry "summary":"支付成功")
    byte[] bytes =
        body instanceof String text
            ? text.getBytes(charsetOf(exchange))
            : exchange.getMessage().getMandatoryBody(byte[].class);
    exchange.getMessage().setBody(bytes);
    return bytes;
  }

  private static Charset charsetOf(Exchange exchange) {
    String name = exchange.getProperty(Exchange.CHARSET_NAME, String.class);
    return name == null ? StandardCharsets.UTF_8 : Charset.forName(name);
  }

  /** A configuration error, starting with the class name so the route file's bean is found. */
  protected final ProcessorPropertyException misconfigured(String sentence) {
    return new ProcessorPropertyException(getClass().getSimpleName() + " " + sentence);
  }
}
