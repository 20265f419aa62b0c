package com.payhub.sandbox;

import com.payhub.crypto.KeyConfig;
import com.payhub.crypto.SandboxKeys;
import java.util.List;

/**
 * A sandbox channel's side of the key exchange: the credentials the hub needs to talk to it (the
 * hub's own channel keys and the channel's public keys), generated with {@code keys} on first use.
 * The hub's key ring takes every credential whose id is not configured under {@code
 * payhub.credentials}; configured keys always win.
 */
public interface SandboxCredentialSource {

  List<KeyConfig.CredentialSpec> hubCredentials(SandboxKeys keys);
}
