// The trust store the acquisition verifies signatures with, built from the registry's certificates and CRLs
// and rebuilt when they change (an `imsgate admin cert import` in another process, a CRL fetched).
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <tl/expected.hpp>

#include "mail/smime.hpp"
#include "store/store.hpp"

namespace imsgate::acq {

class TrustCache {
 public:
  explicit TrustCache(const store::Store& store) : store_(store) {}

  // The current trust store (built on first use).
  std::shared_ptr<const mail::TrustStore> current();

  // Rebuilds from the registry if its certificates or CRLs changed since the last build; returns problems
  // with single entries (which are left out), one per line.
  std::string refresh();

 private:
  const store::Store& store_;
  std::mutex mutex_;
  std::shared_ptr<const mail::TrustStore> trust_;
  std::string fingerprint_;  // of the registry content the store was built from
};

// Fetches each CRL URL (http, https, ldap, file) and keeps the CRLs in the registry; returns one line per
// URL that failed.
std::vector<std::string> fetch_crls(store::Store& store, const std::vector<std::string>& urls);

}  // namespace imsgate::acq
