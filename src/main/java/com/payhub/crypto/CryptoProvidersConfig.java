package com.payhub.crypto;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Applies {@value CryptoProviders#PROPERTY} ({@code jdk} by default, or {@code accp}) at start-up;
 * see {@link CryptoProviders}.
 */
@Configuration(proxyBeanMethods = false)
public class CryptoProvidersConfig {

  /**
   * A static post-processor runs before any other bean is made, so none signs before the switch.
   */
  @Bean
  static BeanFactoryPostProcessor payhubCryptoProviders(Environment environment) {
    String choice = environment.getProperty(CryptoProviders.PROPERTY, CryptoProviders.JDK);
    return beanFactory -> CryptoProviders.use(choice);
  }
}
