package com.payhub.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CredentialTest {

  private static KeyEntry secret(String id) {
    return new KeyEntry(id, null, null, null, new byte[] {1, 2, 3});
  }

  @Test
  void theFirstKeyIsCurrentAndAnyIsFoundById() {
    Credential c = new Credential("merchant-M1", List.of(secret("new"), secret("old")));
    assertThat(c.current().keyId()).isEqualTo("new");
    assertThat(c.key("old")).get().extracting(KeyEntry::keyId).isEqualTo("old");
    assertThat(c.key("gone")).isEmpty();
    assertThat(c.key(null)).isEmpty();
  }

  /** Regression: a key without an id made every lookup past it throw NullPointerException. */
  @Test
  void aKeyWithoutAnIdDoesNotBreakLookups() {
    Credential c = new Credential("hub-seal", List.of(secret(null), secret("k2")));
    assertThat(c.key("k2")).isPresent();
    assertThat(c.key("k3")).isEmpty();
  }

  @Test
  void refusesNoKeysAndNeverPrintsKeyMaterial() {
    assertThatThrownBy(() -> new Credential("x", List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'x'");
    KeyEntry entry = new KeyEntry("k1", Fixtures.rsaPrivate(), Fixtures.rsaPublic(), null, null);
    assertThat(new Credential("x", List.of(entry)).toString())
        .contains("k1", "private", "public")
        .doesNotContain(
            ((java.security.interfaces.RSAPrivateCrtKey) Fixtures.rsaPrivate())
                .getPrivateExponent()
                .toString(16)
                .substring(0, 32));
  }
}
