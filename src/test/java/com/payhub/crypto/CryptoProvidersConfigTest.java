package com.payhub.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** {@value CryptoProviders#PROPERTY} is applied when the context starts. */
class CryptoProvidersConfigTest {

  private final ApplicationContextRunner context =
      new ApplicationContextRunner().withUserConfiguration(CryptoProvidersConfig.class);

  @AfterEach
  void restoreJdk() {
    CryptoProviders.use(CryptoProviders.JDK);
  }

  @Test
  void withoutThePropertyRsaStaysOnTheJdk() {
    CryptoProviders.use("accp"); // as a previous context may have left it
    context.run(c -> assertThat(CryptoProviders.active()).isEqualTo(CryptoProviders.JDK));
  }

  @Test
  void accpIsInstalledBeforeTheContextIsReady() {
    String expected =
        System.getProperty("os.name").startsWith("Linux")
                && System.getProperty("os.arch").matches("amd64|x86_64")
            ? CryptoProviders.ACCP
            : CryptoProviders.JDK; // elsewhere the fallback is the expected behaviour
    context
        .withPropertyValues(CryptoProviders.PROPERTY + "=accp")
        .run(c -> assertThat(CryptoProviders.active()).isEqualTo(expected));
  }
}
