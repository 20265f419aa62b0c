package com.payhub.channel.alipay;

import com.payhub.channel.alipay.AlipaySignatureException.Reason;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns decoded form pairs (in arrival order) into the map the signing rules take. A name that
 * arrives twice is refused: the SDK's map-based rules cannot say which value was signed, and
 * joining them with commas (as Alipay's servlet demo does) would let a sender add a pair.
 */
public final class AlipayFormFields {

  private AlipayFormFields() {}

  public static Map<String, String> of(List<Map.Entry<String, String>> pairs) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (Map.Entry<String, String> pair : pairs) {
      if (fields.containsKey(pair.getKey())) {
        throw new AlipaySignatureException(
            Reason.DUPLICATE_PARAMETER, "the form field '" + pair.getKey() + "' appears twice");
      }
      fields.put(pair.getKey(), pair.getValue());
    }
    return Collections.unmodifiableMap(fields);
  }
}
