package com.payhub.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Known answers from McGrew &amp; Viega, "The Galois/Counter Mode of Operation (GCM)", test cases
 * 13, 14 and 16 (AES-256; 16 is the one with AAD), the vectors NIST SP 800-38D refers to.
 */
class AesGcmCipherTest {

  private static final HexFormat HEX = HexFormat.of();

  private static final byte[] KEY_16 =
      HEX.parseHex("feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308");
  private static final byte[] IV_16 = HEX.parseHex("cafebabefacedbaddecaf888");
  private static final byte[] PLAIN_16 =
      HEX.parseHex(
          "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
              + "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39");
  private static final byte[] AAD_16 = HEX.parseHex("feedfacedeadbeeffeedfacedeadbeefabaddad2");
  private static final String CIPHER_16 =
      "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa"
          + "8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662";
  private static final String TAG_16 = "76fc6ece0f4e1768cddf8853bb2d551b";

  @Test
  void testCase16WithAad() {
    AesGcmCipher gcm = new AesGcmCipher(KEY_16);
    byte[] sealed = gcm.encrypt(IV_16, AAD_16, PLAIN_16);
    assertThat(HEX.formatHex(sealed)).isEqualTo(CIPHER_16 + TAG_16);
    assertThat(gcm.decrypt(IV_16, AAD_16, sealed)).isEqualTo(PLAIN_16);
  }

  @Test
  void testCases13And14WithoutAad() {
    AesGcmCipher gcm = new AesGcmCipher(new byte[32]);
    byte[] iv = new byte[12];
    assertThat(HEX.formatHex(gcm.encrypt(iv, null, new byte[0])))
        .isEqualTo("530f8afbc74536b9a963b4f1c4cb738b");
    assertThat(HEX.formatHex(gcm.encrypt(iv, new byte[0], new byte[16])))
        .isEqualTo("cea7403d4d606b6e074ec5d3baf39d18" + "d0d1c8a799996bf0265b98b5d48ab919");
    assertThat(gcm.decrypt(iv, null, HEX.parseHex("530f8afbc74536b9a963b4f1c4cb738b"))).isEmpty();
  }

  @Test
  void aTagMismatchIsADecryptionFailure() {
    AesGcmCipher gcm = new AesGcmCipher(KEY_16);
    byte[] sealed = HEX.parseHex(CIPHER_16 + TAG_16);
    byte[] badTag = sealed.clone();
    badTag[badTag.length - 1] ^= 1;
    assertThatThrownBy(() -> gcm.decrypt(IV_16, AAD_16, badTag))
        .isInstanceOf(DecryptionFailedException.class)
        .hasMessageContaining("tag");
  }

  @Test
  void tamperedCiphertextAadNonceOrKeyFail() {
    AesGcmCipher gcm = new AesGcmCipher(KEY_16);
    byte[] sealed = HEX.parseHex(CIPHER_16 + TAG_16);
    byte[] badCipher = sealed.clone();
    badCipher[0] ^= 1;
    byte[] badAad = AAD_16.clone();
    badAad[0] ^= 1;
    byte[] badIv = IV_16.clone();
    badIv[11] ^= 1;
    byte[] otherKey = KEY_16.clone();
    otherKey[0] ^= 1;

    assertThatThrownBy(() -> gcm.decrypt(IV_16, AAD_16, badCipher))
        .isInstanceOf(DecryptionFailedException.class);
    assertThatThrownBy(() -> gcm.decrypt(IV_16, badAad, sealed))
        .isInstanceOf(DecryptionFailedException.class);
    assertThatThrownBy(() -> gcm.decrypt(IV_16, null, sealed))
        .isInstanceOf(DecryptionFailedException.class);
    assertThatThrownBy(() -> gcm.decrypt(badIv, AAD_16, sealed))
        .isInstanceOf(DecryptionFailedException.class);
    assertThatThrownBy(() -> new AesGcmCipher(otherKey).decrypt(IV_16, AAD_16, sealed))
        .isInstanceOf(DecryptionFailedException.class);
    assertThatThrownBy(() -> gcm.decrypt(IV_16, AAD_16, Arrays.copyOf(sealed, 15)))
        .isInstanceOf(DecryptionFailedException.class);
    assertThatThrownBy(() -> gcm.decrypt(IV_16, AAD_16, new byte[0]))
        .isInstanceOf(DecryptionFailedException.class);
  }

  /** Regression: these escaped as ProviderException / IllegalArgumentException. */
  @Test
  void missingNonceOrTruncatedInputIsADecryptionFailureNotAProviderError() {
    AesGcmCipher gcm = new AesGcmCipher(KEY_16);
    byte[] sealed = HEX.parseHex(CIPHER_16 + TAG_16);
    assertThatThrownBy(() -> gcm.decrypt(null, AAD_16, sealed))
        .isInstanceOf(DecryptionFailedException.class);
    assertThatThrownBy(() -> gcm.decrypt(new byte[0], AAD_16, sealed))
        .isInstanceOf(DecryptionFailedException.class);
    assertThatThrownBy(() -> gcm.decrypt(IV_16, AAD_16, null))
        .isInstanceOf(DecryptionFailedException.class);
    assertThatThrownBy(() -> gcm.decrypt(IV_16, AAD_16, Arrays.copyOf(sealed, 1)))
        .isInstanceOf(DecryptionFailedException.class);
    // exactly a tag, no ciphertext: authenticates only if the tag is right
    assertThatThrownBy(() -> gcm.decrypt(IV_16, AAD_16, new byte[16]))
        .isInstanceOf(DecryptionFailedException.class);
  }

  @Test
  void refusesKeysOfOtherSizes() {
    assertThatThrownBy(() -> new AesGcmCipher(new byte[31]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("31");
    assertThatThrownBy(() -> new AesGcmCipher(null)).isInstanceOf(IllegalArgumentException.class);
  }
}
