// What a user may receive: grants of products (request keywords) for stations, with '*' wildcards.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "store/records.hpp"

namespace imsgate::vdms {

class Access {
 public:
  // Everything (administrators, and the tests of products).
  static Access everything();
  // The user's grants; an administrator may receive everything.
  static Access of(const store::UserRow& user, std::vector<store::GrantRow> grants);

  // True when some grant covers the product (a request keyword, lower case: "waveform", "samplephd") for
  // the station. A product that names no station (BULLETIN, SSREB, ...) is asked with an empty station: it
  // needs a grant for all stations ("*").
  bool may(std::string_view product, std::string_view station) const;

 private:
  bool everything_ = false;
  std::vector<store::GrantRow> grants_;
};

}  // namespace imsgate::vdms
