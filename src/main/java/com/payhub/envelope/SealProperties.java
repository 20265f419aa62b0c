package com.payhub.envelope;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The hub seal (DESIGN.md steps 5 and 7): a PKCS#12 keystore holding the EC signing keys (one alias
 * per key id) and the AES-256 keys for sensitive fields.
 *
 * @param keystore the PKCS#12 file; generated with fresh keys on first start when {@code
 *     generateIfMissing} is set (the local default), required otherwise
 * @param passwordFile a file whose first line is the keystore password (a mounted Secret)
 * @param signingKeyId the alias new seals are signed with; older aliases still verify
 * @param fieldKeyId the alias of the AES key new sensitive fields are encrypted with
 * @param sensitiveAttributes order attributes that never sit on a queue in clear text
 * @param generateIfMissing create the keystore and password file when absent (sandbox only)
 */
@Validated
@ConfigurationProperties("payhub.seal")
public record SealProperties(
    @NotNull Path keystore,
    @NotNull Path passwordFile,
    @NotBlank String signingKeyId,
    @NotBlank String fieldKeyId,
    @NotNull Set<String> sensitiveAttributes,
    boolean generateIfMissing) {}
