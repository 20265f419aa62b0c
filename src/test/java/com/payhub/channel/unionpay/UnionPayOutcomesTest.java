package com.payhub.channel.unionpay;

import static org.assertj.core.api.Assertions.assertThat;

import com.payhub.channel.ChannelOutcome;
import com.payhub.model.Operation;
import com.payhub.model.PaymentStatus;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The respCode table, pessimistically: only 00/A6 succeed, and only by notification or query. */
class UnionPayOutcomesTest {

  private static Map<String, String> fields(String... kv) {
    Map<String, String> f = new HashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      if (!kv[i + 1].isEmpty()) {
        f.put(kv[i], kv[i + 1]);
      }
    }
    return f;
  }

  @ParameterizedTest(name = "{0} sync {1} -> {2}")
  @CsvSource({
    "PAY, 00, PENDING",
    "PAY, 05, PENDING",
    "PAY, 03, PENDING",
    "PAY, 12, PENDING",
    "PAY, 74, PENDING",
    "PAY, 99, PENDING",
    "PAY, ZZ, PENDING",
    "PAY, 11, FAILED",
    "PAY, 30, FAILED",
    "PAY, 61, FAILED",
    "REFUND, 00, PENDING",
    "REFUND, 35, FAILED",
    "CLOSE, 00, ",
    "CLOSE, 35, "
  })
  void synchronousAnswers(Operation operation, String code, PaymentStatus expected) {
    ChannelOutcome o =
        UnionPayOutcomes.response(
            operation, fields("respCode", code, "respMsg", "msg " + code, "queryId", "Q1"));
    assertThat(o.status()).isEqualTo(expected);
    assertThat(o.code()).isEqualTo(code);
    assertThat(o.message()).isEqualTo("msg " + code);
  }

  @ParameterizedTest(name = "query {0}/{1} -> {2}")
  @CsvSource({
    "00, 00, SUCCEEDED",
    "00, A6, SUCCEEDED",
    "00, 05, PENDING",
    "00, 04, PENDING",
    "00, '', PENDING",
    "00, 42, PENDING",
    "00, 60, FAILED",
    "34, '', ",
    "37, '', ",
    "11, '', "
  })
  void queries(String code, String orig, PaymentStatus expected) {
    ChannelOutcome o =
        UnionPayOutcomes.response(
            Operation.QUERY,
            fields("respCode", code, "origRespCode", orig, "origRespMsg", "o", "queryId", "Q1"));
    assertThat(o.status()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "notification {0}/{1} -> {2}")
  @CsvSource({
    "01, 00, SUCCEEDED",
    "01, A6, SUCCEEDED",
    "01, 60, FAILED",
    "01, 05, PENDING",
    "01, 75, PENDING",
    "04, 00, SUCCEEDED",
    "04, 01, FAILED",
    "31, 00, CLOSED",
    "31, 35, "
  })
  void notifications(String txnType, String code, PaymentStatus expected) {
    assertThat(
            UnionPayOutcomes.notification(txnType, fields("respCode", code, "queryId", "Q1"))
                .status())
        .isEqualTo(expected);
  }
}
