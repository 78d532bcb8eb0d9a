// JSON view of the IDC radionuclide reports ARR and RRR (7.8.1, 7.8.2), for `imsgate dump --json`.
#pragma once

#include <nlohmann/json.hpp>

#include "ims2/rn/arr.hpp"

namespace imsgate::cli::rn_json {

// Every field of the model: "data_type" ARR or RRR, "variant" particulate, beta_gamma or hpge, the sections
// by name; missing values are null, times "yyyy/mm/dd hh:mm:ss.sss", durations in seconds, lists as arrays.
nlohmann::json model(const ims2::rn::RadionuclideReport& report);

}  // namespace imsgate::cli::rn_json
