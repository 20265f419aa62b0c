package com.payhub.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.payhub.config.PayHubProperties;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jms.core.JmsTemplate;

/**
 * Queue depths as a deployed hub reads them ({@code spring.artemis.mode=native}): from a separate
 * Artemis server with security on, over TCP, through its management address. A user with the {@code
 * manage} permission reads the counts; one without it gets a failed sample, counted, never thrown
 * at the caller of {@link QueueMeters#sample()}.
 */
class ManagementQueueCountsIT {

  private static final int PORT = freePort();
  private static EmbeddedActiveMQ broker;

  @BeforeAll
  static void startBroker() throws Exception {
    SecurityConfiguration users = new SecurityConfiguration();
    users.addUser("payhub", "manage-secret");
    users.addRole("payhub", "hub");
    users.addUser("sender", "send-secret");
    users.addRole("sender", "sender");
    Configuration config =
        new ConfigurationImpl()
            .setPersistenceEnabled(false)
            .setSecurityEnabled(true)
            .addAcceptorConfiguration("tcp", "tcp://127.0.0.1:" + PORT);
    // Role(name, send, consume, createDurableQueue, deleteDurableQueue, createNonDurableQueue,
    //      deleteNonDurableQueue, manage, browse, createAddress, deleteAddress)
    config.putSecurityRoles(
        "#",
        Set.of(
            new Role("hub", true, true, true, true, true, true, true, true, true, true),
            new Role("sender", true, true, true, true, true, true, false, true, true, true)));
    broker =
        new EmbeddedActiveMQ()
            .setConfiguration(config)
            .setSecurityManager(
                new ActiveMQJAASSecurityManager(InVMLoginModule.class.getName(), users));
    broker.start();
  }

  @AfterAll
  static void stopBroker() throws Exception {
    broker.stop();
  }

  @Test
  void aUserThatMayManageReadsTheDepthsOverTcp() throws Exception {
    try (ActiveMQConnectionFactory cf = factory("payhub", "manage-secret")) {
      JmsTemplate jms = new JmsTemplate(cf);
      for (int i = 0; i < 3; i++) {
        jms.convertAndSend("payments.channel.unionpay", "order " + i);
      }
      jms.convertAndSend("DLA::DLQ.payments.inbound.alipay", "dead");

      Map<String, Long> counts =
          new ManagementQueueCounts(cf, Duration.ofSeconds(5))
              .count(q -> q.startsWith("payments.") || q.startsWith("DLQ."));
      assertThat(counts)
          .containsEntry("payments.channel.unionpay", 3L)
          .containsEntry("DLQ.payments.inbound.alipay", 1L)
          .doesNotContainKey("payments.channel.alipay");

      SimpleMeterRegistry meters = new SimpleMeterRegistry();
      QueueMeters queueMeters =
          new QueueMeters(
              new ManagementQueueCounts(cf, Duration.ofSeconds(5)),
              meters,
              queues(),
              Duration.ofSeconds(15));
      queueMeters.sample();
      assertThat(queueMeters.depth("payments.channel.unionpay")).isEqualTo(3);
      assertThat(queueMeters.depth("DLQ.payments.inbound.alipay")).isEqualTo(1);
      assertThat(queueMeters.depth("payments.channel.alipay")).as("not created yet").isZero();
      assertThat(meters.find(HubMeters.QUEUE_DEPTH_FAILURES).counter().count()).isZero();
    }
  }

  @Test
  void aUserWithoutManageGetsFailedSamplesCountedNotThrown() throws Exception {
    try (ActiveMQConnectionFactory cf = factory("sender", "send-secret")) {
      ManagementQueueCounts counts = new ManagementQueueCounts(cf, Duration.ofSeconds(5));
      assertThatThrownBy(() -> counts.count(q -> true)).isInstanceOf(Exception.class);

      SimpleMeterRegistry meters = new SimpleMeterRegistry();
      QueueMeters queueMeters = new QueueMeters(counts, meters, queues(), Duration.ofSeconds(15));
      queueMeters.sample();
      assertThat(meters.find(HubMeters.QUEUE_DEPTH_FAILURES).counter().count()).isEqualTo(1);
      assertThat(queueMeters.depth("payments.channel.unionpay")).isNaN();
    }
  }

  private static ActiveMQConnectionFactory factory(String user, String password) {
    return new ActiveMQConnectionFactory("tcp://127.0.0.1:" + PORT, user, password);
  }

  private static PayHubProperties.Queues queues() {
    return new PayHubProperties.Queues(
        "payments.inbound.canonical",
        "payments.inbound.alipay",
        "payments.inbound.wechatpay",
        "payments.inbound.unionpay",
        "payments.channel.alipay",
        "payments.channel.wechatpay",
        "payments.channel.unionpay",
        "payments.results",
        "payments.events",
        "payments.rejected");
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
