package com.payhub.sandbox;

import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ClassPathBeanDefinitionScanner;

/**
 * The sandbox channels on their own, without the hub (no broker, no ledger, no Camel): {@code java
 * -jar payhub.jar sandbox [--server.port=8090] [--payhub.data-dir=./data]}. For load tests, where
 * the channels should not share the hub's threads. It reads and generates the same sandbox keys as
 * the hub (in {@code <data-dir>/keys/sandbox}), so point both at the same data folder and the hub's
 * {@code payhub.gateways.<channel>.url} at this port.
 */
// Deliberately without annotations: the hub's component scan (and @SpringBootTest's search for a
// configuration) must not find a second application here.
public final class SandboxApplication {

  /** The port the sandbox listens on unless {@code --server.port} says otherwise. */
  public static final int DEFAULT_PORT = 8090;

  private SandboxApplication() {}

  public static ConfigurableApplicationContext run(String... args) {
    return new SpringApplicationBuilder(
            PropertyPlaceholderAutoConfiguration.class,
            ConfigurationPropertiesAutoConfiguration.class,
            JacksonAutoConfiguration.class,
            HttpMessageConvertersAutoConfiguration.class,
            ServletWebServerFactoryAutoConfiguration.class,
            DispatcherServletAutoConfiguration.class,
            WebMvcAutoConfiguration.class)
        .initializers(
            context ->
                new ClassPathBeanDefinitionScanner((BeanDefinitionRegistry) context)
                    .scan(SandboxApplication.class.getPackageName()))
        .properties("server.port=" + DEFAULT_PORT, "spring.application.name=payhub-sandbox")
        .run(args);
  }
}
