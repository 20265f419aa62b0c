package com.payhub.sandbox;

import com.payhub.crypto.SandboxKeys;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The pieces every sandbox channel shares: the folder its generated keys live in ({@code
 * <data-dir>/keys/sandbox}, git-ignored, never used against a real channel) and the notifier.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SandboxProperties.class)
public class SandboxConfig {

  /** The property that turns the sandbox channels on (the default) or off. */
  public static final String ENABLED = "payhub.sandbox.channels.enabled";

  @Bean
  SandboxKeys payhubSandboxKeys(@Value("${payhub.data-dir}") Path dataDir) {
    return new SandboxKeys(dataDir.resolve("keys").resolve("sandbox"));
  }

  @Bean
  @ConditionalOnProperty(name = ENABLED, havingValue = "true", matchIfMissing = true)
  SandboxChaos sandboxChaos(
      SandboxProperties properties,
      @Value("${payhub.sandbox.channels.failure-rate:0}") double failureRate) {
    return new SandboxChaos(properties, failureRate);
  }

  @Bean
  @ConditionalOnProperty(name = ENABLED, havingValue = "true", matchIfMissing = true)
  FilterRegistrationBean<SandboxChaos> sandboxChaosFilter(SandboxChaos chaos) {
    FilterRegistrationBean<SandboxChaos> registration = new FilterRegistrationBean<>(chaos);
    registration.addUrlPatterns("/sandbox/*");
    return registration;
  }

  @Bean(destroyMethod = "close")
  @ConditionalOnProperty(name = ENABLED, havingValue = "true", matchIfMissing = true)
  SandboxNotifier sandboxNotifier(SandboxProperties properties) {
    return new SandboxNotifier(properties);
  }
}
