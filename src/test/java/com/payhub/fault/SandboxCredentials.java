package com.payhub.fault;

import com.payhub.crypto.KeyConfig;
import com.payhub.crypto.SandboxKeys;
import com.payhub.sandbox.alipay.AlipaySandboxKeys;
import com.payhub.sandbox.unionpay.UnionPaySandboxKeys;
import com.payhub.sandbox.wechatpay.WechatPaySandboxKeys;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * How the hub and the standalone sandbox come to trust each other. Both read the sandbox keys in
 * {@code <data-dir>/keys/sandbox}: the sandbox generates what is missing on first use, and a hub
 * with its own sandbox channels on takes the channel credentials from the same classes. The hub in
 * the fault tests runs with its sandbox off ({@code payhub.sandbox.channels.enabled=false}), as a
 * deployed hub talks to a channel it does not serve; so the keys are generated here, once, before
 * either process starts, and the hub is given them as configured credentials ({@code
 * payhub.credentials[<id>].keys[i].*}), exactly the specs its own sandbox would have added.
 */
final class SandboxCredentials {

  private SandboxCredentials() {}

  /** Generates the channel keys into the data folder; the hub's arguments that name them. */
  static List<String> hubArguments(Path dataDir) {
    SandboxKeys keys = new SandboxKeys(dataDir.resolve("keys").resolve("sandbox"));
    List<KeyConfig.CredentialSpec> specs =
        Stream.of(
                new AlipaySandboxKeys(keys, "alipay-app", "alipay-platform").hubCredentials(keys),
                new WechatPaySandboxKeys(keys, "wechatpay-merchant", "wechatpay-platform")
                    .hubCredentials(keys),
                new UnionPaySandboxKeys(keys).hubCredentials(keys))
            .flatMap(List::stream)
            .toList();
    List<String> args = new ArrayList<>();
    for (KeyConfig.CredentialSpec spec : specs) {
      for (int i = 0; i < spec.keys().size(); i++) {
        KeyConfig.KeySpec k = spec.keys().get(i);
        String prefix = "--payhub.credentials[" + spec.id() + "].keys[" + i + "].";
        add(args, prefix + "key-id", k.keyId());
        add(args, prefix + "private-key", k.privateKey());
        add(args, prefix + "public-key", k.publicKey());
        add(args, prefix + "certificate", k.certificate());
        add(args, prefix + "pkcs12", k.pkcs12());
        add(args, prefix + "pkcs12-password-file", k.pkcs12PasswordFile());
        add(args, prefix + "pkcs12-alias", k.pkcs12Alias());
        add(args, prefix + "secret", k.secret());
      }
    }
    return args;
  }

  private static void add(List<String> args, String name, Object value) {
    if (value != null) {
      args.add(name + "=" + value);
    }
  }
}
