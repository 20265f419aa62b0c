package com.payhub.crypto;

import java.util.List;
import java.util.Optional;

/**
 * A named set of keys for one party (a merchant, a channel account, the hub seal). Several keys
 * allow rotation: the first is used for signing, any of them verifies when picked by its id.
 */
public record Credential(String id, List<KeyEntry> keys) {

  public Credential {
    keys = List.copyOf(keys);
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("credential '" + id + "' has no keys");
    }
  }

  /** The key new signatures are made with. */
  public KeyEntry current() {
    return keys.get(0);
  }

  public Optional<KeyEntry> key(String keyId) {
    // a key built without an id must not make the lookup of the others throw
    return keys.stream().filter(k -> keyId != null && keyId.equals(k.keyId())).findFirst();
  }
}
