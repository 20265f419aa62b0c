package com.payhub.channel.alipay;

import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.util.Map;
import java.util.TreeMap;

/**
 * The gateway query ({@code k=v&...}) built from already signed parameters: sorted by key, pairs
 * with an empty key or value left out (they were not signed either, as the SDK's {@code
 * WebUtils.buildQuery} does), keys and values form-encoded in the request's {@code charset}.
 * Encoding happens here, after signing, never before.
 */
public final class AlipayQuery {

  private AlipayQuery() {}

  public static String encode(Map<String, String> signedParams) {
    if (AlipaySignContent.isEmpty(signedParams.get("sign"))) {
      throw new IllegalArgumentException("the parameters are not signed: no 'sign'");
    }
    Charset charset = AlipayCharsets.require(signedParams.get("charset"));
    StringBuilder query = new StringBuilder();
    for (Map.Entry<String, String> e : new TreeMap<>(signedParams).entrySet()) {
      if (AlipaySignContent.isEmpty(e.getKey()) || AlipaySignContent.isEmpty(e.getValue())) {
        continue;
      }
      if (query.length() > 0) {
        query.append('&');
      }
      query
          .append(URLEncoder.encode(e.getKey(), charset))
          .append('=')
          .append(URLEncoder.encode(e.getValue(), charset));
    }
    return query.toString();
  }
}
