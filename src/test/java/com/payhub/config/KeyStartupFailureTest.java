package com.payhub.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.payhub.PayHubApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * A missing or wrong key file stops start-up with a sentence naming the property and the path,
 * before the broker or any route starts.
 */
class KeyStartupFailureTest {

  @TempDir Path dir;

  @Test
  void aMissingCertificateFileStopsStartUpNamingPropertyAndPath() {
    Path missing = dir.resolve("no-such-cert.pem");
    assertThatThrownBy(
            () -> start("payhub.credentials[merchant-m100001].keys[0].certificate=" + missing))
        .hasStackTraceContaining("payhub.credentials")
        .hasStackTraceContaining(missing.toString());
  }

  @Test
  void aFileOfTheWrongTypeStopsStartUpNamingPropertyAndPath() throws Exception {
    Path notACert =
        Files.writeString(dir.resolve("secret.txt"), "just some text, not a certificate\n");
    assertThatThrownBy(
            () -> start("payhub.credentials[merchant-m100001].keys[0].certificate=" + notACert))
        .hasStackTraceContaining("payhub.credentials")
        .hasStackTraceContaining(notACert.toString());
  }

  @Test
  void aMissingSealKeystoreStopsStartUpWhenItMayNotBeGenerated() {
    Path missing = dir.resolve("seal.p12");
    assertThatThrownBy(
            () -> start("payhub.seal.keystore=" + missing, "payhub.seal.generate-if-missing=false"))
        .hasStackTraceContaining("payhub.seal.keystore")
        .hasStackTraceContaining(missing.toString());
  }

  private void start(String... properties) {
    // command-line arguments, as ops would pass them: they override application.yaml
    java.util.List<String> args = new java.util.ArrayList<>();
    for (String p : properties) {
      args.add("--" + p);
    }
    args.add("--payhub.data-dir=" + dir);
    args.add("--server.port=0");
    args.add("--payhub.broker.tcp-acceptor=");
    args.add("--spring.artemis.embedded.server-id=42");
    new SpringApplicationBuilder(PayHubApplication.class).run(args.toArray(String[]::new)).close();
  }
}
