package com.payhub.envelope;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import java.security.KeyStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the seal: its keystore is loaded (or generated for a sandbox) at start-up, or start-up
 * fails.
 */
@Configuration(proxyBeanMethods = false)
public class SealConfig {

  @Bean
  HubSeal payhubSeal(SealProperties properties, ObjectMapper json, MeterRegistry meters) {
    return new HubSeal(properties, SealKeyStore.load(properties), json, meters);
  }

  /** For {@code crypto:sign|verify:seal?keystore=#bean:payhubSealKeyStore}. */
  @Bean
  KeyStore payhubSealKeyStore(HubSeal seal) {
    return seal.keyStore();
  }
}
