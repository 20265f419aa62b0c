package com.payhub.sandbox.wechatpay;

import com.payhub.channel.wechatpay.WechatPayResponseSigner;
import com.payhub.channel.wechatpay.WechatPaySerials;
import com.payhub.crypto.JcaSigner;
import com.payhub.crypto.KeyConfig;
import com.payhub.crypto.KeyFiles;
import com.payhub.crypto.RsaHash;
import com.payhub.crypto.SandboxKeys;
import com.payhub.sandbox.SandboxConfig;
import com.payhub.sandbox.SandboxCredentialSource;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The sandbox WeChat Pay's keys, generated on first use into the sandbox key folder: the hub's
 * merchant key and certificate ({@value #MERCHANT}; the sandbox verifies the hub with the
 * certificate, the hub signs with the key), the platform key ({@value #PLATFORM}; the sandbox signs
 * answers and notifications, the hub gets the certificate), the 32-character API v3 key ({@value
 * #API_V3_KEY}) and a key nobody trusts for BAD_SIGNATURE ({@value #STRANGER}). As the hub's key
 * source it hands out the credentials named by {@code payhub.gateways.wechatpay.*-credential}.
 */
@Component
@ConditionalOnProperty(name = SandboxConfig.ENABLED, havingValue = "true", matchIfMissing = true)
public class WechatPaySandboxKeys implements SandboxCredentialSource {

  static final String MERCHANT = "wechatpay-merchant";
  static final String PLATFORM = "wechatpay-platform";
  static final String API_V3_KEY = "wechatpay-apiv3";
  static final String STRANGER = "wechatpay-stranger";

  private final SandboxKeys keys;
  private final String merchantCredential;
  private final String platformCredential;

  public WechatPaySandboxKeys(
      SandboxKeys keys,
      @Value("${payhub.gateways.wechatpay.merchant-credential:wechatpay-merchant}")
          String merchantCredential,
      @Value("${payhub.gateways.wechatpay.platform-credential:wechatpay-platform}")
          String platformCredential) {
    this.keys = keys;
    this.merchantCredential = merchantCredential;
    this.platformCredential = platformCredential;
  }

  @Override
  public List<KeyConfig.CredentialSpec> hubCredentials(SandboxKeys sandbox) {
    return List.of(
        new KeyConfig.CredentialSpec(
            merchantCredential, List.of(sandbox.ensure(MERCHANT).keySpec())),
        new KeyConfig.CredentialSpec(
            platformCredential,
            List.of(
                KeyConfig.KeySpec.certificate(null, sandbox.ensure(PLATFORM).certificate()),
                KeyConfig.KeySpec.secret("api-v3-key", sandbox.ensureSecret(API_V3_KEY, 32)))));
  }

  /** Signs as WeChat Pay does, with the platform key and its certificate serial. */
  WechatPayResponseSigner platformSigner() {
    return loaded().platform();
  }

  /** Names the platform serial but signs with a key the hub does not hold (BAD_SIGNATURE). */
  WechatPayResponseSigner strangerSigner() {
    return loaded().stranger();
  }

  /** The hub's merchant public key, when {@code serialNo} names its certificate. */
  Optional<PublicKey> merchantKey(String serialNo) {
    X509Certificate cert = loaded().merchant();
    return WechatPaySerials.matches(WechatPaySerials.of(cert), serialNo)
        ? Optional.of(cert.getPublicKey())
        : Optional.empty();
  }

  /** The API v3 key that encrypts notification resources. */
  byte[] apiV3Key() {
    return loaded().apiV3Key().clone();
  }

  // read once: the sandbox's files do not change while it runs
  private record Loaded(
      WechatPayResponseSigner platform,
      WechatPayResponseSigner stranger,
      X509Certificate merchant,
      byte[] apiV3Key) {}

  private volatile Loaded loaded;

  private Loaded loaded() {
    Loaded l = loaded;
    if (l == null) {
      synchronized (this) {
        if (loaded == null) {
          loaded =
              new Loaded(
                  signer(PLATFORM, PLATFORM),
                  signer(STRANGER, PLATFORM),
                  certificate(MERCHANT),
                  KeyFiles.secret("sandbox " + API_V3_KEY, keys.ensureSecret(API_V3_KEY, 32)));
        }
        l = loaded;
      }
    }
    return l;
  }

  private WechatPayResponseSigner signer(String keyName, String serialOf) {
    SandboxKeys.SandboxFiles files = keys.ensure(keyName);
    return new WechatPayResponseSigner(
        WechatPaySerials.of(certificate(serialOf)),
        JcaSigner.rsa(
            RsaHash.SHA256, KeyFiles.privateKey("sandbox " + keyName, files.privateKey())),
        Clock.systemUTC());
  }

  private X509Certificate certificate(String name) {
    return KeyFiles.certificates("sandbox " + name, keys.ensure(name).certificate()).get(0);
  }
}
