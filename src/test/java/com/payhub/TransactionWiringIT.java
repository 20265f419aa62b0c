package com.payhub;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.camel.Route;
import org.apache.camel.component.jms.JmsEndpoint;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.jms.connection.JmsTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The transactions are wired on purpose (README "What holds when something breaks"): every queue
 * consumer runs in a local JMS transaction of its own endpoint, and the only Spring transaction
 * manager is the ledger's JDBC one, which no route picks up by accident.
 */
class TransactionWiringIT extends HubTestSupport {

  @Autowired ApplicationContext context;

  @Test
  void queueConsumersUseTheirOwnJmsTransactionsAndTheLedgerTheJdbcOne() {
    assertThat(context.getBeansOfType(PlatformTransactionManager.class).values())
        .singleElement()
        .isInstanceOf(JdbcTransactionManager.class);

    List<Route> consumers =
        camelContext.getRoutes().stream()
            .filter(r -> r.getEndpoint() instanceof JmsEndpoint)
            .filter(r -> !r.getEndpoint().getEndpointUri().contains("topic"))
            .toList();
    assertThat(consumers)
        .extracting(Route::getRouteId)
        .contains("ingest-queue-canonical", "alipay-intake", "wechatpay-intake", "unionpay-intake");
    for (Route r : consumers) {
      JmsEndpoint jms = (JmsEndpoint) r.getEndpoint();
      assertThat(jms.isTransacted()).as(r.getRouteId()).isTrue();
      assertThat(jms.getConfiguration().getOrCreateTransactionManager())
          .as(r.getRouteId())
          .isInstanceOf(JmsTransactionManager.class);
    }
  }
}
