package com.payhub.channel.unionpay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.payhub.channel.unionpay.UnionPayTestPki.Algorithm;
import com.payhub.channel.unionpay.UnionPayTestPki.Issued;
import com.payhub.channel.unionpay.UnionPayTestPki.Pki;
import com.payhub.crypto.DecryptionFailedException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Cipher;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Sensitive fields. RSA PKCS#1 v1.5 encryption is randomised, so the oracle is decryption with a
 * plain JCA {@link Cipher}. The PIN block vectors were derived by hand from ISO 9564-1 format 0
 * ({@code 0|len|PIN|F…} XOR {@code 0000|12 rightmost PAN digits without the check digit}), the same
 * construction as acp {@code SecureUtil.pin2PinBlockWithCardNO}.
 */
class UnionPaySensitiveFieldsTest {

  static Issued encryption;
  static UnionPaySensitiveFields merchant;
  static UnionPaySensitiveFields sandbox;

  @BeforeAll
  static void keys() {
    encryption =
        Pki.create(Algorithm.RSA)
            .leaf("041@Z12@中国银联股份有限公司@00000063", UnionPayTestPki.BIG_SERIAL, -30, 365);
    merchant = UnionPaySensitiveFields.encryptingFor(encryption.cert());
    sandbox = UnionPaySensitiveFields.withPrivateKey(encryption.cert(), encryption.key());
  }

  @Test
  void accNoIsRsaPkcs1Base64AndEncryptCertIdIsTheDecimalSerial() throws Exception {
    String encrypted = merchant.encrypt("6216261000000000018");
    byte[] raw = Base64.getDecoder().decode(encrypted);
    assertThat(raw).hasSize(256);
    assertThat(new String(jcaDecrypt(raw), StandardCharsets.UTF_8))
        .isEqualTo("6216261000000000018");
    assertThat(sandbox.decrypt(encrypted)).isEqualTo("6216261000000000018");
    assertThat(merchant.encryptCertId())
        .isEqualTo(encryption.cert().getSerialNumber().toString())
        .isEqualTo("18446744073709563961");
  }

  @ParameterizedTest
  @CsvSource({
    "1234, 4111111111111111, 041225EEEEEEEEEE",
    "12345, 6225880000000001, 05126CDFFFFFFFFF",
    "123456, 6216261000000000018, 06122456FFFFFFFE"
  })
  void pinIsAnEncryptedFormat0PinBlock(String pin, String accNo, String block) throws Exception {
    assertThat(UnionPayPinBlock.encode(pin, accNo)).isEqualTo(HexFormat.of().parseHex(block));
    String encrypted = merchant.encryptPin(pin, accNo);
    assertThat(
            HexFormat.of()
                .withUpperCase()
                .formatHex(jcaDecrypt(Base64.getDecoder().decode(encrypted))))
        .isEqualTo(block);
    assertThat(sandbox.decryptPin(encrypted, accNo)).isEqualTo(pin);
  }

  @Test
  void badInputIsRefused() {
    assertThatThrownBy(() -> merchant.encryptPin("12a4", "4111111111111111"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> merchant.decrypt(merchant.encrypt("x")))
        .hasMessageContaining("no private key");
    assertThatThrownBy(() -> sandbox.decrypt("not base64!"))
        .isInstanceOf(DecryptionFailedException.class);
    assertThatThrownBy(() -> sandbox.decrypt(Base64.getEncoder().encodeToString(new byte[256])))
        .isInstanceOf(DecryptionFailedException.class);
    String pin = merchant.encryptPin("123456", "4111111111111111");
    assertThatThrownBy(() -> sandbox.decryptPin(pin, "6225880000000001"))
        .isInstanceOf(DecryptionFailedException.class);
  }

  @Test
  void customerInfoEncryptsPhoneCvn2AndExpiryIntoEncryptedInfo() throws Exception {
    Map<String, String> info = new LinkedHashMap<>();
    info.put("certifTp", "01");
    info.put("certifId", "341126197709218366");
    info.put("customerNm", "互联网");
    info.put("phoneNo", "13552535506");
    info.put("cvn2", "123");
    info.put("expired", "2911");
    info.put("smsCode", "111111");
    String encoded = UnionPayCustomerInfo.encode(info, null, merchant);

    String text = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
    String prefix =
        "{certifTp=01&certifId=341126197709218366&customerNm=互联网&smsCode=111111&encryptedInfo=";
    assertThat(text).startsWith(prefix).endsWith("}");
    String encryptedInfo = text.substring(prefix.length(), text.length() - 1);
    assertThat(
            new String(
                jcaDecrypt(Base64.getDecoder().decode(encryptedInfo)), StandardCharsets.UTF_8))
        .isEqualTo("phoneNo=13552535506&cvn2=123&expired=2911");

    assertThat(UnionPayCustomerInfo.decode(encoded, sandbox)).isEqualTo(info);
  }

  @Test
  void customerInfoWithoutSensitiveFieldsIsPlainAndTheKnownBase64() {
    Map<String, String> info = new LinkedHashMap<>();
    info.put("certifTp", "01");
    info.put("customerNm", "张三");
    String expected =
        Base64.getEncoder()
            .encodeToString("{certifTp=01&customerNm=张三}".getBytes(StandardCharsets.UTF_8));
    assertThat(UnionPayCustomerInfo.encode(info, null, merchant)).isEqualTo(expected);
    assertThat(UnionPayCustomerInfo.decode(expected, null)).isEqualTo(info);
  }

  @Test
  void customerInfoPinIsAnEncryptedPinBlockThatNeedsTheCardNumber() {
    Map<String, String> info = new LinkedHashMap<>();
    info.put("pin", "123456");
    info.put("phoneNo", "13552535506");
    String encoded = UnionPayCustomerInfo.encode(info, "6216261000000000018", merchant);
    Map<String, String> decoded = UnionPayCustomerInfo.decode(encoded, sandbox);
    assertThat(decoded).containsEntry("phoneNo", "13552535506").containsKey("pin");
    assertThat(sandbox.decryptPin(decoded.get("pin"), "6216261000000000018")).isEqualTo("123456");

    assertThatThrownBy(() -> UnionPayCustomerInfo.encode(info, " ", merchant))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> UnionPayCustomerInfo.encode(Map.of(), null, merchant))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void parsingKeepsAmpersandsInsideBracesAndBracketsLikeParseQString() {
    assertThat(UnionPayCustomerInfo.parse("a={x=1&y=2}&b=[1&2]&c=3&d"))
        .containsExactly(
            Map.entry("a", "{x=1&y=2}"),
            Map.entry("b", "[1&2]"),
            Map.entry("c", "3"),
            Map.entry("d", ""));
    assertThat(UnionPayCustomerInfo.parse("")).isEmpty();
    assertThatThrownBy(() -> UnionPayCustomerInfo.parse("=1"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static byte[] jcaDecrypt(byte[] ciphertext) throws Exception {
    Cipher c = Cipher.getInstance("RSA/ECB/PKCS1Padding");
    c.init(Cipher.DECRYPT_MODE, encryption.key());
    return c.doFinal(ciphertext);
  }
}
