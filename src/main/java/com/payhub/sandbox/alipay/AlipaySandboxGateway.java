package com.payhub.sandbox.alipay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.payhub.channel.alipay.AlipayRequestVerifier;
import com.payhub.channel.alipay.AlipaySignType;
import com.payhub.channel.alipay.AlipaySignatureException;
import com.payhub.sandbox.SandboxCalls;
import com.payhub.sandbox.SandboxConfig;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sandbox Alipay OpenAPI gateway: {@code POST /sandbox/alipay/gateway.do}, parameters in the
 * query and/or the form body, decoded in their {@code charset}. Like the real gateway it checks
 * {@code sign} over every parameter but {@code sign} with the app's public key before anything else
 * (refusing with {@code 40002 isv.invalid-signature}), and answers {@code
 * {"<method>_response":{…},"sign":"…"}} signed over the member's raw JSON text.
 */
@RestController
@RequestMapping("/sandbox/alipay")
@ConditionalOnProperty(name = SandboxConfig.ENABLED, havingValue = "true", matchIfMissing = true)
public class AlipaySandboxGateway {

  private static final ObjectMapper JSON = new ObjectMapper();
  // RawFormBodyFilter's attribute, by name: the sandbox runs without the hub's classes too
  private static final String RAW_BODY = "payhub.rawBody";

  private final AlipaySandboxKeys keys;
  private final AlipaySandboxTrades trades;
  private final AlipaySandboxRefunds refunds;
  private final AlipaySandboxRequests requests;
  private final SandboxCalls calls;

  public AlipaySandboxGateway(
      AlipaySandboxKeys keys,
      AlipaySandboxTrades trades,
      AlipaySandboxRefunds refunds,
      AlipaySandboxRequests requests,
      SandboxCalls calls) {
    this.keys = keys;
    this.trades = trades;
    this.refunds = refunds;
    this.requests = requests;
    this.calls = calls;
  }

  @PostMapping("/gateway.do")
  public CompletableFuture<ResponseEntity<byte[]>> gateway(HttpServletRequest request)
      throws IOException {
    // in the hub, the raw-form filter already read the body and kept its bytes
    byte[] body =
        request.getAttribute(RAW_BODY) instanceof byte[] kept
            ? kept
            : request.getInputStream().readAllBytes();
    String query = request.getQueryString();
    Map<String, String> params;
    try {
      params = params(query, body);
    } catch (IllegalArgumentException e) {
      params = Map.of();
    }
    requests.record(
        new AlipaySandboxRequests.Received(
            java.time.Instant.now(),
            request.getMethod(),
            request.getRequestURI(),
            query,
            headers(request),
            body,
            params));
    Charset charset = charset(params);
    AlipaySandboxAnswer answer = answer(params);
    if (answer.delay().isZero()) {
      return CompletableFuture.completedFuture(render(answer, charset));
    }
    return CompletableFuture.supplyAsync(
        () -> render(answer, charset),
        CompletableFuture.delayedExecutor(answer.delay().toMillis(), TimeUnit.MILLISECONDS));
  }

  private AlipaySandboxAnswer answer(Map<String, String> params) {
    String method = params.get("method");
    if (params.isEmpty()) {
      return AlipaySandboxAnswer.error(
          null, "40002", "Invalid Arguments", "isv.invalid-parameter", "请求参数无法解析");
    }
    if (method == null || method.isBlank()) {
      return AlipaySandboxAnswer.error(
          null, "40001", "Missing Required Arguments", "isv.missing-method", "缺少方法名参数");
    }
    if (!List.of(
            "alipay.trade.precreate",
            "alipay.trade.query",
            "alipay.trade.refund",
            "alipay.trade.fastpay.refund.query",
            "alipay.trade.close")
        .contains(method)) {
      return AlipaySandboxAnswer.error(
          null, "40002", "Invalid Arguments", "isv.invalid-method", "不存在的方法名");
    }
    try {
      new AlipayRequestVerifier(sn -> Optional.of(keys.appPublicKey())).verify(params);
    } catch (AlipaySignatureException e) {
      // the real sub_msg goes on with the string it verified; that stays out of hub logs here
      return AlipaySandboxAnswer.error(
          method,
          "40002",
          "Invalid Arguments",
          "isv.invalid-signature",
          "验签出错，建议检查签名字符串或签名私钥与应用公钥是否匹配");
    }
    JsonNode biz;
    try {
      biz = JSON.readTree(params.getOrDefault("biz_content", "{}"));
    } catch (JsonProcessingException e) {
      return AlipaySandboxAnswer.error(
          method, "40002", "Invalid Arguments", "isv.invalid-biz-content", "biz_content 不是 JSON");
    }
    calls.record("alipay", operation(method), biz.path("out_trade_no").asText(""));
    return switch (method) {
      case "alipay.trade.precreate" -> trades.precreate(params, biz);
      case "alipay.trade.query" -> trades.query(params, biz);
      case "alipay.trade.refund" -> refunds.refund(params, biz);
      case "alipay.trade.fastpay.refund.query" -> refunds.query(params, biz);
      default -> trades.close(params, biz);
    };
  }

  /** PAY, QUERY, REFUND or CLOSE: the hub's name for what an OpenAPI method does. */
  private static String operation(String method) {
    return switch (method) {
      case "alipay.trade.precreate" -> "PAY";
      case "alipay.trade.query" -> "QUERY";
      case "alipay.trade.refund" -> "REFUND";
      default -> "CLOSE";
    };
  }

  private ResponseEntity<byte[]> render(AlipaySandboxAnswer answer, Charset charset) {
    if (answer.httpStatus() != 200) {
      return ResponseEntity.status(answer.httpStatus())
          .contentType(MediaType.TEXT_HTML)
          .body("<html><body>503 Service Unavailable</body></html>".getBytes(charset));
    }
    try {
      String member = JSON.writeValueAsString(answer.fields());
      PrivateKey key = answer.rogue() ? keys.rogueKey() : keys.platformPrivateKey();
      String sign =
          Base64.getEncoder()
              .encodeToString(AlipaySignType.RSA2.signer(key).sign(member.getBytes(charset)));
      String text = "{\"" + answer.member() + "\":" + member + ",\"sign\":\"" + sign + "\"}";
      return ResponseEntity.ok()
          .contentType(MediaType.parseMediaType("text/html;charset=" + charset.name()))
          .body(text.getBytes(charset));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Query and form together (the SDK puts the protocol parameters in the query). */
  static Map<String, String> params(String query, byte[] body) {
    List<String[]> pairs = new ArrayList<>();
    split(query, pairs);
    split(new String(body, StandardCharsets.ISO_8859_1), pairs);
    Charset charset = StandardCharsets.UTF_8;
    for (String[] p : pairs) {
      if (decode(p[0], StandardCharsets.ISO_8859_1).equals("charset") && !p[1].isBlank()) {
        charset = Charset.forName(decode(p[1], StandardCharsets.ISO_8859_1));
      }
    }
    Map<String, String> params = new LinkedHashMap<>();
    for (String[] p : pairs) {
      if (params.put(decode(p[0], charset), decode(p[1], charset)) != null) {
        throw new IllegalArgumentException("a parameter arrived twice");
      }
    }
    return Collections.unmodifiableMap(params);
  }

  private static void split(String text, List<String[]> into) {
    if (text == null || text.isEmpty()) {
      return;
    }
    for (String pair : text.split("&")) {
      if (!pair.isEmpty()) {
        String[] kv = pair.split("=", 2);
        into.add(new String[] {kv[0], kv.length == 2 ? kv[1] : ""});
      }
    }
  }

  private static String decode(String s, Charset charset) {
    return URLDecoder.decode(s, charset);
  }

  private static Charset charset(Map<String, String> params) {
    String name = params.get("charset");
    try {
      return name == null || name.isBlank() ? StandardCharsets.UTF_8 : Charset.forName(name);
    } catch (IllegalArgumentException e) {
      return StandardCharsets.UTF_8;
    }
  }

  private static Map<String, List<String>> headers(HttpServletRequest request) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (String name : Collections.list(request.getHeaderNames())) {
      headers.put(
          name.toLowerCase(Locale.ROOT), List.copyOf(Collections.list(request.getHeaders(name))));
    }
    return headers;
  }
}
