package com.payhub.sandbox.wechatpay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.payhub.channel.wechatpay.WechatPayAuthorizationHeader;
import com.payhub.channel.wechatpay.WechatPayHeaders;
import com.payhub.channel.wechatpay.WechatPayRequestVerifier;
import com.payhub.channel.wechatpay.WechatPaySignatureException;
import com.payhub.crypto.ReplayGuard;
import com.payhub.sandbox.SandboxCalls;
import com.payhub.sandbox.SandboxConfig;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sandbox WeChat Pay API v3 under {@code /sandbox/wechatpay}: the real paths below that prefix.
 * Every request is recorded, then its Authorization is checked as WeChat does (the merchant
 * certificate its {@code serial_no} names, 5 minutes, a fresh nonce, the {@code mchid} of the body
 * or query): a failure is 401 SIGN_ERROR, unsigned. Answers are signed with the platform key.
 */
@RestController
@RequestMapping("/sandbox/wechatpay")
@ConditionalOnProperty(name = SandboxConfig.ENABLED, havingValue = "true", matchIfMissing = true)
public class WechatPaySandboxController {

  private final WechatPaySandboxKeys keys;
  private final WechatPaySandboxGateway trades;
  private final WechatPaySandboxRefunds refunds;
  private final WechatPaySandboxRequests requests;
  private final ObjectMapper json;
  private final WechatPayRequestVerifier verifier;
  private final SandboxCalls calls;

  public WechatPaySandboxController(
      WechatPaySandboxKeys keys,
      WechatPaySandboxGateway trades,
      WechatPaySandboxRefunds refunds,
      WechatPaySandboxRequests requests,
      ObjectMapper json,
      SandboxCalls calls) {
    this.calls = calls;
    this.keys = keys;
    this.trades = trades;
    this.refunds = refunds;
    this.requests = requests;
    this.json = json;
    Clock clock = Clock.systemUTC();
    this.verifier =
        new WechatPayRequestVerifier(
            keys::merchantKey, clock, new ReplayGuard(Duration.ofMinutes(10), clock));
  }

  @PostMapping("/v3/pay/transactions/native")
  ResponseEntity<byte[]> pay(HttpServletRequest request, @RequestBody(required = false) byte[] body)
      throws Exception {
    Call call = accept(request, body);
    if (call.refusal != null) {
      return call.refusal;
    }
    calls.record("wechatpay", "PAY", call.json.path("out_trade_no").asText(""));
    return answer(trades.pay(call.mchId, call.json));
  }

  @GetMapping("/v3/pay/transactions/out-trade-no/{outTradeNo}")
  ResponseEntity<byte[]> query(
      HttpServletRequest request,
      @PathVariable String outTradeNo,
      @RequestParam(name = "mchid", required = false) String mchId)
      throws Exception {
    Call call = accept(request, null);
    if (call.refusal != null) {
      return call.refusal;
    }
    calls.record("wechatpay", "QUERY", outTradeNo);
    return answer(trades.query(call.mchId, outTradeNo, mchId));
  }

  @PostMapping("/v3/pay/transactions/out-trade-no/{outTradeNo}/close")
  ResponseEntity<byte[]> close(
      HttpServletRequest request,
      @PathVariable String outTradeNo,
      @RequestBody(required = false) byte[] body)
      throws Exception {
    Call call = accept(request, body);
    if (call.refusal != null) {
      return call.refusal;
    }
    calls.record("wechatpay", "CLOSE", outTradeNo);
    return answer(trades.close(call.mchId, outTradeNo, call.json));
  }

  @PostMapping("/v3/refund/domestic/refunds")
  ResponseEntity<byte[]> refund(
      HttpServletRequest request, @RequestBody(required = false) byte[] body) throws Exception {
    Call call = accept(request, body);
    if (call.refusal != null) {
      return call.refusal;
    }
    calls.record("wechatpay", "REFUND", call.json.path("out_trade_no").asText(""));
    return answer(refunds.refund(call.mchId, call.json));
  }

  @GetMapping("/v3/refund/domestic/refunds/{outRefundNo}")
  ResponseEntity<byte[]> refundQuery(HttpServletRequest request, @PathVariable String outRefundNo)
      throws Exception {
    Call call = accept(request, null);
    if (call.refusal != null) {
      return call.refusal;
    }
    return answer(refunds.query(call.mchId, outRefundNo));
  }

  /** A verified request (its merchant and JSON body), or the refusal to answer with. */
  private record Call(String mchId, JsonNode json, ResponseEntity<byte[]> refusal) {}

  private Call accept(HttpServletRequest request, byte[] body) throws IOException {
    byte[] raw = body == null ? new byte[0] : body;
    String target =
        request.getRequestURI()
            + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
    requests.add(
        new WechatPaySandboxRequests.Received(
            Instant.now(),
            request.getMethod(),
            target,
            headers(request),
            new String(raw, StandardCharsets.UTF_8)));
    WechatPayAuthorizationHeader authorization;
    try {
      authorization =
          verifier.verify(
              request.getHeader(WechatPayHeaders.AUTHORIZATION), request.getMethod(), target, raw);
    } catch (WechatPaySignatureException e) {
      return new Call(null, null, signError("签名错误 (" + e.reason() + ")"));
    }
    JsonNode parsed = json.createObjectNode();
    if (raw.length > 0) {
      try {
        parsed = json.readTree(raw);
      } catch (IOException e) {
        return new Call(
            null, null, answer(WechatPaySandboxAnswer.error(400, "PARAM_ERROR", "请求体不是JSON")));
      }
    }
    return new Call(authorization.mchId(), parsed, null);
  }

  private ResponseEntity<byte[]> signError(String message) throws IOException {
    return answer(WechatPaySandboxAnswer.unsigned(401, "SIGN_ERROR", message));
  }

  private ResponseEntity<byte[]> answer(WechatPaySandboxAnswer answer) throws IOException {
    if (!answer.delay().isZero()) {
      try {
        Thread.sleep(answer.delay().toMillis()); // SLOW and TIMEOUT: the channel takes its time
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    byte[] body = answer.body() == null ? new byte[0] : json.writeValueAsBytes(answer.body());
    HttpHeaders headers = new HttpHeaders();
    headers.set("Request-ID", UUID.randomUUID().toString());
    if (answer.body() != null) {
      headers.setContentType(MediaType.APPLICATION_JSON);
    }
    switch (answer.signing()) {
      case PLATFORM -> keys.platformSigner().sign(body).forEach(headers::set);
      case STRANGER -> keys.strangerSigner().sign(body).forEach(headers::set);
      case NONE -> {
        // WeChat signs no 401 SIGN_ERROR and no 5xx
      }
    }
    return ResponseEntity.status(answer.status()).headers(headers).body(body);
  }

  private static Map<String, String> headers(HttpServletRequest request) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String name : Collections.list(request.getHeaderNames())) {
      out.put(name.toLowerCase(Locale.ROOT), request.getHeader(name));
    }
    return out;
  }
}
