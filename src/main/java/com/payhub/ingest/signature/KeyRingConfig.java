package com.payhub.ingest.signature;

import com.payhub.crypto.FileKeyRing;
import com.payhub.crypto.KeyConfig;
import com.payhub.crypto.KeyConfig.CredentialSpec;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The credentials under {@code payhub.credentials.<id>.keys[…]}: loaded at start-up (a missing or
 * wrong file stops it with the property and the path), re-read when their files change.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KeyRingConfig.Credentials.class)
public class KeyRingConfig {

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
      MeterRegistry meters) {
    List<CredentialSpec> specs =
        config.credentials().entrySet().stream()
            .map(e -> new CredentialSpec(e.getKey(), e.getValue().keys()))
            .toList();
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
