package com.payhub.channel.unionpay;

import java.io.IOException;
import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.util.BigIntegers;

/**
 * UnionPay's GM SDK sends SM2 signatures as r||s (32 + 32 bytes); JCA speaks DER. Only the encoding
 * changes here, the signature itself comes from {@link com.payhub.crypto.JcaSigner}.
 */
final class Sm2PlainSignature {

  private static final int HALF = 32;

  private Sm2PlainSignature() {}

  static byte[] fromDer(byte[] der) {
    ASN1Sequence seq = ASN1Sequence.getInstance(der);
    byte[] plain = new byte[2 * HALF];
    copy(ASN1Integer.getInstance(seq.getObjectAt(0)).getValue(), plain, 0);
    copy(ASN1Integer.getInstance(seq.getObjectAt(1)).getValue(), plain, HALF);
    return plain;
  }

  /** The DER form, or null when {@code plain} is not 64 bytes (then it cannot be valid). */
  static byte[] toDer(byte[] plain) {
    if (plain == null || plain.length != 2 * HALF) {
      return null;
    }
    BigInteger r = new BigInteger(1, Arrays.copyOfRange(plain, 0, HALF));
    BigInteger s = new BigInteger(1, Arrays.copyOfRange(plain, HALF, 2 * HALF));
    try {
      return new DERSequence(new ASN1Encodable[] {new ASN1Integer(r), new ASN1Integer(s)})
          .getEncoded(ASN1Encoding.DER);
    } catch (IOException e) {
      throw new IllegalStateException("DER encoding of two integers failed", e);
    }
  }

  private static void copy(BigInteger value, byte[] target, int offset) {
    System.arraycopy(BigIntegers.asUnsignedByteArray(HALF, value), 0, target, offset, HALF);
  }
}
