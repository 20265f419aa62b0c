package com.payhub.channel.unionpay;

import java.security.cert.X509Certificate;
import java.util.Objects;
import java.util.Set;

/**
 * What a {@code signPubKeyCert} must chain to and whom it must name: UnionPay's root certificate
 * (the trust anchor), its middle (intermediate) certificate, and the accepted owners (see {@link
 * UnionPayCertificates#owner}).
 */
public record UnionPayTrust(X509Certificate root, X509Certificate middle, Set<String> owners) {

  /** The owner in UnionPay's production signing certificates. */
  public static final String UNIONPAY_OWNER = "中国银联股份有限公司";

  /** The owner in UnionPay's test-environment signing certificate. */
  public static final String TEST_ENVIRONMENT_OWNER = "00040000:SIGN";

  public UnionPayTrust {
    Objects.requireNonNull(root, "UnionPay root certificate (acpsdk.rootCert) is not configured");
    Objects.requireNonNull(
        middle, "UnionPay middle certificate (acpsdk.middleCert) is not configured");
    owners = Set.copyOf(Objects.requireNonNull(owners, "accepted certificate owners are null"));
    if (owners.isEmpty() || owners.stream().anyMatch(String::isBlank)) {
      throw new IllegalArgumentException("accepted certificate owners must be non-blank names");
    }
  }

  /** Production: only {@value #UNIONPAY_OWNER} (acp {@code ifValidateCNName=true}). */
  public static UnionPayTrust production(X509Certificate root, X509Certificate middle) {
    return new UnionPayTrust(root, middle, Set.of(UNIONPAY_OWNER));
  }

  /**
   * Test environment: also {@value #TEST_ENVIRONMENT_OWNER} (acp {@code ifValidateCNName=false}).
   */
  public static UnionPayTrust testEnvironment(X509Certificate root, X509Certificate middle) {
    return new UnionPayTrust(root, middle, Set.of(UNIONPAY_OWNER, TEST_ENVIRONMENT_OWNER));
  }
}
