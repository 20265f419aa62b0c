package com.payhub.sandbox.alipay;

import com.payhub.crypto.KeyConfig;
import com.payhub.crypto.KeyFiles;
import com.payhub.crypto.SandboxKeys;
import com.payhub.sandbox.SandboxConfig;
import com.payhub.sandbox.SandboxCredentialSource;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Both sides of the sandbox Alipay's keys, generated on first start into the sandbox key folder:
 * the app's key pair (the hub signs with the private key, the sandbox verifies with the
 * certificate, as Alipay holds the app's public key) and the "Alipay" key pair (the sandbox signs
 * answers and notifications, the hub verifies with the certificate). The hub's credentials are
 * named as the adapter's configuration names them ({@code alipay-app}, {@code alipay-platform}).
 */
@Component
@ConditionalOnProperty(name = SandboxConfig.ENABLED, havingValue = "true", matchIfMissing = true)
public class AlipaySandboxKeys implements SandboxCredentialSource {

  private final SandboxKeys keys;
  private final String appCredential;
  private final String platformCredential;
  private volatile KeyPair rogue;

  public AlipaySandboxKeys(
      SandboxKeys payhubSandboxKeys,
      @Value("${payhub.gateways.alipay.app-credential:alipay-app}") String appCredential,
      @Value("${payhub.gateways.alipay.platform-credential:alipay-platform}")
          String platformCredential) {
    this.keys = payhubSandboxKeys;
    this.appCredential = appCredential;
    this.platformCredential = platformCredential;
  }

  @Override
  public List<KeyConfig.CredentialSpec> hubCredentials(SandboxKeys sandbox) {
    SandboxKeys.SandboxFiles app = sandbox.ensure(appCredential);
    SandboxKeys.SandboxFiles platform = sandbox.ensure(platformCredential);
    return List.of(
        // the hub signs with the app's private key
        new KeyConfig.CredentialSpec(appCredential, List.of(app.keySpec())),
        // and holds only Alipay's certificate (public key)
        new KeyConfig.CredentialSpec(
            platformCredential,
            List.of(KeyConfig.KeySpec.certificate(null, platform.certificate()))));
  }

  /** What "Alipay" signs with. */
  PrivateKey platformPrivateKey() {
    return KeyFiles.privateKey(
        "sandbox key " + platformCredential, keys.ensure(platformCredential).privateKey());
  }

  /** What "Alipay" verifies the app's requests with. */
  PublicKey appPublicKey() {
    return KeyFiles.certificates(
            "sandbox certificate " + appCredential, keys.ensure(appCredential).certificate())
        .get(0)
        .getPublicKey();
  }

  /** A key nobody trusts: BAD_SIGNATURE answers are signed with it. */
  PrivateKey rogueKey() {
    KeyPair pair = rogue;
    if (pair == null) {
      synchronized (this) {
        if (rogue == null) {
          try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            rogue = g.generateKeyPair();
          } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no RSA key generator", e);
          }
        }
        pair = rogue;
      }
    }
    return pair.getPrivate();
  }
}
