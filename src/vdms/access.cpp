#include "vdms/access.hpp"

#include "ims2/text.hpp"

namespace imsgate::vdms {

Access Access::everything() {
  Access access;
  access.everything_ = true;
  return access;
}

Access Access::of(const store::UserRow& user, std::vector<store::GrantRow> grants) {
  Access access;
  access.everything_ = user.admin;
  access.grants_ = std::move(grants);
  return access;
}

bool Access::may(std::string_view product, std::string_view station) const {
  if (everything_) return true;
  for (const store::GrantRow& grant : grants_) {
    if (!ims2::wildcard_match(grant.product, product)) continue;
    if (station.empty() ? grant.station == "*" : ims2::wildcard_match(grant.station, station)) return true;
  }
  return false;
}

}  // namespace imsgate::vdms
