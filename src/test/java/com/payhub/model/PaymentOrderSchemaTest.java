package com.payhub.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The published JSON Schema (docs/schema/payment-order.schema.json) describes what the hub really
 * reads and writes: it names exactly the record's fields, accepts the orders the hub puts on
 * channel queues and the README's example, and refuses what the hub refuses.
 */
public class PaymentOrderSchemaTest {

  private static final Path SCHEMA = Path.of("docs/schema/payment-order.schema.json");
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  public static JsonSchema schema() throws Exception {
    SchemaValidatorsConfig config =
        SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
        .getSchema(Files.readString(SCHEMA), config);
  }

  @Test
  void namesExactlyTheFieldsOfPaymentOrder() throws Exception {
    JsonNode properties = JSON.readTree(SCHEMA.toFile()).get("properties");
    Set<String> inSchema = new TreeSet<>();
    properties.fieldNames().forEachRemaining(inSchema::add);
    Set<String> inRecord =
        Arrays.stream(PaymentOrder.class.getRecordComponents())
            .map(c -> c.getName())
            .collect(Collectors.toCollection(TreeSet::new));
    assertThat(inSchema).isEqualTo(inRecord);
  }

  @Test
  void acceptsAnOrderAsTheHubDispatchesIt() throws Exception {
    PaymentOrder order =
        new PaymentOrder(
            "P01JD3W5Q8X7K2M9N4R6T8V0WZA",
            "M100001",
            "DEMO_A_0001",
            Channel.ALIPAY,
            Operation.PAY,
            Money.ofMinor(10000, "CNY"),
            "Green tea",
            null,
            null,
            "https://merchant.example/notify",
            Map.of("biz.product_code", "FACE_TO_FACE_PAYMENT"),
            Dialect.ALIPAY,
            Instant.parse("2026-11-26T12:00:00Z"));
    Set<ValidationMessage> errors =
        schema().validate(JSON.writeValueAsString(order), com.networknt.schema.InputFormat.JSON);
    assertThat(errors).isEmpty();
  }

  @Test
  void acceptsTheReadmeExample() throws Exception {
    assertThat(
            schema()
                .validate(
                    Files.readString(Path.of("examples/canonical-pay.json")),
                    com.networknt.schema.InputFormat.JSON))
        .isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"merchantId\":\"M1\",\"channel\":\"alipay\",\"merchantOrderNo\":\"A1\",\"subject\":\"x\",\"amount\":{\"minor\":100.5,\"currency\":\"CNY\"}}",
        "{\"merchantId\":\"M1\",\"channel\":\"alipay\",\"merchantOrderNo\":\"A1\",\"subject\":\"x\",\"amount\":{\"minor\":0,\"currency\":\"CNY\"}}",
        "{\"merchantId\":\"M1\",\"channel\":\"alipay\",\"merchantOrderNo\":\"A1\",\"subject\":\"x\",\"amount\":{\"minor\":100}}",
        "{\"merchantId\":\"M1\",\"channel\":\"alipay\",\"merchantOrderNo\":\"A1\",\"subject\":\"x\"}",
        "{\"merchantId\":\"M1\",\"channel\":\"paypal\",\"merchantOrderNo\":\"A1\",\"subject\":\"x\",\"amount\":{\"minor\":1,\"currency\":\"CNY\"}}",
        "{\"merchantId\":\"M1\",\"channel\":\"alipay\",\"operation\":\"REFUND\",\"merchantOrderNo\":\"A1\",\"amount\":{\"minor\":1,\"currency\":\"CNY\"}}",
        "{\"merchantId\":\"M1\",\"channel\":\"alipay\",\"operation\":\"QUERY\"}",
        "{\"merchantId\":\"M1\",\"channel\":\"alipay\",\"operation\":\"QUERY\",\"merchantOrderNo\":\"A1\",\"amout\":1}"
      })
  void refusesWhatTheHubRefuses(String order) throws Exception {
    assertThat(schema().validate(order, com.networknt.schema.InputFormat.JSON)).isNotEmpty();
  }
}
