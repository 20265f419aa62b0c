package com.payhub.channel.unionpay;

import static com.payhub.channel.unionpay.UnionPaySignatureException.Reason.CERT_CHAIN_INVALID;
import static com.payhub.channel.unionpay.UnionPaySignatureException.Reason.CERT_EXPIRED;
import static com.payhub.channel.unionpay.UnionPaySignatureException.Reason.CERT_MALFORMED;
import static com.payhub.channel.unionpay.UnionPaySignatureException.Reason.CERT_NOT_YET_VALID;
import static com.payhub.channel.unionpay.UnionPaySignatureException.Reason.CERT_OWNER_MISMATCH;

import com.payhub.crypto.CryptoException;
import com.payhub.crypto.Jca;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * acp {@code CertUtil.verifyCertificate} for a received {@code signPubKeyCert}: its dates against
 * the clock, then the path leaf → middle → root (PKIX, BouncyCastle provider as in the SDK,
 * revocation off as in the SDK, every certificate judged at the same instant), then the owner.
 */
final class UnionPayCertificateCheck {

  /** UnionPay sends the same few signing certificates over and over: remember the checked ones. */
  private static final int CACHE_LIMIT = 64;

  private final UnionPayTrust trust;
  private final Clock clock;
  private final Map<String, Checked> checked = new ConcurrentHashMap<>();

  /**
   * A certificate whose chain and owner passed, and until when that holds (the chain's earliest
   * notAfter).
   */
  private record Checked(X509Certificate certificate, Date validFrom, Date validUntil) {}

  UnionPayCertificateCheck(UnionPayTrust trust, Clock clock) {
    this.trust = trust;
    this.clock = clock;
  }

  /**
   * The checked certificate, whose key may then verify the message. A certificate already checked
   * skips the parsing and the PKIX path check while the whole chain is still within its dates.
   */
  X509Certificate check(String pem) {
    Checked hit = pem == null ? null : checked.get(pem);
    if (hit != null) {
      Date now = Date.from(clock.instant());
      if (!now.before(hit.validFrom()) && !now.after(hit.validUntil())) {
        return hit.certificate();
      }
      checked.remove(pem); // out of its dates: the full check below says why
    }
    X509Certificate cert = checkFully(pem);
    if (checked.size() >= CACHE_LIMIT) {
      checked.clear();
    }
    Date until = cert.getNotAfter();
    for (X509Certificate c : List.of(trust.middle(), trust.root())) {
      until = c.getNotAfter().before(until) ? c.getNotAfter() : until;
    }
    checked.put(pem, new Checked(cert, cert.getNotBefore(), until));
    return cert;
  }

  private X509Certificate checkFully(String pem) {
    X509Certificate cert;
    try {
      cert = UnionPayCertificates.parse(pem);
    } catch (IllegalArgumentException e) {
      throw new UnionPaySignatureException(CERT_MALFORMED, "signPubKeyCert: " + e.getMessage(), e);
    }
    Date now = Date.from(clock.instant());
    String certId = UnionPayCertificates.certId(cert);
    try {
      cert.checkValidity(now);
    } catch (CertificateExpiredException e) {
      throw new UnionPaySignatureException(
          CERT_EXPIRED, "certificate " + certId + " expired " + cert.getNotAfter().toInstant(), e);
    } catch (CertificateNotYetValidException e) {
      throw new UnionPaySignatureException(
          CERT_NOT_YET_VALID,
          "certificate " + certId + " valid from " + cert.getNotBefore().toInstant(),
          e);
    }
    checkChain(cert, certId, now);
    String owner = UnionPayCertificates.owner(cert);
    if (!trust.owners().contains(owner)) {
      throw new UnionPaySignatureException(
          CERT_OWNER_MISMATCH,
          "certificate "
              + certId
              + " names owner '"
              + owner
              + "', expected one of "
              + trust.owners());
    }
    return cert;
  }

  private void checkChain(X509Certificate cert, String certId, Date now) {
    try {
      CertPath path =
          CertificateFactory.getInstance("X.509", Jca.BC)
              .generateCertPath(List.of(cert, trust.middle()));
      PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(trust.root(), null)));
      parameters.setRevocationEnabled(false);
      parameters.setDate(now);
      CertPathValidator.getInstance("PKIX", Jca.BC).validate(path, parameters);
    } catch (CertPathValidatorException | InvalidAlgorithmParameterException e) {
      throw new UnionPaySignatureException(
          CERT_CHAIN_INVALID,
          "certificate "
              + certId
              + " does not chain to the configured middle and root: "
              + e.getMessage(),
          e);
    } catch (GeneralSecurityException e) {
      throw new CryptoException("PKIX validation could not run", e);
    }
  }
}
