package com.payhub.channel.unionpay;

import com.payhub.channel.ChannelOutcome;
import com.payhub.channel.ChannelOutcomes;
import com.payhub.channel.RefundQuery;
import com.payhub.config.MerchantRegistry;
import com.payhub.config.PayHubProperties.Merchant;
import com.payhub.crypto.KeyEntry;
import com.payhub.crypto.KeyRing;
import com.payhub.ingest.IngestService;
import com.payhub.ledger.Ledger;
import com.payhub.ledger.Payment;
import com.payhub.ledger.PaymentView;
import com.payhub.ledger.Refund;
import com.payhub.ledger.UnknownPaymentException;
import com.payhub.model.Channel;
import com.payhub.model.Dialect;
import com.payhub.model.Money;
import com.payhub.model.PaymentOrder;
import com.payhub.model.PaymentStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import org.apache.camel.Exchange;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Step 8 of the UnionPay adapter ({@code bean: unionpayRequests}): the acp 5.1.0 fields for the
 * opened order, unsigned, as the body (a Map), with the API to call in property {@value #API}. When
 * the hub can tell without asking UnionPay that the request must not go out (a PAY without a card
 * number, a CLOSE of a payment that already succeeded, a REFUND of a payment UnionPay never named),
 * it sets {@code PayHubOutcome} instead and the route skips the call.
 */
@Component("unionpayRequests")
public class UnionPayRequests {

  /** Exchange property: {@code backTransReq.do} or {@code queryTrans.do}. */
  public static final String API = "PayHubUnionPayApi";

  /** Exchange property: the request's merId and orderId, which the response must repeat. */
  public static final String SENT = "PayHubUnionPaySent";

  static final String BACK = "backTransReq.do";
  static final String QUERY = "queryTrans.do";

  private final Ledger ledger;
  private final MerchantRegistry merchants;
  private final KeyRing keyRing;
  private final UnionPayGateway gateway;

  public UnionPayRequests(
      Ledger ledger,
      MerchantRegistry merchants,
      @Qualifier("payhubKeyRing") KeyRing keyRing,
      UnionPayGateway gateway) {
    this.ledger = ledger;
    this.merchants = merchants;
    this.keyRing = keyRing;
    this.gateway = gateway;
  }

  public void build(Exchange exchange) {
    PaymentOrder order = exchange.getProperty(IngestService.ORDER, PaymentOrder.class);
    String merId =
        merchants
            .resolve(Dialect.CANONICAL, order.merchantId())
            .map(Merchant::dialectIds)
            .map(ids -> ids.get(Channel.UNIONPAY))
            .orElse(null);
    if (merId == null) {
      skip(
          exchange,
          ChannelOutcome.failed("NO_MERCHANT_ACCOUNT", "the merchant has no UnionPay merId"));
      return;
    }
    Map<String, String> f = common(merId);
    switch (order.operation()) {
      case PAY -> pay(exchange, order, f);
      case QUERY -> query(exchange, order, f);
      case REFUND -> refund(exchange, order, f);
      case CLOSE -> close(exchange, order, f);
    }
  }

  /** Body in: the signed fields; body out: the URL-encoded form UnionPay expects (UTF-8). */
  @SuppressWarnings("unchecked")
  public void form(Exchange exchange) {
    Map<String, String> signed = exchange.getMessage().getBody(Map.class);
    StringJoiner form = new StringJoiner("&");
    signed.forEach(
        (k, v) ->
            form.add(
                URLEncoder.encode(k, StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(v, StandardCharsets.UTF_8)));
    exchange.getMessage().setBody(form.toString());
  }

  private void pay(Exchange exchange, PaymentOrder order, Map<String, String> f) {
    String accNo = order.attributes().get("accNo");
    if (accNo == null || accNo.isBlank()) {
      // a back-end consume needs the card: nothing was sent, so nothing can have been charged
      skip(exchange, ChannelOutcome.failed("ACCNO_REQUIRED", "a back-end consume needs accNo"));
      return;
    }
    Payment payment = payment(order.paymentId());
    UnionPaySensitiveFields cipher = UnionPaySensitiveFields.encryptingFor(encryptionCertificate());
    f.put("txnType", "01");
    f.put("txnSubType", "01");
    f.put("bizType", "000201");
    f.put("channelType", channelType(order));
    f.put("orderId", order.merchantOrderNo());
    // the payment's own time, so a query (and a redelivered order) names the same transaction
    f.put("txnTime", UnionPayTime.format(payment.createdAt()));
    f.put("txnAmt", Long.toString(order.amount().minor()));
    f.put("currencyCode", numeric(order.amount()));
    f.put("backUrl", gateway.notifyUrl());
    f.put("accNo", cipher.encrypt(accNo.trim()));
    f.put("encryptCertId", cipher.encryptCertId());
    call(exchange, BACK, f);
  }

  private void query(Exchange exchange, PaymentOrder order, Map<String, String> f) {
    PaymentView view = byOrder(order);
    String orderId = view.payment().merchantOrderNo();
    Instant txnTime = view.payment().createdAt();
    if (RefundQuery.is(order)) {
      // a refund is a transaction of its own: its orderId (the refund number) and txnTime
      Refund refund = RefundQuery.refund(view, order).orElse(null);
      if (refund == null) {
        skip(
            exchange,
            ChannelOutcome.unchanged("UNKNOWN_REFUND", "the payment has no such refund number"));
        return;
      }
      orderId = refund.refundNo();
      txnTime = refund.createdAt();
    }
    f.put("txnType", "00");
    f.put("txnSubType", "00");
    f.put("bizType", "000000");
    f.put("orderId", orderId);
    f.put("txnTime", UnionPayTime.format(txnTime));
    call(exchange, QUERY, f);
  }

  private void refund(Exchange exchange, PaymentOrder order, Map<String, String> f) {
    Refund refund =
        ledger
            .findRefund(order.paymentId())
            .orElseThrow(() -> new UnknownPaymentException("refundId=" + order.paymentId()));
    Payment payment = payment(refund.paymentId());
    String origQryId =
        payment.channelTransactionId() != null
            ? payment.channelTransactionId()
            : order.channelTransactionId();
    if (origQryId == null) {
      skip(
          exchange,
          ChannelOutcome.failed(
              "ORIG_QRY_ID_UNKNOWN", "UnionPay never named the payment's queryId"));
      return;
    }
    f.put("txnType", "04");
    f.put("txnSubType", "00");
    f.put("bizType", "000201");
    f.put("channelType", channelType(order));
    f.put("orderId", refund.refundNo());
    f.put("txnTime", UnionPayTime.format(refund.createdAt()));
    f.put("txnAmt", Long.toString(refund.amount().minor()));
    f.put("currencyCode", numeric(refund.amount()));
    f.put("origQryId", origQryId);
    f.put("backUrl", gateway.notifyUrl());
    // echoed in the notification, whose orderId is the refund number: names the payment
    f.put("reqReserved", payment.merchantOrderNo());
    call(exchange, BACK, f);
  }

  private void close(Exchange exchange, PaymentOrder order, Map<String, String> f) {
    Payment payment = byOrder(order).payment();
    if (payment.status() == PaymentStatus.SUCCEEDED
        || payment.status() == PaymentStatus.REFUNDED
        || payment.status() == PaymentStatus.FAILED
        || payment.status() == PaymentStatus.CLOSED) {
      // a cancellation would move money the ledger could not show (SUCCEEDED never becomes
      // CLOSED): a paid payment is given back by a REFUND
      skip(
          exchange, ChannelOutcome.unchanged("NOT_CLOSABLE", "the payment is " + payment.status()));
      return;
    }
    if (payment.channelTransactionId() == null) {
      skip(
          exchange,
          ChannelOutcome.unchanged(
              "ORIG_QRY_ID_UNKNOWN", "UnionPay never named the payment's queryId"));
      return;
    }
    f.put("txnType", "31");
    f.put("txnSubType", "00");
    f.put("bizType", "000201");
    f.put("channelType", channelType(order));
    // the cancellation is a transaction of its own: its own order number and time
    f.put("orderId", order.refundNo() != null ? order.refundNo() : "C" + order.paymentId());
    f.put(
        "txnTime",
        UnionPayTime.format(order.createdAt() != null ? order.createdAt() : Instant.now()));
    f.put("txnAmt", Long.toString(payment.amount().minor()));
    f.put("currencyCode", numeric(payment.amount()));
    f.put("origQryId", payment.channelTransactionId());
    f.put("backUrl", gateway.notifyUrl());
    f.put("reqReserved", payment.merchantOrderNo());
    call(exchange, BACK, f);
  }

  private Map<String, String> common(String merId) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("version", UnionPaySigner.ACP_VERSION);
    f.put("encoding", "UTF-8");
    f.put("signMethod", UnionPaySignMethod.RSA.code());
    f.put("accessType", "0");
    f.put("merId", merId);
    return f;
  }

  private void call(Exchange exchange, String api, Map<String, String> fields) {
    exchange.setProperty(API, api);
    // camel-http takes its timeouts in milliseconds
    exchange.setProperty("PayHubUnionPayConnectMs", gateway.connectTimeout().toMillis());
    exchange.setProperty("PayHubUnionPayReadMs", gateway.readTimeout().toMillis());
    exchange.setProperty(
        SENT, Map.of("merId", fields.get("merId"), "orderId", fields.get("orderId")));
    exchange.getMessage().setBody(fields);
  }

  private static void skip(Exchange exchange, ChannelOutcome outcome) {
    exchange.setProperty(ChannelOutcomes.OUTCOME, outcome);
  }

  private String channelType(PaymentOrder order) {
    String requested = order.attributes().get("channelType");
    return "07".equals(requested) || "08".equals(requested) ? requested : gateway.channelType();
  }

  /** Read per message, so a rotated encryption certificate takes effect on the next order. */
  private X509Certificate encryptionCertificate() {
    return keyRing.credential(gateway.encryptCredential()).keys().stream()
        .map(KeyEntry::certificate)
        .filter(java.util.Objects::nonNull)
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "credential '"
                        + gateway.encryptCredential()
                        + "' holds no UnionPay encryption certificate"));
  }

  private Payment payment(String paymentId) {
    return ledger
        .find(paymentId)
        .map(PaymentView::payment)
        .orElseThrow(() -> new UnknownPaymentException("paymentId=" + paymentId));
  }

  private PaymentView byOrder(PaymentOrder order) {
    return ledger
        .findByMerchantOrder(order.merchantId(), order.merchantOrderNo())
        .orElseThrow(
            () -> new UnknownPaymentException(order.merchantId() + "/" + order.merchantOrderNo()));
  }

  private static String numeric(Money amount) {
    return String.format("%03d", Currency.getInstance(amount.currency()).getNumericCode());
  }
}
