// The checks of a PHD that span its blocks (DIGEST-radionuclide §1.3, §2.23, §5): the required blocks of
// Table 57, minimum record counts, the order of times, MID and SRID. Internal to the PHD reader.
#pragma once

#include <string_view>

#include "ims2/diagnostic.hpp"
#include "ims2/rn/block.hpp"
#include "ims2/rn/phd.hpp"

namespace imsgate::ims2::rn {

// `data_type` is the section's DATA_TYPE as written (SPHDF and SPHDP name the qualifier); `product` gives
// the places for diagnostics.
void validate_phd(const Phd& phd, PhdType type, std::string_view data_type, const Product& product,
                  Diagnostics& diagnostics, Mode mode);

}  // namespace imsgate::ims2::rn
