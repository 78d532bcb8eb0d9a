#include "mail/test_pki.hpp"

#include <chrono>
#include <memory>
#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <stdexcept>

namespace imsgate::mail::test {
namespace {

template <auto Free>
struct Deleter {
  template <typename T>
  void operator()(T* object) const {
    Free(object);
  }
};
using BioPtr = std::unique_ptr<BIO, Deleter<BIO_free_all>>;
using X509Ptr = std::unique_ptr<X509, Deleter<X509_free>>;
using CrlPtr = std::unique_ptr<X509_CRL, Deleter<X509_CRL_free>>;
using KeyPtr = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY_free>>;
using TimePtr = std::unique_ptr<ASN1_TIME, Deleter<ASN1_TIME_free>>;
using ExtensionPtr = std::unique_ptr<X509_EXTENSION, Deleter<X509_EXTENSION_free>>;

void check(bool ok, const char* what) {
  if (ok) return;
  char reason[256] = "";
  ERR_error_string_n(ERR_get_error(), reason, sizeof reason);
  ERR_clear_error();
  throw std::runtime_error(std::string("test PKI: ") + what + ": " + reason);
}

std::time_t seconds_of(ims2::TimePoint time) {
  return std::chrono::floor<std::chrono::seconds>(time).time_since_epoch().count();
}

BioPtr memory() {
  return BioPtr(BIO_new(BIO_s_mem()));
}

std::string text_of(BIO* bio) {
  char* data = nullptr;
  long size = BIO_get_mem_data(bio, &data);
  return std::string(data, static_cast<std::size_t>(size));
}

X509Ptr read_certificate(const std::string& pem) {
  BioPtr bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
  X509Ptr certificate(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
  check(certificate != nullptr, "reading a certificate");
  return certificate;
}

KeyPtr read_key(const std::string& pem) {
  BioPtr bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
  KeyPtr key(PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr));
  check(key != nullptr, "reading a key");
  return key;
}

KeyPtr new_key(KeyAlgorithm algorithm) {
  KeyPtr key(algorithm == KeyAlgorithm::rsa2048 ? EVP_RSA_gen(2048) : EVP_EC_gen("P-256"));
  check(key != nullptr, "generating a key");
  return key;
}

void add_extension(X509* certificate, X509V3_CTX* context, int nid, const std::string& value) {
  ExtensionPtr extension(X509V3_EXT_conf_nid(nullptr, context, nid, value.c_str()));
  check(extension != nullptr && X509_add_ext(certificate, extension.get(), -1) == 1, "adding an extension");
}

}  // namespace

Credential issue_certificate(const CertificateSpec& spec, const Credential* issuer) {
  KeyPtr key = new_key(spec.algorithm);
  X509Ptr certificate(X509_new());
  check(certificate != nullptr, "X509_new");
  X509Ptr issuer_certificate = issuer ? read_certificate(issuer->certificate_pem) : nullptr;
  KeyPtr issuer_key = issuer ? read_key(issuer->key_pem) : nullptr;
  X509* signer_certificate = issuer ? issuer_certificate.get() : certificate.get();
  EVP_PKEY* signer_key = issuer ? issuer_key.get() : key.get();

  check(X509_set_version(certificate.get(), X509_VERSION_3) == 1, "version");
  check(ASN1_INTEGER_set(X509_get_serialNumber(certificate.get()), spec.serial) == 1, "serial");
  check(ASN1_TIME_set(X509_getm_notBefore(certificate.get()), seconds_of(spec.not_before)) != nullptr,
        "notBefore");
  check(ASN1_TIME_set(X509_getm_notAfter(certificate.get()), seconds_of(spec.not_after)) != nullptr,
        "notAfter");
  check(X509_set_pubkey(certificate.get(), key.get()) == 1, "public key");
  X509_NAME* subject = X509_get_subject_name(certificate.get());
  check(X509_NAME_add_entry_by_txt(subject, "O", MBSTRING_UTF8,
                                   reinterpret_cast<const unsigned char*>("imsgate tests"), -1, -1, 0) == 1 &&
            X509_NAME_add_entry_by_txt(subject, "CN", MBSTRING_UTF8,
                                       reinterpret_cast<const unsigned char*>(spec.common_name.c_str()), -1,
                                       -1, 0) == 1,
        "subject");
  check(X509_set_issuer_name(certificate.get(), X509_get_subject_name(signer_certificate)) == 1, "issuer");

  X509V3_CTX context;
  X509V3_set_ctx(&context, signer_certificate, certificate.get(), nullptr, nullptr, 0);
  add_extension(certificate.get(), &context, NID_subject_key_identifier, "hash");
  if (issuer) add_extension(certificate.get(), &context, NID_authority_key_identifier, "keyid:always");
  if (spec.authority) {
    add_extension(certificate.get(), &context, NID_basic_constraints, "critical,CA:TRUE");
    add_extension(certificate.get(), &context, NID_key_usage, "critical,keyCertSign,cRLSign");
  } else {
    add_extension(certificate.get(), &context, NID_basic_constraints, "critical,CA:FALSE");
    add_extension(certificate.get(), &context, NID_key_usage, "critical,digitalSignature,nonRepudiation");
    add_extension(certificate.get(), &context, NID_ext_key_usage, "emailProtection");
  }
  if (!spec.email.empty())
    add_extension(certificate.get(), &context, NID_subject_alt_name, "email:" + spec.email);
  check(X509_sign(certificate.get(), signer_key, EVP_sha256()) > 0, "signing the certificate");

  BioPtr certificate_pem = memory();
  BioPtr key_pem = memory();
  check(PEM_write_bio_X509(certificate_pem.get(), certificate.get()) == 1, "writing the certificate");
  check(PEM_write_bio_PrivateKey(key_pem.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) == 1,
        "writing the key");
  return {text_of(certificate_pem.get()), text_of(key_pem.get())};
}

std::string issue_crl(const Credential& issuer, const std::vector<std::string>& revoked_certificate_pems,
                      ims2::TimePoint this_update, ims2::TimePoint next_update) {
  X509Ptr issuer_certificate = read_certificate(issuer.certificate_pem);
  KeyPtr issuer_key = read_key(issuer.key_pem);
  CrlPtr crl(X509_CRL_new());
  check(crl != nullptr, "X509_CRL_new");
  check(X509_CRL_set_version(crl.get(), 1) == 1, "CRL version");  // v2
  check(X509_CRL_set_issuer_name(crl.get(), X509_get_subject_name(issuer_certificate.get())) == 1,
        "CRL issuer");
  TimePtr last(ASN1_TIME_set(nullptr, seconds_of(this_update)));
  TimePtr next(ASN1_TIME_set(nullptr, seconds_of(next_update)));
  check(last && next && X509_CRL_set1_lastUpdate(crl.get(), last.get()) == 1 &&
            X509_CRL_set1_nextUpdate(crl.get(), next.get()) == 1,
        "CRL dates");
  for (const auto& pem : revoked_certificate_pems) {
    X509Ptr certificate = read_certificate(pem);
    X509_REVOKED* revoked = X509_REVOKED_new();
    check(revoked != nullptr, "X509_REVOKED_new");
    if (X509_REVOKED_set_serialNumber(revoked, X509_get_serialNumber(certificate.get())) != 1 ||
        X509_REVOKED_set_revocationDate(revoked, last.get()) != 1 ||
        X509_CRL_add0_revoked(crl.get(), revoked) != 1) {
      X509_REVOKED_free(revoked);
      check(false, "listing a certificate");
    }
  }
  check(X509_CRL_sort(crl.get()) == 1, "sorting the CRL");
  check(X509_CRL_sign(crl.get(), issuer_key.get(), EVP_sha256()) > 0, "signing the CRL");
  BioPtr pem = memory();
  check(PEM_write_bio_X509_CRL(pem.get(), crl.get()) == 1, "writing the CRL");
  return text_of(pem.get());
}

TestPki make_test_pki(KeyAlgorithm algorithm) {
  using namespace std::chrono;
  TestPki pki;
  pki.made = floor<seconds>(time_point_cast<ims2::TimePoint::duration>(system_clock::now()));
  auto valid = [&](std::string name, std::string email, bool authority, long serial) {
    return CertificateSpec{std::move(name),    std::move(email),     authority, serial,
                           pki.made - days{1}, pki.made + days{365}, algorithm};
  };
  pki.ca = issue_certificate(valid("imsgate test CA", "", true, 1));
  pki.station = issue_certificate(valid("Station XYZ01", "station@example.org", false, 2), &pki.ca);
  pki.other_ca = issue_certificate(valid("imsgate other CA", "", true, 1));
  pki.stranger = issue_certificate(valid("Stranger", "stranger@example.org", false, 2), &pki.other_ca);
  CertificateSpec expired = valid("Expired station", "expired@example.org", false, 3);
  expired.not_before = pki.made - days{30};
  expired.not_after = pki.made - days{1};
  pki.expired = issue_certificate(expired, &pki.ca);
  pki.revoked = issue_certificate(valid("Revoked station", "revoked@example.org", false, 4), &pki.ca);
  pki.crl = issue_crl(pki.ca, {pki.revoked.certificate_pem}, pki.made - days{3}, pki.made + days{4});
  return pki;
}

}  // namespace imsgate::mail::test
