package com.payhub.channel.unionpay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * acp answers are raw {@code k=v&…}: base64 {@code +}/{@code =}, PEM line breaks and Chinese stay
 * as they are, and {@code &} inside {@code {…}}/{@code […]} does not split (acp {@code
 * SDKUtil.parseQString}).
 */
class UnionPayResponseTextTest {

  @Test
  void rawValuesSurviveARoundTrip() {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("respMsg", "成功[0000000]");
    f.put("signature", "ab+c/d==");
    f.put("signPubKeyCert", "-----BEGIN CERTIFICATE-----\r\nMIIB+/==\r\n-----END CERTIFICATE-----");
    f.put("reserved", "{a=1&b=2}");
    f.put("empty", "");
    assertThat(UnionPayResponseText.parse(UnionPayResponseText.format(f))).isEqualTo(f);
  }

  @Test
  void bracesAroundTheWholeBodyAreDropped() {
    assertThat(UnionPayResponseText.parse("{respCode=00&respMsg=ok}"))
        .containsEntry("respCode", "00")
        .containsEntry("respMsg", "ok");
  }

  @Test
  void aRepeatedFieldIsRefused() {
    assertThatThrownBy(() -> UnionPayResponseText.parse("respCode=00&respCode=11"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
