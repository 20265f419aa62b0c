package com.payhub.channel.wechatpay;

import static com.payhub.channel.wechatpay.WechatPayTestKeys.MERCHANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.payhub.channel.ChannelCallException;
import com.payhub.channel.ChannelOutcome;
import com.payhub.config.MerchantRegistry;
import com.payhub.config.PayHubProperties;
import com.payhub.crypto.JcaSigner;
import com.payhub.crypto.RsaHash;
import com.payhub.ingest.IngestService;
import com.payhub.ledger.JdbcLedger;
import com.payhub.ledger.Payment;
import com.payhub.model.Channel;
import com.payhub.model.Dialect;
import com.payhub.model.Money;
import com.payhub.model.Operation;
import com.payhub.model.PaymentOrder;
import com.payhub.model.PaymentStatus;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The refund query ({@code GET /v3/refund/domestic/refunds/{out_refund_no}}): the request a QUERY
 * order with a refund number becomes, signed like every other v3 GET (known answer: the exact
 * Authorization header, its signature recomputed with the plain JDK over WeChat's message), and
 * what each refund status means.
 */
class WechatPayRefundQueryTest {

  private static final String MCHID = "1900000001";
  private static final Clock CLOCK =
      Clock.fixed(Instant.ofEpochSecond(1554208460L), ZoneOffset.UTC);
  private static final String NONCE = "593BEC0C930BF1AFEB40B4A08C8FB242";
  private static final WechatPayCall CALL =
      new WechatPayCall(Operation.QUERY, MCHID, "ORDER_1", "RF|1", Money.ofMinor(2500, "CNY"));

  private final DefaultCamelContext camel = new DefaultCamelContext();
  private DriverManagerDataSource db;
  private JdbcLedger ledger;
  private WechatPayRequests requests;

  @BeforeEach
  void ledgerWithARefund() {
    db =
        new DriverManagerDataSource(
            "jdbc:h2:mem:wxq_"
                + UUID.randomUUID().toString().replace("-", "")
                + ";DB_CLOSE_DELAY=-1",
            "sa",
            "");
    Flyway.configure().dataSource(db).load().migrate();
    ledger = new JdbcLedger(db);
    Payment p = ledger.admit(order(Operation.PAY, 10_000, null, "P1"), "test").payment();
    ledger.transition(p.paymentId(), PaymentStatus.DISPATCHED, "test", null);
    ledger.transition(p.paymentId(), PaymentStatus.SUCCEEDED, "test", null);
    ledger.admit(order(Operation.REFUND, 2_500, "RF|1", "R1"), "test");
    requests =
        new WechatPayRequests(
            new WechatPayGatewayProperties(
                URI.create("https://api.mch.weixin.qq.com"),
                URI.create("https://hub.example/notify/wechatpay"),
                Duration.ofSeconds(2),
                Duration.ofSeconds(10),
                "wxd678efh567hg6787",
                "wechatpay-merchant",
                "wechatpay-platform"),
            new MerchantRegistry(
                new PayHubProperties(
                    null,
                    Map.of(),
                    List.of(
                        new PayHubProperties.Merchant(
                            "M1",
                            "shop",
                            Set.of(Channel.WECHATPAY),
                            Map.of(Channel.WECHATPAY, MCHID))),
                    null)),
            ledger,
            new ObjectMapper());
  }

  @AfterEach
  void drop() {
    new JdbcTemplate(db).execute("SHUTDOWN");
  }

  private static PaymentOrder order(Operation op, long minor, String refundNo, String id) {
    return new PaymentOrder(
        id,
        "M1",
        "ORDER_1",
        Channel.WECHATPAY,
        op,
        minor == 0 ? null : Money.ofMinor(minor, "CNY"),
        op == Operation.PAY ? "Tea" : null,
        refundNo,
        null,
        null,
        null,
        Dialect.CANONICAL,
        Instant.now());
  }

  private Exchange encode(PaymentOrder order) throws Exception {
    Exchange e = new DefaultExchange(camel);
    e.setProperty(IngestService.ORDER, order);
    requests.encode(e);
    return e;
  }

  @Test
  void aQueryWithARefundNumberIsTheSignedGetOfThatRefund() throws Exception {
    Exchange e = encode(order(Operation.QUERY, 0, "RF|1", "Q1"));

    assertThat(e.getMessage().getHeader(Exchange.HTTP_METHOD)).isEqualTo("GET");
    // the refund number is a path segment, encoded as the official SDK does ('|' is %7C); a
    // direct merchant's refund query has no mchid parameter
    assertThat(e.getMessage().getHeader(Exchange.HTTP_URI))
        .isEqualTo("https://api.mch.weixin.qq.com/v3/refund/domestic/refunds/RF%7C1");
    assertThat(e.getMessage().getBody()).isNull();
    assertThat(e.getMessage().getHeader(WechatPaySignProcessor.MCH_ID_HEADER)).isEqualTo(MCHID);
    assertThat(e.getProperty(WechatPayCall.PROPERTY)).as("the refund's amount").isEqualTo(CALL);

    String header =
        new WechatPayAuthorization(
                MCHID,
                MERCHANT.keyId(),
                JcaSigner.rsa(RsaHash.SHA256, MERCHANT.pair().getPrivate()),
                CLOCK,
                () -> NONCE)
            .header(
                "GET", URI.create(e.getMessage().getHeader(Exchange.HTTP_URI, String.class)), null);

    Signature jdk = Signature.getInstance("SHA256withRSA");
    jdk.initSign(MERCHANT.pair().getPrivate());
    jdk.update(
        ("GET\n/v3/refund/domestic/refunds/RF%7C1\n1554208460\n" + NONCE + "\n\n")
            .getBytes(StandardCharsets.UTF_8));
    assertThat(header)
        .isEqualTo(
            "WECHATPAY2-SHA256-RSA2048 mchid=\"1900000001\",nonce_str=\""
                + NONCE
                + "\",timestamp=\"1554208460\",serial_no=\"ABCDEF0123456789\",signature=\""
                + Base64.getEncoder().encodeToString(jdk.sign())
                + "\"");
  }

  @Test
  void aRefundTheLedgerDoesNotKnowIsStillAskedButWithoutAnAmountToHoldItTo() throws Exception {
    Exchange e = encode(order(Operation.QUERY, 0, "RF-OTHER", "Q2"));
    assertThat(e.getMessage().getHeader(Exchange.HTTP_URI, String.class))
        .endsWith("/v3/refund/domestic/refunds/RF-OTHER");
    assertThat(e.getProperty(WechatPayCall.PROPERTY, WechatPayCall.class).expected()).isNull();
  }

  @Test
  void aQueryWithoutARefundNumberStaysTheTransactionQuery() throws Exception {
    Exchange e = encode(order(Operation.QUERY, 0, null, "Q3"));
    assertThat(e.getMessage().getHeader(Exchange.HTTP_URI))
        .isEqualTo(
            "https://api.mch.weixin.qq.com/v3/pay/transactions/out-trade-no/ORDER_1?mchid="
                + MCHID);
  }

  @ParameterizedTest(name = "{0} {1} → {2} {3}")
  @CsvSource(
      delimiter = '|',
      value = {
        "200 | SUCCESS    | 2500 | SUCCEEDED    | SUCCESS",
        "200 | PROCESSING | 2500 | PENDING      | PROCESSING",
        "200 | CLOSED     | 2500 | FAILED       | CLOSED",
        "200 | ABNORMAL   | 2500 | FAILED       | ABNORMAL",
        // a status WeChat does not document, or none: nothing learnt
        "200 | REVIEWING  | 2500 |              | REVIEWING",
        "200 |            | 2500 |              | NO_REFUND_STATUS",
        // WeChat says it refunded another amount: never a success, a person looks
        "200 | SUCCESS    | 2400 | NEEDS_REVIEW | AMOUNT_MISMATCH",
      })
  void eachRefundStatusMapsPessimistically(
      int http, String status, long refunded, PaymentStatus expected, String code) {
    String body =
        "{\"refund_id\":\"50300000000000000000000000001\",\"out_refund_no\":\"RF|1\","
            + "\"out_trade_no\":\"ORDER_1\","
            + (status == null ? "" : "\"status\":\"" + status + "\",")
            + "\"amount\":{\"total\":10000,\"refund\":"
            + refunded
            + ",\"currency\":\"CNY\"}}";

    ChannelOutcome o = WechatPayAnswers.map(CALL, http, body.getBytes(StandardCharsets.UTF_8));

    assertThat(o.status()).isEqualTo(expected);
    assertThat(o.code()).isEqualTo(code);
    if (expected == PaymentStatus.SUCCEEDED) {
      assertThat(o.transactionId()).isEqualTo("50300000000000000000000000001");
    }
  }

  @Test
  void anErrorAnswerChangesNothing() {
    ChannelOutcome o =
        WechatPayAnswers.map(
            CALL,
            404,
            "{\"code\":\"RESOURCE_NOT_EXISTS\",\"message\":\"退款单不存在\"}"
                .getBytes(StandardCharsets.UTF_8));
    assertThat(o.status()).isNull();
    assertThat(o.code()).isEqualTo("RESOURCE_NOT_EXISTS");
  }

  @Test
  void anAnswerAboutAnotherRefundIsNoAnswer() {
    for (String status : new String[] {"SUCCESS", "REVIEWING"}) {
      byte[] body =
          ("{\"out_refund_no\":\"RF|2\",\"out_trade_no\":\"ORDER_1\",\"status\":\""
                  + status
                  + "\",\"amount\":{\"refund\":2500}}")
              .getBytes(StandardCharsets.UTF_8);
      assertThatThrownBy(() -> WechatPayAnswers.map(CALL, 200, body))
          .isInstanceOf(ChannelCallException.class)
          .hasMessageContaining("out_refund_no");
    }
  }
}
