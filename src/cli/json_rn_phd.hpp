// JSON view of PHD sections (7.2), for `imsgate dump --json`: every block of every product; spectra and the
// histogram as arrays of counts (the histogram as rows), calibration pairs, ROI limits.
#pragma once

#include <nlohmann/json.hpp>

#include "ims2/rn/phd.hpp"

namespace imsgate::cli::rn_json {

nlohmann::json model(const ims2::rn::PhdSection& section);
nlohmann::json model(const ims2::rn::Phd& phd);

}  // namespace imsgate::cli::rn_json
