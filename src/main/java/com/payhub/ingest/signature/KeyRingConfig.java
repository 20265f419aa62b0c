package com.payhub.ingest.signature;

import com.payhub.crypto.FileKeyRing;
import com.payhub.crypto.KeyConfig;
import com.payhub.crypto.KeyConfig.CredentialSpec;
import com.payhub.crypto.SandboxKeys;
import com.payhub.sandbox.SandboxCredentialSource;
import com.payhub.sandbox.SandboxProperties;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The credentials under {@code payhub.credentials.<id>.keys[…]}: loaded at start-up (a missing or
 * wrong file stops it with the property and the path), re-read when their files change. A sandbox
 * also gets generated keys for the credentials in {@code payhub.sandbox.merchant-keys} that are not
 * configured, in {@code <data-dir>/keys/sandbox}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KeyRingConfig.Credentials.class)
public class KeyRingConfig {

  private static final Logger LOG = LoggerFactory.getLogger(KeyRingConfig.class);

  /** Credential id → its keys; the first key of each is the current one. */
  @ConfigurationProperties("payhub")
  public record Credentials(Map<String, Keys> credentials) {

    public Credentials {
      credentials = credentials == null ? Map.of() : Map.copyOf(credentials);
    }
  }

  /** The keys of one credential. */
  public record Keys(List<KeyConfig.KeySpec> keys) {}

  @Bean(destroyMethod = "close")
  FileKeyRing payhubKeyRing(
      Credentials config,
      @Value("${payhub.keys.reload-interval:30s}") Duration reloadInterval,
      @Value("${payhub.sandbox.merchant-keys:}") List<String> sandboxCredentials,
      SandboxKeys sandbox,
      SandboxProperties sandboxChannels,
      ObjectProvider<SandboxCredentialSource> sandboxChannelKeys,
      MeterRegistry meters) {
    List<CredentialSpec> specs =
        new ArrayList<>(
            config.credentials().entrySet().stream()
                .map(e -> new CredentialSpec(e.getKey(), e.getValue().keys()))
                .toList());
    for (String id : sandboxCredentials) {
      if (id.isBlank() || config.credentials().containsKey(id)) {
        continue; // configured keys win over sandbox ones
      }
      // the hub holds only the certificate; the private key is for whoever plays the merchant
      SandboxKeys.SandboxFiles files = sandbox.ensure(id);
      specs.add(
          new CredentialSpec(
              id, List.of(KeyConfig.KeySpec.certificate(null, files.certificate()))));
      LOG.info("Sandbox credential {}: sign requests with {}", id, files.privateKey());
    }
    if (sandboxChannels.enabled()) {
      // the sandbox channels' keys: the hub's channel keys and the channels' public keys
      sandboxChannelKeys
          .orderedStream()
          .flatMap(source -> source.hubCredentials(sandbox).stream())
          .filter(spec -> !config.credentials().containsKey(spec.id()))
          .forEach(specs::add);
    }
    FileKeyRing ring = new FileKeyRing(specs, "payhub.credentials");
    FunctionCounter.builder("payhub.keys.reload.failures", ring, FileKeyRing::reloadFailures)
        .description("key file changes that could not be loaded (the old keys stay in use)")
        .register(meters);
    if (!reloadInterval.isZero()) {
      ring.start(reloadInterval);
    }
    return ring;
  }
}
