#include "acq/trust.hpp"

#include <fmt/format.h>

#include "mail/smtp.hpp"
#include "store/archive.hpp"

namespace imsgate::acq {

std::shared_ptr<const mail::TrustStore> TrustCache::current() {
  {
    std::lock_guard lock(mutex_);
    if (trust_) return trust_;
  }
  refresh();
  std::lock_guard lock(mutex_);
  return trust_;
}

std::string TrustCache::refresh() {
  const auto certificates = store_.certificates();
  const auto crls = store_.crls();
  std::string content;
  for (const auto& certificate : certificates) content += certificate.fingerprint;
  for (const auto& crl : crls) content += crl;
  const std::string fingerprint = store::sha256_hex(content);
  {
    std::lock_guard lock(mutex_);
    if (trust_ && fingerprint == fingerprint_) return {};
  }
  auto trust = std::make_shared<mail::TrustStore>();
  std::string problems;
  for (const auto& certificate : certificates)
    if (auto added = trust->add_certificates(certificate.pem); !added)
      problems += fmt::format("certificate {}: {}\n", certificate.fingerprint, added.error());
  for (const auto& crl : crls)
    if (auto added = trust->add_crl(crl); !added) problems += fmt::format("CRL: {}\n", added.error());
  std::lock_guard lock(mutex_);
  trust_ = std::move(trust);
  fingerprint_ = fingerprint;
  return problems;
}

std::vector<std::string> fetch_crls(store::Store& store, const std::vector<std::string>& urls) {
  std::vector<std::string> failures;
  for (const auto& url : urls) {
    auto body = mail::fetch_url(url);
    if (!body) {
      failures.push_back(fmt::format("{}: {}", url, body.error()));
      continue;
    }
    auto crl = mail::read_crl(*body);
    if (!crl) {
      failures.push_back(fmt::format("{}: {}", url, crl.error()));
      continue;
    }
    if (auto kept = store.put_crl(crl->issuer, crl->pem, crl->this_update); !kept)
      failures.push_back(fmt::format("{}: {}", url, kept.error()));
  }
  return failures;
}

}  // namespace imsgate::acq
