package com.payhub.normalize;

import com.payhub.model.Dialect;
import java.util.Locale;

/**
 * One raw input as it arrived, before anything trusts it.
 *
 * @param dialect the dialect of the entry point it came through
 * @param body the body text exactly as received (UTF-8)
 * @param contentType the media type without parameters, lower case; null when the transport has
 *     none (queues), in which case the normaliser sniffs the body
 * @param operationHint the operation named outside the body: the path suffix after the dialect's
 *     entry point over HTTP, or the {@code PayHubOperation} header on queues; null when absent
 */
public record InboundMessage(
    Dialect dialect, String body, String contentType, String operationHint) {

  public InboundMessage {
    body = body == null ? "" : body;
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
