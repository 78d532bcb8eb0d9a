// S/MIME (2.4): detached PKCS #7 / CMS signatures checked with OpenSSL against trusted certificates and
// CRLs, and signing for the messages we send and for tests.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <tl/expected.hpp>

#include "ims2/datetime.hpp"

namespace imsgate::mail {

// Why a signature is refused; `none` when it verifies.
enum class SignatureFault {
  none,
  malformed,       // the signature is not CMS, or names no signer
  tampered,        // the content does not match the signature
  unknown_signer,  // the signer's certificate does not chain to a trusted certificate
  expired,         // the signer's certificate (or an issuer) is outside its validity at the checking time
  revoked,         // a CRL of the issuer lists the signer's certificate
};
std::string_view fault_code(SignatureFault fault);  // "malformed", "tampered", ... ("" for none)

struct CertificateInfo {
  std::string fingerprint;  // SHA-256 of the DER, lower-case hex
  std::string subject;      // one line, RFC 2253
  std::string issuer;
  std::vector<std::string> emails;  // subjectAltName rfc822 names and the subject's emailAddress
  ims2::TimePoint not_before{};
  ims2::TimePoint not_after{};
  bool authority = false;  // basicConstraints CA:TRUE
  std::string pem;
};

// Every certificate of a PEM text (one or more), or an error naming what could not be read.
tl::expected<std::vector<CertificateInfo>, std::string> read_certificates(std::string_view pem);

// The first CRL of a PEM text (or the CRL of a DER): its issuer, its validity, and itself as PEM.
struct CrlInfo {
  std::string issuer;  // one line, RFC 2253
  ims2::TimePoint this_update{};
  ims2::TimePoint next_update{};  // the epoch when the CRL gives none
  std::string pem;
};
tl::expected<CrlInfo, std::string> read_crl(std::string_view pem_or_der);

struct Verification {
  SignatureFault fault = SignatureFault::none;
  std::string detail;      // OpenSSL's reason, for the diagnostics
  CertificateInfo signer;  // filled whenever the signer's certificate could be found
};

// What signatures are checked against: trusted certificates (CAs, or self-signed station certificates) and
// CRLs. Built once and shared by threads (read-only after construction).
class TrustStore {
 public:
  TrustStore();
  ~TrustStore();
  TrustStore(TrustStore&&) noexcept;
  TrustStore& operator=(TrustStore&&) noexcept;
  tl::expected<void, std::string> add_certificates(std::string_view pem);
  tl::expected<void, std::string> add_crl(std::string_view pem_or_der);
  // Checks a detached signature over content at the given time. Revocation is checked for every certificate
  // whose issuer has a CRL in the store; a missing CRL is not a fault.
  Verification verify(std::string_view content, std::string_view signature_der, ims2::TimePoint at) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// A whole multipart/signed message (headers included, CRLF lines) signing `body` (text/plain) with the
// certificate and key (PEM). Headers are written as given ("From", "To", "Subject"; Date and Message-ID are
// added).
struct Envelope {
  std::string from;
  std::string to;
  std::string subject;
};
tl::expected<std::string, std::string> sign_message(const Envelope& envelope, std::string_view body,
                                                    std::string_view certificate_pem,
                                                    std::string_view key_pem);

// The same message unsigned: text/plain, 7bit or quoted-printable as needed.
std::string plain_message(const Envelope& envelope, std::string_view body);

}  // namespace imsgate::mail
