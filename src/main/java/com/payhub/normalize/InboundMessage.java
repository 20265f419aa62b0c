package com.payhub.normalize;

import com.payhub.model.Dialect;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One raw input as it arrived, before anything trusts it.
 *
 * @param dialect the dialect of the entry point it came through
 * @param body the body text exactly as received (UTF-8)
 * @param contentType the media type without parameters, lower case; null when the transport has
 *     none (queues), in which case the normaliser sniffs the body
 * @param operationHint the operation named outside the body: the path suffix after the dialect's
 *     entry point over HTTP, or the {@code PayHubOperation} header on queues; null when absent
 * @param headers the transport headers a signature check needs ({@code Authorization}, {@code
 *     PayHubSignature}, {@code PayHubKeyId}), looked up case-insensitively
 * @param requestTarget the path and query the sender called (HTTP), or the {@code
 *     PayHubRequestPath} header (queues); what WeChat-style signatures cover
 */
public record InboundMessage(
    Dialect dialect,
    String body,
    String contentType,
    String operationHint,
    Map<String, String> headers,
    String requestTarget) {

  public InboundMessage(Dialect dialect, String body, String contentType, String operationHint) {
    this(dialect, body, contentType, operationHint, Map.of(), null);
  }

  public InboundMessage {
    body = body == null ? "" : body;
    TreeMap<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    if (headers != null) {
      headers.forEach(
          (k, v) -> {
            if (k != null && v != null) {
              h.put(k, v);
            }
          });
    }
    headers = Collections.unmodifiableSortedMap(h);
    if (contentType != null) {
      int semi = contentType.indexOf(';');
      contentType =
          (semi >= 0 ? contentType.substring(0, semi) : contentType)
              .trim()
              .toLowerCase(Locale.ROOT);
      if (contentType.isEmpty()) {
        contentType = null;
      }
    }
  }

  /** A transport header, case-insensitively; null when absent. */
  public String header(String name) {
    return headers.get(name);
  }

  public boolean isJson() {
    return contentType == null
        ? body.stripLeading().startsWith("{")
        : contentType.equals("application/json") || contentType.endsWith("+json");
  }

  public boolean isForm() {
    return contentType == null
        ? !body.stripLeading().startsWith("{")
        : contentType.equals("application/x-www-form-urlencoded");
  }
}
