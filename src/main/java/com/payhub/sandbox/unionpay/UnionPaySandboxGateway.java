package com.payhub.sandbox.unionpay;

import com.payhub.channel.unionpay.UnionPayCertificates;
import com.payhub.channel.unionpay.UnionPayRequestVerifier;
import com.payhub.channel.unionpay.UnionPaySignatureException;
import com.payhub.sandbox.SandboxCalls;
import com.payhub.sandbox.SandboxConfig;
import com.payhub.sandbox.SandboxNotifier;
import com.payhub.sandbox.SandboxProperties;
import com.payhub.sandbox.unionpay.UnionPaySandboxOperations.Answer;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Function;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sandbox UnionPay online gateway: {@code POST /sandbox/unionpay/gateway/api/backTransReq.do}
 * (consume, refund, cancellation) and {@code .../queryTrans.do}. Like the real gateway it checks
 * the hub's signature before anything else (the certificate its {@code certId} names, the double
 * hash of signMethod 01) and answers a bad one with respCode 11; answers are signed with its
 * signing certificate embedded. It keeps the last {@value #KEPT} requests it received, for tests
 * and people.
 */
@RestController
@RequestMapping("/sandbox/unionpay/gateway/api")
@ConditionalOnProperty(name = SandboxConfig.ENABLED, havingValue = "true", matchIfMissing = true)
public class UnionPaySandboxGateway {

  static final int KEPT = 500;

  /** One request as it arrived: the body as text and its fields decoded once. */
  public record Received(
      Instant at,
      String method,
      String path,
      Map<String, List<String>> headers,
      String body,
      Map<String, String> fields) {}

  private final UnionPaySandboxKeys keys;
  private final SandboxNotifier notifier;
  private final SandboxProperties properties;
  private final SandboxCalls calls;
  private final Deque<Received> received = new ConcurrentLinkedDeque<>();
  private volatile UnionPaySandboxOperations operations;
  private volatile UnionPayRequestVerifier verifier;

  public UnionPaySandboxGateway(
      UnionPaySandboxKeys keys,
      SandboxNotifier notifier,
      SandboxProperties properties,
      SandboxCalls calls) {
    this.calls = calls;
    this.keys = keys;
    this.notifier = notifier;
    this.properties = properties;
  }

  @PostMapping("/backTransReq.do")
  public ResponseEntity<String> back(
      HttpServletRequest request, @RequestBody(required = false) byte[] body) {
    return handle(request, body, false);
  }

  @PostMapping("/queryTrans.do")
  public ResponseEntity<String> query(
      HttpServletRequest request, @RequestBody(required = false) byte[] body) {
    return handle(request, body, true);
  }

  /** The requests received so far, oldest first. */
  public List<Received> received() {
    return List.copyOf(received);
  }

  /** The requests whose {@code orderId} is {@code orderId}, oldest first. */
  public List<Received> received(String orderId) {
    return received.stream().filter(r -> orderId.equals(r.fields().get("orderId"))).toList();
  }

  private ResponseEntity<String> handle(HttpServletRequest request, byte[] body, boolean query) {
    String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
    Map<String, String> fields;
    try {
      fields = decode(text);
    } catch (IllegalArgumentException e) {
      fields = Map.of();
    }
    record(request, text, fields);
    UnionPaySandboxOperations ops = operations();
    Answer answer;
    if (fields.isEmpty()) {
      answer =
          ops.refused(
              fields,
              UnionPaySandboxMessages.FORMAT_ERROR,
              UnionPaySandboxMessages.FORMAT_ERROR_MESSAGE);
    } else if (!signatureValid(fields)) {
      answer =
          ops.refused(
              fields,
              UnionPaySandboxMessages.BAD_SIGNATURE,
              UnionPaySandboxMessages.BAD_SIGNATURE_MESSAGE);
    } else if (query) {
      calls.record("unionpay", "QUERY", fields.getOrDefault("orderId", ""));
      answer =
          "00".equals(fields.get("txnType"))
              ? ops.query(fields)
              : ops.refused(
                  fields,
                  UnionPaySandboxMessages.FORMAT_ERROR,
                  UnionPaySandboxMessages.FORMAT_ERROR_MESSAGE);
    } else {
      calls.record(
          "unionpay", operation(fields.get("txnType")), fields.getOrDefault("orderId", ""));
      answer = ops.back(fields);
    }
    return ResponseEntity.status(answer.status())
        .contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
        .body(answer.body());
  }

  /** PAY, REFUND or CLOSE for a back-end request's txnType (01, 04, 31), else the code itself. */
  private static String operation(String txnType) {
    return switch (txnType == null ? "" : txnType) {
      case "01" -> "PAY";
      case "04" -> "REFUND";
      case "31" -> "CLOSE";
      default -> "TXN_" + txnType;
    };
  }

  private boolean signatureValid(Map<String, String> fields) {
    try {
      verifier().verify(fields);
      return true;
    } catch (UnionPaySignatureException e) {
      return false;
    }
  }

  private void record(HttpServletRequest request, String body, Map<String, String> fields) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (String name : Collections.list(request.getHeaderNames())) {
      headers.put(name, Collections.list(request.getHeaders(name)));
    }
    received.addLast(
        new Received(
            Instant.now(), request.getMethod(), request.getRequestURI(), headers, body, fields));
    while (received.size() > KEPT) {
      received.pollFirst();
    }
  }

  /** A form decoded once in UTF-8; a repeated name is refused (which value was signed?). */
  static Map<String, String> decode(String text) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String pair : text.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      String[] kv = pair.split("=", 2);
      String key = URLDecoder.decode(kv[0], StandardCharsets.UTF_8);
      String value = kv.length == 2 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "";
      if (fields.put(key, value) != null) {
        throw new IllegalArgumentException("field " + key + " repeats");
      }
    }
    return fields;
  }

  private UnionPaySandboxOperations operations() {
    if (operations == null) {
      synchronized (this) {
        if (operations == null) {
          operations = new UnionPaySandboxOperations(keys.material(), notifier, properties);
        }
      }
    }
    return operations;
  }

  /** The hub's certificate, by its decimal certId, as the real gateway finds a merchant's. */
  private UnionPayRequestVerifier verifier() {
    if (verifier == null) {
      X509Certificate hub = keys.material().hubCertificate();
      String certId = UnionPayCertificates.certId(hub);
      Function<String, Optional<PublicKey>> byCertId =
          id -> certId.equals(id) ? Optional.of(hub.getPublicKey()) : Optional.empty();
      verifier = new UnionPayRequestVerifier(byCertId, null);
    }
    return verifier;
  }
}
