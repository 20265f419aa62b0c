package com.payhub.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import com.payhub.config.MerchantRegistry;
import com.payhub.config.PayHubProperties;
import com.payhub.config.PayHubProperties.ChannelRules;
import com.payhub.config.PayHubProperties.Merchant;
import com.payhub.model.Channel;
import com.payhub.model.Dialect;
import com.payhub.model.Money;
import com.payhub.model.Operation;
import com.payhub.model.PaymentOrder;
import com.payhub.model.RejectReason;
import com.payhub.model.RejectedInputException;
import com.payhub.model.Rejection;
import com.payhub.model.Rejection.FieldError;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class OrderValidatorTest {

  private static final long MAX = 10_000_000_000L;

  // ---- configuration as in application.yaml ----

  private static ChannelRules alipayRules(boolean enabled) {
    return new ChannelRules(
        enabled,
        Set.of("CNY"),
        1,
        MAX,
        "[A-Za-z0-9_]{1,64}",
        "1-64 letters, digits or underscores");
  }

  private static ChannelRules wechatRules() {
    return new ChannelRules(
        true, Set.of("CNY"), 1, MAX, "[A-Za-z0-9_|*-]{6,32}", "6-32 letters, digits or _-|*");
  }

  private static ChannelRules unionpayRules() {
    return new ChannelRules(
        true, Set.of("CNY"), 1, MAX, "[A-Za-z0-9]{8,40}", "8-40 letters or digits");
  }

  private static Map<Channel, ChannelRules> yamlChannels(boolean alipayEnabled) {
    Map<Channel, ChannelRules> m = new EnumMap<>(Channel.class);
    m.put(Channel.ALIPAY, alipayRules(alipayEnabled));
    m.put(Channel.WECHATPAY, wechatRules());
    m.put(Channel.UNIONPAY, unionpayRules());
    return m;
  }

  /** The sandbox merchant from application.yaml: every channel, an own id in every dialect. */
  static final Merchant DEMO =
      new Merchant(
          "M100001",
          "PayHub demo shop",
          Set.of(Channel.ALIPAY, Channel.WECHATPAY, Channel.UNIONPAY),
          Map.of(
              Channel.ALIPAY,
              "2021000000000001",
              Channel.WECHATPAY,
              "1900000001",
              Channel.UNIONPAY,
              "777290058110048"));

  /** Alipay and WeChat Pay only; an own id at Alipay but none at WeChat Pay. */
  static final Merchant PARTIAL =
      new Merchant(
          "M200002",
          "Partial shop",
          Set.of(Channel.ALIPAY, Channel.WECHATPAY),
          Map.of(Channel.ALIPAY, "2021000000000002"));

  /** UnionPay only, no dialect ids at all. */
  static final Merchant UNION_ONLY =
      new Merchant("M300003", "Union shop", Set.of(Channel.UNIONPAY), null);

  private static PayHubProperties properties(
      Map<Channel, ChannelRules> channels, List<Merchant> merchants) {
    return new PayHubProperties(
        new PayHubProperties.Queues(
            "payments.inbound.canonical",
            "payments.inbound.alipay",
            "payments.inbound.wechatpay",
            "payments.inbound.unionpay",
            "payments.channel.alipay",
            "payments.channel.wechatpay",
            "payments.channel.unionpay",
            "payments.results",
            "payments.events",
            "payments.rejected"),
        channels,
        merchants,
        new PayHubProperties.RouteFiles(
            "routes", "channel-adapters", List.of("com.payhub."), true));
  }

  private static OrderValidator validator(Map<Channel, ChannelRules> channels) {
    PayHubProperties p = properties(channels, List.of(DEMO, PARTIAL, UNION_ONLY));
    return new OrderValidator(new MerchantRegistry(p), p);
  }

  private final OrderValidator validator = validator(yamlChannels(true));

  // ---- orders ----

  private static PaymentOrder order(
      Dialect dialect,
      String merchantId,
      Channel channel,
      Money amount,
      String orderNo,
      String refundNo,
      String notifyUrl) {
    Operation op =
        refundNo != null ? Operation.REFUND : amount == null ? Operation.QUERY : Operation.PAY;
    return new PaymentOrder(
        null,
        merchantId,
        orderNo,
        channel,
        op,
        amount,
        op == Operation.PAY ? "subject" : null,
        refundNo,
        null,
        notifyUrl,
        Map.of("k", "v"),
        dialect,
        null);
  }

  private static PaymentOrder pay(Dialect dialect, String merchantId, Channel channel) {
    return order(
        dialect, merchantId, channel, Money.ofMinor(10000, "CNY"), "ORDER2024000001", null, null);
  }

  private static PaymentOrder payAmount(Channel channel, long minor, String currency) {
    return order(
        Dialect.CANONICAL,
        "M100001",
        channel,
        Money.ofMinor(minor, currency),
        "ORDER2024000001",
        null,
        null);
  }

  private static PaymentOrder payOrderNo(Dialect dialect, Channel channel, String orderNo) {
    return order(dialect, "M100001", channel, Money.ofMinor(100, "CNY"), orderNo, null, null);
  }

  private static Rejection reject(OrderValidator v, PaymentOrder order) {
    RejectedInputException e =
        catchThrowableOfType(RejectedInputException.class, () -> v.validate(order));
    assertThat(e).as("expected a rejection for %s", order).isNotNull();
    assertThat(e.rejection().dialect()).isEqualTo(order.sourceDialect());
    return e.rejection();
  }

  private Rejection reject(PaymentOrder order) {
    return reject(validator, order);
  }

  private static void assertSingle(Rejection r, String field, RejectReason reason) {
    assertThat(r.errors())
        .extracting(FieldError::field, FieldError::reason)
        .containsExactly(tuple(field, reason));
    assertThat(r.reason()).isEqualTo(reason);
  }

  // ---- merchant resolution ----

  @Test
  void canonicalUsesTheHubIdAndKeepsEverythingElse() {
    PaymentOrder in =
        order(
            Dialect.CANONICAL,
            "M100001",
            Channel.ALIPAY,
            Money.ofMinor(10000, "CNY"),
            "ORDER_1",
            null,
            "https://shop.example/notify");
    PaymentOrder out = validator.validate(in);
    assertThat(out.merchantId()).isEqualTo("M100001");
    assertThat(out).usingRecursiveComparison().isEqualTo(in);
  }

  @ParameterizedTest
  @CsvSource({
    "ALIPAY,ALIPAY,2021000000000001",
    "WECHATPAY,WECHATPAY,1900000001",
    "UNIONPAY,UNIONPAY,777290058110048"
  })
  void dialectIdResolvesToTheHubMerchant(Dialect dialect, Channel channel, String dialectId) {
    PaymentOrder out = validator.validate(pay(dialect, dialectId, channel));
    assertThat(out.merchantId()).isEqualTo("M100001");
    assertThat(out.sourceDialect()).isEqualTo(dialect);
    assertThat(out.merchantOrderNo()).isEqualTo("ORDER2024000001");
    assertThat(out.amount()).isEqualTo(Money.ofMinor(10000, "CNY"));
  }

  @Test
  void secondMerchantsAlipayIdResolvesToIt() {
    assertThat(
            validator
                .validate(pay(Dialect.ALIPAY, "2021000000000002", Channel.ALIPAY))
                .merchantId())
        .isEqualTo("M200002");
  }

  @ParameterizedTest
  @CsvSource({"ALIPAY,ALIPAY,app_id", "WECHATPAY,WECHATPAY,mchid", "UNIONPAY,UNIONPAY,merId"})
  void hubIdIsRefusedInADialectWhereTheMerchantHasItsOwnId(
      Dialect dialect, Channel channel, String field) {
    assertSingle(reject(pay(dialect, "M100001", channel)), field, RejectReason.UNKNOWN_MERCHANT);
  }

  @Test
  void hubIdIsAcceptedInADialectWhereTheMerchantHasNoIdOfItsOwn() {
    assertThat(
            validator.validate(pay(Dialect.WECHATPAY, "M200002", Channel.WECHATPAY)).merchantId())
        .isEqualTo("M200002");
    assertThat(validator.validate(pay(Dialect.UNIONPAY, "M300003", Channel.UNIONPAY)).merchantId())
        .isEqualTo("M300003");
    // but not at Alipay, where M200002 has an app_id of its own
    assertSingle(
        reject(pay(Dialect.ALIPAY, "M200002", Channel.ALIPAY)),
        "app_id",
        RejectReason.UNKNOWN_MERCHANT);
  }

  @Test
  void dialectIdIsNotAHubIdForCanonicalInput() {
    assertSingle(
        reject(pay(Dialect.CANONICAL, "2021000000000001", Channel.ALIPAY)),
        "merchantId",
        RejectReason.UNKNOWN_MERCHANT);
  }

  @Test
  void dialectIdOfAnotherChannelIsNotAccepted() {
    // M100001's WeChat mchid sent as an Alipay app_id
    assertSingle(
        reject(pay(Dialect.ALIPAY, "1900000001", Channel.ALIPAY)),
        "app_id",
        RejectReason.UNKNOWN_MERCHANT);
  }

  @ParameterizedTest
  @CsvSource({
    "CANONICAL,ALIPAY,merchantId",
    "ALIPAY,ALIPAY,app_id",
    "WECHATPAY,WECHATPAY,mchid",
    "UNIONPAY,UNIONPAY,merId"
  })
  void unknownMerchantIsRefusedWithTheDialectsFieldName(
      Dialect dialect, Channel channel, String field) {
    Rejection r = reject(pay(dialect, "NOPE999", channel));
    assertSingle(r, field, RejectReason.UNKNOWN_MERCHANT);
    assertThat(r.message()).contains("NOPE999");
    assertThat(r.reason().httpStatus()).isEqualTo(403);
  }

  @Test
  void nullMerchantIdIsUnknown() {
    assertSingle(
        reject(pay(Dialect.CANONICAL, null, Channel.ALIPAY)),
        "merchantId",
        RejectReason.UNKNOWN_MERCHANT);
  }

  // ---- channel enablement ----

  @Test
  void channelNotEnabledForTheMerchantIsRefused() {
    Rejection r = reject(pay(Dialect.CANONICAL, "M200002", Channel.UNIONPAY));
    assertSingle(r, "channel", RejectReason.CHANNEL_DISABLED);
    assertThat(r.message()).contains("M200002").contains("unionpay");
    assertSingle(
        reject(pay(Dialect.CANONICAL, "M300003", Channel.ALIPAY)),
        "channel",
        RejectReason.CHANNEL_DISABLED);
    assertSingle(
        reject(pay(Dialect.WECHATPAY, "M300003", Channel.WECHATPAY)),
        "mchid",
        RejectReason.CHANNEL_DISABLED);
  }

  @Test
  void channelDisabledOnTheHubIsRefusedForEveryMerchant() {
    OrderValidator v = validator(yamlChannels(false));
    Rejection r = reject(v, pay(Dialect.CANONICAL, "M100001", Channel.ALIPAY));
    assertSingle(r, "channel", RejectReason.CHANNEL_DISABLED);
    assertThat(r.message()).contains("not enabled on this hub");
    assertSingle(
        reject(v, pay(Dialect.ALIPAY, "2021000000000001", Channel.ALIPAY)),
        "app_id",
        RejectReason.CHANNEL_DISABLED);
    // the other channels still work
    assertThat(v.validate(pay(Dialect.CANONICAL, "M100001", Channel.WECHATPAY)).merchantId())
        .isEqualTo("M100001");
  }

  @Test
  void channelWithoutRulesIsRefused() {
    Map<Channel, ChannelRules> channels = yamlChannels(true);
    channels.remove(Channel.UNIONPAY);
    assertSingle(
        reject(validator(channels), pay(Dialect.CANONICAL, "M100001", Channel.UNIONPAY)),
        "channel",
        RejectReason.CHANNEL_DISABLED);
  }

  // ---- currency and amount ----

  @ParameterizedTest
  @CsvSource({
    "CANONICAL,ALIPAY,M100001,amount.currency",
    "ALIPAY,ALIPAY,2021000000000001,trans_currency",
    "WECHATPAY,WECHATPAY,1900000001,amount.currency",
    "UNIONPAY,UNIONPAY,777290058110048,currencyCode"
  })
  void currencyTheChannelDoesNotTakeIsRefused(
      Dialect dialect, Channel channel, String merchant, String field) {
    Rejection r =
        reject(
            order(
                dialect,
                merchant,
                channel,
                Money.ofMinor(100, "USD"),
                "ORDER2024000001",
                null,
                null));
    assertSingle(r, field, RejectReason.UNSUPPORTED_CURRENCY);
    assertThat(r.message()).contains("USD");
  }

  @ParameterizedTest
  @EnumSource(Channel.class)
  void amountsAtTheBoundsAreAccepted(Channel channel) {
    assertThat(validator.validate(payAmount(channel, 1, "CNY")).amount().minor()).isEqualTo(1L);
    assertThat(validator.validate(payAmount(channel, MAX, "CNY")).amount().minor()).isEqualTo(MAX);
  }

  @ParameterizedTest
  @EnumSource(Channel.class)
  void amountsJustOutsideTheBoundsAreRefused(Channel channel) {
    assertSingle(
        reject(payAmount(channel, 0, "CNY")), "amount.minor", RejectReason.AMOUNT_OUT_OF_RANGE);
    assertSingle(
        reject(payAmount(channel, MAX + 1, "CNY")),
        "amount.minor",
        RejectReason.AMOUNT_OUT_OF_RANGE);
    assertSingle(
        reject(payAmount(channel, Long.MAX_VALUE, "CNY")),
        "amount.minor",
        RejectReason.AMOUNT_OUT_OF_RANGE);
  }

  @Test
  void customRangeIsEnforcedAtBothEnds() {
    Map<Channel, ChannelRules> channels = yamlChannels(true);
    channels.put(
        Channel.WECHATPAY,
        new ChannelRules(true, Set.of("CNY", "HKD"), 100, 5000, "[A-Za-z0-9_|*-]{6,32}", "6-32"));
    OrderValidator v = validator(channels);
    assertThat(v.validate(payAmount(Channel.WECHATPAY, 100, "CNY")).amount().minor())
        .isEqualTo(100L);
    assertThat(v.validate(payAmount(Channel.WECHATPAY, 5000, "HKD")).amount().minor())
        .isEqualTo(5000L);
    assertSingle(
        reject(v, payAmount(Channel.WECHATPAY, 99, "CNY")),
        "amount.minor",
        RejectReason.AMOUNT_OUT_OF_RANGE);
    assertSingle(
        reject(v, payAmount(Channel.WECHATPAY, 5001, "HKD")),
        "amount.minor",
        RejectReason.AMOUNT_OUT_OF_RANGE);
    assertSingle(
        reject(v, payAmount(Channel.WECHATPAY, 1000, "USD")),
        "amount.currency",
        RejectReason.UNSUPPORTED_CURRENCY);
  }

  @ParameterizedTest
  @CsvSource({
    "ALIPAY,ALIPAY,2021000000000001,total_amount",
    "WECHATPAY,WECHATPAY,1900000001,amount.total",
    "UNIONPAY,UNIONPAY,777290058110048,txnAmt"
  })
  void amountOutOfRangeNamesTheDialectsField(
      Dialect dialect, Channel channel, String merchant, String field) {
    Rejection r =
        reject(
            order(
                dialect,
                merchant,
                channel,
                Money.ofMinor(MAX + 1, "CNY"),
                "ORDER2024000001",
                null,
                null));
    assertSingle(r, field, RejectReason.AMOUNT_OUT_OF_RANGE);
  }

  @Test
  void orderWithoutAmountSkipsTheAmountChecks() {
    PaymentOrder query =
        order(Dialect.CANONICAL, "M100001", Channel.ALIPAY, null, "ORDER_1", null, null);
    assertThat(validator.validate(query).amount()).isNull();
  }

  // ---- order numbers ----

  @ParameterizedTest
  @CsvSource({
    "ALIPAY,1", "ALIPAY,64", "ALIPAY,ab_CD_09",
    "WECHATPAY,6", "WECHATPAY,32", "WECHATPAY,a_b-c|d*e",
    "UNIONPAY,8", "UNIONPAY,40", "UNIONPAY,20240301ABCdef"
  })
  void orderNumbersWithinTheChannelRuleAreAccepted(Channel channel, String spec) {
    String orderNo = spec.matches("\\d+") ? "A".repeat(Integer.parseInt(spec)) : spec;
    assertThat(
            validator.validate(payOrderNo(Dialect.CANONICAL, channel, orderNo)).merchantOrderNo())
        .isEqualTo(orderNo);
  }

  @ParameterizedTest
  @CsvSource({
    "ALIPAY,65", "ALIPAY,ab-cd", "ALIPAY,ab cd", "ALIPAY,订单1",
    "WECHATPAY,5", "WECHATPAY,33", "WECHATPAY,abc.def", "WECHATPAY,abc#def",
    "UNIONPAY,7", "UNIONPAY,41", "UNIONPAY,2024-0301-0001", "UNIONPAY,2024_0301_0001"
  })
  void orderNumbersBreakingTheChannelRuleAreRefused(Channel channel, String spec) {
    String orderNo = spec.matches("\\d+") ? "A".repeat(Integer.parseInt(spec)) : spec;
    Rejection r = reject(payOrderNo(Dialect.CANONICAL, channel, orderNo));
    assertSingle(r, "merchantOrderNo", RejectReason.INVALID_ORDER_NO);
    assertThat(r.message()).contains(orderNo);
  }

  @Test
  void emptyOrderNoBreaksEveryRule() {
    for (Channel c : Channel.values()) {
      assertSingle(
          reject(payOrderNo(Dialect.CANONICAL, c, "")),
          "merchantOrderNo",
          RejectReason.INVALID_ORDER_NO);
    }
  }

  @ParameterizedTest
  @CsvSource({
    "ALIPAY,ALIPAY,2021000000000001,out_trade_no,ab-cd",
    "WECHATPAY,WECHATPAY,1900000001,out_trade_no,12345",
    "UNIONPAY,UNIONPAY,777290058110048,orderId,2024-03-01-0001"
  })
  void invalidOrderNoNamesTheDialectsField(
      Dialect dialect, Channel channel, String merchant, String field, String orderNo) {
    Rejection r =
        reject(order(dialect, merchant, channel, Money.ofMinor(100, "CNY"), orderNo, null, null));
    assertSingle(r, field, RejectReason.INVALID_ORDER_NO);
  }

  @ParameterizedTest
  @CsvSource({
    "CANONICAL,ALIPAY,M100001,refundNo",
    "ALIPAY,ALIPAY,2021000000000001,out_request_no",
    "WECHATPAY,WECHATPAY,1900000001,out_refund_no",
    "UNIONPAY,UNIONPAY,777290058110048,orderId"
  })
  void refundNoIsCheckedByTheSameRule(
      Dialect dialect, Channel channel, String merchant, String field) {
    String bad =
        switch (channel) {
          case ALIPAY -> "R".repeat(65);
          case WECHATPAY -> "R1234";
          case UNIONPAY -> "RF-2024-0001";
        };
    Rejection r =
        reject(order(dialect, merchant, channel, Money.ofMinor(100, "CNY"), null, bad, null));
    assertSingle(r, field, RejectReason.INVALID_ORDER_NO);
    assertThat(r.message()).contains(bad);

    String good =
        switch (channel) {
          case ALIPAY -> "R".repeat(64);
          case WECHATPAY -> "R12345";
          case UNIONPAY -> "RF20240001";
        };
    PaymentOrder ok =
        validator.validate(
            order(dialect, merchant, channel, Money.ofMinor(100, "CNY"), null, good, null));
    assertThat(ok.refundNo()).isEqualTo(good);
    assertThat(ok.merchantId()).isEqualTo("M100001");
  }

  @Test
  void badOrderNoAndBadRefundNoAreBothReported() {
    Rejection r =
        reject(
            order(
                Dialect.WECHATPAY,
                "1900000001",
                Channel.WECHATPAY,
                Money.ofMinor(100, "CNY"),
                "abc",
                "def",
                null));
    assertThat(r.errors())
        .extracting(FieldError::field, FieldError::reason)
        .containsExactly(
            tuple("out_trade_no", RejectReason.INVALID_ORDER_NO),
            tuple("out_refund_no", RejectReason.INVALID_ORDER_NO));
  }

  // ---- notify URL ----

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://shop.example/notify",
        "http://shop.example:8080/n?x=1&y=2",
        "HTTPS://shop.example/n",
        "https://127.0.0.1/cb"
      })
  void absoluteHttpNotifyUrlIsAccepted(String url) {
    PaymentOrder in =
        order(
            Dialect.CANONICAL,
            "M100001",
            Channel.ALIPAY,
            Money.ofMinor(100, "CNY"),
            "ORDER_1",
            null,
            url);
    assertThat(validator.validate(in).notifyUrl()).isEqualTo(url);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ftp://shop.example/notify",
        "/notify",
        "notify",
        "shop.example/notify",
        "mailto:ops@shop.example",
        "javascript:alert(1)",
        "https:///nohost",
        "http://shop example/n",
        ""
      })
  void otherNotifyUrlsAreInvalid(String url) {
    PaymentOrder in =
        order(
            Dialect.CANONICAL,
            "M100001",
            Channel.ALIPAY,
            Money.ofMinor(100, "CNY"),
            "ORDER_1",
            null,
            url);
    assertSingle(reject(in), "notifyUrl", RejectReason.INVALID_FIELD);
  }

  @Test
  void notifyUrlOver256CharactersIsInvalid() {
    String base = "https://shop.example/";
    String exactly256 = base + "a".repeat(256 - base.length());
    PaymentOrder ok =
        order(
            Dialect.CANONICAL,
            "M100001",
            Channel.ALIPAY,
            Money.ofMinor(100, "CNY"),
            "ORDER_1",
            null,
            exactly256);
    assertThat(validator.validate(ok).notifyUrl()).hasSize(256);
    PaymentOrder tooLong =
        order(
            Dialect.CANONICAL,
            "M100001",
            Channel.ALIPAY,
            Money.ofMinor(100, "CNY"),
            "ORDER_1",
            null,
            exactly256 + "a");
    assertSingle(reject(tooLong), "notifyUrl", RejectReason.INVALID_FIELD);
  }

  @ParameterizedTest
  @CsvSource({
    "ALIPAY,ALIPAY,2021000000000001,notify_url",
    "WECHATPAY,WECHATPAY,1900000001,notify_url",
    "UNIONPAY,UNIONPAY,777290058110048,backUrl"
  })
  void invalidNotifyUrlNamesTheDialectsField(
      Dialect dialect, Channel channel, String merchant, String field) {
    Rejection r =
        reject(
            order(
                dialect,
                merchant,
                channel,
                Money.ofMinor(100, "CNY"),
                "ORDER2024000001",
                null,
                "ftp://shop.example/notify"));
    assertSingle(r, field, RejectReason.INVALID_FIELD);
  }

  // ---- several problems at once ----

  @Test
  void reportsEveryBrokenRuleTogether() {
    Rejection r =
        reject(
            order(
                Dialect.UNIONPAY,
                "000000000000000",
                Channel.UNIONPAY,
                Money.ofMinor(100, "USD"),
                "bad-order",
                null,
                "/relative"));
    assertThat(r.errors())
        .extracting(FieldError::field, FieldError::reason)
        .containsExactly(
            tuple("merId", RejectReason.UNKNOWN_MERCHANT),
            tuple("currencyCode", RejectReason.UNSUPPORTED_CURRENCY),
            tuple("orderId", RejectReason.INVALID_ORDER_NO),
            tuple("backUrl", RejectReason.INVALID_FIELD));
    assertThat(r.reason()).isEqualTo(RejectReason.UNKNOWN_MERCHANT);
    assertThat(r.dialect()).isEqualTo(Dialect.UNIONPAY);
  }

  @Test
  void disabledChannelAndBadAmountAreReportedTogether() {
    Rejection r =
        reject(
            order(
                Dialect.CANONICAL,
                "M200002",
                Channel.UNIONPAY,
                Money.ofMinor(0, "CNY"),
                "ORDER2024000001",
                null,
                null));
    assertThat(r.errors())
        .extracting(FieldError::field, FieldError::reason)
        .containsExactly(
            tuple("channel", RejectReason.CHANNEL_DISABLED),
            tuple("amount.minor", RejectReason.AMOUNT_OUT_OF_RANGE));
  }

  // ---- MerchantRegistry ----

  @Test
  void registryRefusesADuplicateMerchantId() {
    Merchant again = new Merchant("M100001", "Impostor", Set.of(Channel.ALIPAY), null);
    assertThatThrownBy(
            () -> new MerchantRegistry(properties(yamlChannels(true), List.of(DEMO, again))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("M100001")
        .hasMessageContaining("configured twice");
  }

  @Test
  void registryRefusesADialectIdClaimedByTwoMerchants() {
    Merchant thief =
        new Merchant(
            "M400004", "Thief", Set.of(Channel.WECHATPAY), Map.of(Channel.WECHATPAY, "1900000001"));
    assertThatThrownBy(
            () -> new MerchantRegistry(properties(yamlChannels(true), List.of(DEMO, thief))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("wechatpay")
        .hasMessageContaining("1900000001")
        .hasMessageContaining("M100001")
        .hasMessageContaining("M400004");
  }

  @Test
  void registryAllowsTheSameIdValueAtDifferentChannels() {
    Merchant a = new Merchant("MA", "A", Set.of(Channel.ALIPAY), Map.of(Channel.ALIPAY, "SHARED1"));
    Merchant b =
        new Merchant("MB", "B", Set.of(Channel.WECHATPAY), Map.of(Channel.WECHATPAY, "SHARED1"));
    MerchantRegistry registry = new MerchantRegistry(properties(yamlChannels(true), List.of(a, b)));
    assertThat(registry.resolve(Dialect.ALIPAY, "SHARED1")).map(Merchant::id).contains("MA");
    assertThat(registry.resolve(Dialect.WECHATPAY, "SHARED1")).map(Merchant::id).contains("MB");
    assertThat(registry.resolve(Dialect.UNIONPAY, "SHARED1")).isEmpty();
    assertThat(registry.resolve(Dialect.CANONICAL, "SHARED1")).isEmpty();
    assertThat(registry.resolve(Dialect.CANONICAL, null)).isEmpty();
  }
}
