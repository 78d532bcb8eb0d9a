// Test certificates made in memory with OpenSSL: CAs, station certificates they issue, an expired and a
// revoked certificate with a CRL listing it, all as PEM. For the tests of every layer that signs or verifies
// mail.
#pragma once

#include <string>
#include <vector>

#include "ims2/datetime.hpp"

namespace imsgate::mail::test {

enum class KeyAlgorithm { ec_p256, rsa2048 };

struct Credential {
  std::string certificate_pem;
  std::string key_pem;  // PKCS #8, unencrypted
};

struct CertificateSpec {
  std::string common_name;
  std::string email;  // a subjectAltName rfc822Name when not empty
  bool authority = false;
  long serial = 1;
  ims2::TimePoint not_before{};
  ims2::TimePoint not_after{};
  KeyAlgorithm algorithm = KeyAlgorithm::ec_p256;
};

// A new key and its certificate, signed by the issuer (self-signed without one). Throws std::runtime_error
// when OpenSSL fails.
Credential issue_certificate(const CertificateSpec& spec, const Credential* issuer = nullptr);

// The issuer's CRL (PEM) listing the given certificates (PEM) as revoked.
std::string issue_crl(const Credential& issuer, const std::vector<std::string>& revoked_certificate_pems,
                      ims2::TimePoint this_update, ims2::TimePoint next_update);

// A small PKI around `made`. Every certificate is valid from a day before `made` to a year after it, except
// `expired`, which ended a day before it.
struct TestPki {
  ims2::TimePoint made{};
  Credential ca;        // "imsgate test CA"
  Credential station;   // issued by ca, e-mail station@example.org
  Credential other_ca;  // a CA that the tests do not trust
  Credential stranger;  // issued by other_ca, e-mail stranger@example.org
  Credential expired;   // issued by ca
  Credential revoked;   // issued by ca, listed in crl
  std::string crl;      // ca's CRL, valid for a week around `made`
};

TestPki make_test_pki(KeyAlgorithm algorithm = KeyAlgorithm::ec_p256);

}  // namespace imsgate::mail::test
