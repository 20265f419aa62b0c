package com.payhub.crypto;

/** Where credentials come from; implementations may reload them while the hub runs. */
public interface KeyRing {

  /**
   * @throws KeyNotFoundException when no credential has this id
   */
  Credential credential(String id);
}
