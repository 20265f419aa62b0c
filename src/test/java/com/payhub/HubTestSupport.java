package com.payhub;

import com.payhub.crypto.SandboxKeys;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole hub as it runs from the README's command: embedded persistent Artemis (in a fresh
 * folder), the YAML routes from {@code routes/}, real HTTP over loopback.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
@AutoConfigureObservability // the Prometheus endpoint is part of what the hub serves
public abstract class HubTestSupport {

  protected static final Path DATA_DIR = tempDir();
  protected static final int BROKER_PORT = freePort();

  /** Merchant keys made for this run: the hub gets the certificates, tests sign with the keys. */
  protected static final SandboxKeys.SandboxFiles SHOP_KEYS =
      new SandboxKeys(DATA_DIR.resolve("merchant-keys")).ensure("m100001");

  protected static final SandboxKeys.SandboxFiles MUST_SIGN_KEYS =
      new SandboxKeys(DATA_DIR.resolve("merchant-keys")).ensure("m400004");

  @DynamicPropertySource
  static void hubProperties(DynamicPropertyRegistry registry) {
    registry.add("payhub.data-dir", DATA_DIR::toString);
    registry.add("payhub.broker.tcp-acceptor", () -> "tcp://127.0.0.1:" + BROKER_PORT);
    registry.add(
        "payhub.credentials[merchant-m100001].keys[0].certificate",
        () -> SHOP_KEYS.certificate().toString());
    registry.add(
        "payhub.credentials[merchant-m400004].keys[0].certificate",
        () -> MUST_SIGN_KEYS.certificate().toString());
  }

  @LocalServerPort protected int port;
  @Autowired protected ConnectionFactory connectionFactory;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  protected HttpResponse<String> post(String path, String contentType, String body) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(20))
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    try {
      return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  protected HttpResponse<String> get(String path) {
    try {
      return http.send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
              .timeout(Duration.ofSeconds(20))
              .GET()
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  protected JmsTemplate jms() {
    JmsTemplate t = new JmsTemplate(connectionFactory);
    t.setReceiveTimeout(15_000);
    return t;
  }

  /** Sends a text message with the given string properties (JMSCorrelationID is set as such). */
  protected void send(String queue, String body, Map<String, String> properties) {
    jms()
        .send(
            queue,
            session -> {
              TextMessage m = session.createTextMessage(body);
              for (var e : properties.entrySet()) {
                if (e.getKey().equals("JMSCorrelationID")) {
                  m.setJMSCorrelationID(e.getValue());
                } else {
                  m.setStringProperty(e.getKey(), e.getValue());
                }
              }
              return m;
            });
  }

  /** Waits (up to 15 s) for the message matching the selector; fails if none comes. */
  protected Message receive(String queue, String selector) {
    Message m = jms().receiveSelected(queue, selector);
    if (m == null) {
      throw new AssertionError("no message on " + queue + " matching " + selector + " within 15 s");
    }
    return m;
  }

  protected static String text(Message m) {
    try {
      return ((TextMessage) m).getText();
    } catch (JMSException e) {
      throw new IllegalStateException(e);
    }
  }

  protected static String property(Message m, String name) {
    try {
      return m.getStringProperty(name);
    } catch (JMSException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("payhub-it");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
