package com.payhub.channel.wechatpay;

import static com.payhub.channel.wechatpay.WechatPayTestKeys.PLATFORM;
import static com.payhub.channel.wechatpay.WechatPayTestKeys.PLATFORM_PUBKEY;
import static com.payhub.channel.wechatpay.WechatPayTestKeys.STRANGER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.payhub.crypto.DecryptionFailedException;
import org.junit.jupiter.api.Test;

class WechatPaySensitiveFieldTest {

  @Test
  void roundTripWithCertificateSerial() {
    WechatPaySensitiveField field = new WechatPaySensitiveField(PLATFORM.publicEntry());
    WechatPaySensitiveField.Encrypted e = field.encrypt("张三");
    assertThat(e.wechatpaySerial()).isEqualTo("5157F09EFDC096DE15EBE81A47057A7232F1B8E1");
    assertThat(field.wechatpaySerial()).isEqualTo(e.wechatpaySerial());
    assertThat(e.ciphertext()).doesNotContain("张三");
    assertThat(WechatPaySensitiveField.decrypt(PLATFORM.pair().getPrivate(), e.ciphertext()))
        .isEqualTo("张三");
  }

  @Test
  void oaepIsRandomised() {
    WechatPaySensitiveField field = new WechatPaySensitiveField(PLATFORM.publicEntry());
    assertThat(field.encrypt("13800138000").ciphertext())
        .isNotEqualTo(field.encrypt("13800138000").ciphertext());
  }

  @Test
  void publicKeyIdModeNamesThePublicKeyId() {
    WechatPaySensitiveField field = new WechatPaySensitiveField(PLATFORM_PUBKEY.publicEntry());
    WechatPaySensitiveField.Encrypted e = field.encrypt("110101199003071234");
    assertThat(e.wechatpaySerial()).isEqualTo(PLATFORM_PUBKEY.keyId());
    assertThat(WechatPaySensitiveField.decrypt(PLATFORM_PUBKEY.pair().getPrivate(), e.ciphertext()))
        .isEqualTo("110101199003071234");
  }

  @Test
  void wrongKeyOrGarbageDoesNotDecrypt() {
    String c = new WechatPaySensitiveField(PLATFORM.publicEntry()).encrypt("x").ciphertext();
    assertThatThrownBy(() -> WechatPaySensitiveField.decrypt(STRANGER.pair().getPrivate(), c))
        .isInstanceOf(DecryptionFailedException.class);
    assertThatThrownBy(() -> WechatPaySensitiveField.decrypt(PLATFORM.pair().getPrivate(), "%%"))
        .isInstanceOf(DecryptionFailedException.class);
  }
}
