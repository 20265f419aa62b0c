package com.payhub.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.payhub.api.RawFormBodyFilter;
import com.payhub.model.Dialect;
import com.payhub.model.HubIds;
import com.payhub.model.PaymentOrder;
import com.payhub.normalize.InboundMessage;
import com.payhub.normalize.Normalizer;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * Ingest steps 1–3 as one building block for routes ({@code bean: payhubIngest}): verify the
 * sender's signature, normalise the dialect, validate, then issue the paymentId and replace the
 * body with the canonical JSON. Routing headers are set for the content-based router.
 */
@Component("payhubIngest")
public class IngestService {

  public static final String DIALECT = "PayHubDialect";
  public static final String OPERATION_HINT = "PayHubOperation";

  /**
   * Set by HTTP routes: the entry point's path; what follows it in the request path is the
   * operation.
   */
  public static final String ENTRY_PATH = "PayHubEntryPath";

  public static final String PAYMENT_ID = "PayHubPaymentId";
  public static final String CHANNEL = "PayHubChannel";

  /** Queues: the path a WeChat-style signature covers (HTTP takes it from the request). */
  public static final String REQUEST_PATH = "PayHubRequestPath";

  private static final java.util.List<String> SIGNATURE_HEADERS =
      java.util.List.of("Authorization", "PayHubSignature", "PayHubKeyId");

  /** Exchange property holding the accepted {@link PaymentOrder}. */
  public static final String ORDER = "PayHubOrder";

  private final InboundSignatureCheck signatureCheck;
  private final Map<Dialect, Normalizer> normalizers = new EnumMap<>(Dialect.class);
  private final OrderValidator validator;
  private final ObjectMapper json;
  private final Clock clock;

  public IngestService(
      InboundSignatureCheck signatureCheck,
      List<Normalizer> normalizers,
      OrderValidator validator,
      ObjectMapper json,
      Clock clock) {
    this.signatureCheck = signatureCheck;
    normalizers.forEach(n -> this.normalizers.put(n.dialect(), n));
    this.validator = validator;
    this.json = json;
    this.clock = clock;
  }

  /**
   * Reads the raw input from the exchange, leaves the canonical order in body, headers and
   * property.
   */
  public void ingest(Exchange exchange) throws JsonProcessingException {
    var in = exchange.getMessage();
    InboundMessage message =
        new InboundMessage(
            Dialect.fromId(in.getHeader(DIALECT, String.class)),
            rawBody(in),
            in.getHeader(Exchange.CONTENT_TYPE, String.class),
            operationHint(in),
            signatureHeaders(in),
            requestTarget(in));
    SIGNATURE_HEADERS.forEach(in::removeHeader);
    in.removeHeader(REQUEST_PATH);
    PaymentOrder order = accept(message);
    exchange.setProperty(ORDER, order);
    in.setHeader(PAYMENT_ID, order.paymentId());
    in.setHeader(CHANNEL, order.channel().id());
    in.setHeader(OPERATION_HINT, order.operation().name());
    in.setHeader(Exchange.CONTENT_TYPE, "application/json");
    in.setBody(json.writeValueAsString(order));
  }

  /** The body as received: for HTTP forms the bytes {@link RawFormBodyFilter} kept. */
  private static String rawBody(org.apache.camel.Message in) {
    if (in.getHeader("CamelHttpServletRequest") instanceof HttpServletRequest request
        && request.getAttribute(RawFormBodyFilter.RAW_BODY) instanceof byte[] raw) {
      return new String(raw, StandardCharsets.UTF_8);
    }
    return in.getBody(String.class);
  }

  /** The headers that carry a sender's signature, whichever transport brought them. */
  private static java.util.Map<String, String> signatureHeaders(org.apache.camel.Message in) {
    java.util.Map<String, String> out = new java.util.HashMap<>();
    for (String name : SIGNATURE_HEADERS) {
      String v = in.getHeader(name, String.class);
      if (v == null) {
        v = in.getHeader(name.toLowerCase(java.util.Locale.ROOT), String.class);
      }
      if (v != null) {
        out.put(name, v);
      }
    }
    return out;
  }

  /** HTTP: the path and query as called; queues: the {@code PayHubRequestPath} header. */
  private static String requestTarget(org.apache.camel.Message in) {
    if (in.getHeader(ENTRY_PATH) == null) {
      return in.getHeader(REQUEST_PATH, String.class);
    }
    String uri = in.getHeader(Exchange.HTTP_URI, String.class);
    String query = in.getHeader(Exchange.HTTP_QUERY, String.class);
    return uri == null ? null : query == null || query.isEmpty() ? uri : uri + "?" + query;
  }

  private static String operationHint(org.apache.camel.Message in) {
    String entry = in.getHeader(ENTRY_PATH, String.class);
    if (entry == null) {
      return in.getHeader(OPERATION_HINT, String.class);
    }
    String path = in.getHeader(Exchange.HTTP_PATH, String.class);
    if (path == null || path.isEmpty()) {
      return null;
    }
    String rest = path.startsWith(entry) ? path.substring(entry.length()) : path;
    rest = rest.replaceFirst("^/+", "");
    return rest.isEmpty() ? null : rest;
  }

  /** Verifies, normalises and validates one input, and issues its paymentId. */
  public PaymentOrder accept(InboundMessage message) {
    signatureCheck.verify(message);
    Normalizer normalizer = normalizers.get(message.dialect());
    if (normalizer == null) {
      throw new IllegalStateException("no normaliser for dialect " + message.dialect());
    }
    PaymentOrder order = validator.validate(normalizer.normalize(message));
    return order.accepted(HubIds.payment(), clock.instant());
  }
}
