package com.payhub.crypto;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import java.security.Provider;
import java.security.Security;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks who computes RSA signatures, from the property {@value #PROPERTY}: {@value #JDK} (the
 * default) keeps the JDK's providers; {@value #ACCP} puts the Amazon Corretto Crypto Provider
 * (native AWS-LC) first for {@code SHA256withRSA} and {@code SHA1withRSA}, signing and verifying,
 * after its self-tests pass. If ACCP cannot load or fails them, or the value is unknown, one WARN
 * is logged and the JDK's providers stay in use: signing never stops working because of this
 * switch.
 *
 * <p>Only those two signature algorithms move: key parsing, AES-GCM, digests, HMAC, RSA encryption
 * and random numbers keep their usual providers, so the switch changes exactly what {@link
 * JcaSigner#rsa} and {@link JcaVerifier#rsa} do (they ask JCA by algorithm, without a provider).
 * Each key is turned into ACCP's own key object once, then reused (see {@link
 * CryptoProvidersNativeRsa}). RSA PKCS#1 v1.5 is deterministic, so both choices give byte-identical
 * signatures. Measurements: {@code docs/benchmarks.md}.
 */
public final class CryptoProviders {

  /** The configuration property; {@link CryptoProvidersConfig} applies it at start-up. */
  public static final String PROPERTY = "payhub.crypto.native-provider";

  public static final String JDK = "jdk";
  public static final String ACCP = "accp";

  /** The name under which ACCP's RSA signatures are registered. */
  static final String RSA_PROVIDER_NAME = "PayHub-ACCP-RSA";

  private static final Logger LOG = LoggerFactory.getLogger(CryptoProviders.class);
  private static final List<String> ALGORITHMS =
      Arrays.stream(RsaHash.values()).map(RsaHash::algorithm).toList();

  private CryptoProviders() {}

  /**
   * Applies a choice (null or blank means {@value #JDK}); calling it again replaces the previous
   * one.
   *
   * @return what now computes RSA signatures: {@value #ACCP} or {@value #JDK}
   */
  public static String use(String choice) {
    return use(choice, CryptoProviders::healthyAccp);
  }

  /** What computes RSA signatures now: {@value #ACCP} or {@value #JDK}. */
  public static String active() {
    return Security.getProvider(RSA_PROVIDER_NAME) != null ? ACCP : JDK;
  }

  /** {@link #use(String)} with the native provider supplied, so tests can make it fail. */
  static synchronized String use(String choice, Supplier<Provider> nativeProvider) {
    String wanted =
        choice == null || choice.isBlank() ? JDK : choice.trim().toLowerCase(Locale.ROOT);
    Security.removeProvider(RSA_PROVIDER_NAME);
    if (wanted.equals(JDK)) {
      return JDK;
    }
    if (!wanted.equals(ACCP)) {
      LOG.warn(
          "{}='{}' is neither {} nor {}; RSA signatures stay on the JDK's providers",
          PROPERTY,
          choice,
          JDK,
          ACCP);
      return JDK;
    }
    try {
      Provider accp = nativeProvider.get();
      Security.insertProviderAt(
          new CryptoProvidersNativeRsa(RSA_PROVIDER_NAME, accp, ALGORITHMS), 1);
      LOG.info("RSA signatures {} use {} {}", ALGORITHMS, accp.getName(), accp.getVersionStr());
      return ACCP;
    } catch (RuntimeException | LinkageError e) {
      LOG.warn(
          "{}={} but the native provider is not usable here ({}); RSA signatures stay on the JDK's"
              + " providers",
          PROPERTY,
          ACCP,
          e.toString());
      return JDK;
    }
  }

  private static Provider healthyAccp() {
    AmazonCorrettoCryptoProvider accp = AmazonCorrettoCryptoProvider.INSTANCE;
    accp.assertHealthy(); // throws when the native library did not load or a self-test failed
    return accp;
  }
}
