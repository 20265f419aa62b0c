package com.payhub.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.payhub.Samples;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.Set;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.config.impl.SecurityConfiguration;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.activemq.artemis.spi.core.security.ActiveMQJAASSecurityManager;
import org.apache.activemq.artemis.spi.core.security.jaas.InVMLoginModule;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Deployed, the hub talks to an external broker configured through {@code spring.artemis.*} only:
 * here a separate Artemis server with security on, reached over TCP with a user and password.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
@DirtiesContext
class ExternalBrokerIT {

  private static final int PORT = freePort();
  private static final EmbeddedActiveMQ BROKER = startSecuredBroker();

  @LocalServerPort int port;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) throws IOException {
    registry.add("spring.artemis.mode", () -> "native");
    registry.add("spring.artemis.broker-url", () -> "tcp://127.0.0.1:" + PORT);
    registry.add("spring.artemis.user", () -> "payhub");
    registry.add("spring.artemis.password", () -> "s3cret-for-this-test");
    registry.add("spring.artemis.embedded.enabled", () -> "false");
    // this test reads the channel queue itself
    registry.add("payhub.adapters.auto-startup", () -> "false");
    registry.add("payhub.data-dir", Files.createTempDirectory("payhub-ext")::toString);
  }

  @AfterAll
  static void stopBroker() throws Exception {
    BROKER.stop();
  }

  @Test
  void dispatchesThroughTheExternalBroker() throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/payments"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(Samples.canonical("EXT00001", null)))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);

    try (ActiveMQConnectionFactory cf =
        new ActiveMQConnectionFactory(
            "tcp://127.0.0.1:" + PORT, "payhub", "s3cret-for-this-test")) {
      JmsTemplate jms = new JmsTemplate(cf);
      jms.setReceiveTimeout(15_000);
      Message m = jms.receive("payments.channel.alipay");
      assertThat(m).as("the order is on the external broker's channel queue").isNotNull();
      assertThat(((TextMessage) m).getText()).contains("\"merchantOrderNo\":\"EXT00001\"");
    }
  }

  private static EmbeddedActiveMQ startSecuredBroker() {
    try {
      SecurityConfiguration users = new SecurityConfiguration();
      users.addUser("payhub", "s3cret-for-this-test");
      users.addRole("payhub", "hub");
      Configuration config =
          new ConfigurationImpl()
              .setPersistenceEnabled(false)
              .setSecurityEnabled(true)
              .addAcceptorConfiguration("tcp", "tcp://127.0.0.1:" + PORT);
      config.putSecurityRoles(
          "#", Set.of(new Role("hub", true, true, true, true, true, true, true, true, true, true)));
      EmbeddedActiveMQ broker =
          new EmbeddedActiveMQ()
              .setConfiguration(config)
              .setSecurityManager(
                  new ActiveMQJAASSecurityManager(InVMLoginModule.class.getName(), users));
      broker.start();
      return broker;
    } catch (Exception e) {
      throw new IllegalStateException("could not start the test broker", e);
    }
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
