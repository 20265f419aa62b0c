package com.payhub.channel.unionpay;

import java.util.HexFormat;

/**
 * ISO 9564 format 0 (ANSI X9.8) PIN block, as acp {@code SecureUtil.pin2PinBlockWithCardNO} builds
 * it before RSA encryption: {@code 0 | PIN length | PIN digits | F padding} XOR {@code 0000 | the
 * 12 rightmost PAN digits without the check digit}.
 */
final class UnionPayPinBlock {

  private UnionPayPinBlock() {}

  static byte[] encode(String pin, String accNo) {
    if (pin == null || !pin.matches("\\d{4,12}")) {
      throw new IllegalArgumentException("a PIN is 4 to 12 digits");
    }
    String pinField = String.format("0%X%s", pin.length(), pin);
    pinField = pinField + "F".repeat(16 - pinField.length());
    return xor(HexFormat.of().parseHex(pinField), panField(accNo));
  }

  static String decode(byte[] block, String accNo) {
    if (block == null || block.length != 8) {
      throw new IllegalArgumentException("a PIN block is 8 bytes");
    }
    String pinField = HexFormat.of().withUpperCase().formatHex(xor(block, panField(accNo)));
    int length = Character.digit(pinField.charAt(1), 16);
    if (pinField.charAt(0) != '0' || length < 4 || length > 12) {
      throw new IllegalArgumentException("not a format 0 PIN block for this card number");
    }
    String pin = pinField.substring(2, 2 + length);
    if (!pin.matches("\\d+") || !pinField.substring(2 + length).matches("F*")) {
      throw new IllegalArgumentException("not a format 0 PIN block for this card number");
    }
    return pin;
  }

  private static byte[] panField(String accNo) {
    if (accNo == null || !accNo.matches("\\d{11,19}")) {
      throw new IllegalArgumentException("a card number is 11 to 19 digits");
    }
    String withoutCheckDigit = accNo.substring(0, accNo.length() - 1);
    String twelve = "0".repeat(Math.max(0, 12 - withoutCheckDigit.length())) + withoutCheckDigit;
    return HexFormat.of().parseHex("0000" + twelve.substring(twelve.length() - 12));
  }

  private static byte[] xor(byte[] a, byte[] b) {
    byte[] out = new byte[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = (byte) (a[i] ^ b[i]);
    }
    return out;
  }
}
