// JSON views of the station state-of-health data types (RMSSOH, MET, ALERT_*; 7.5-7.7), for
// `imsgate dump --json`: every field, missing values null, each RMSSOH block a series (an array of records).
#pragma once

#include <nlohmann/json.hpp>

#include "ims2/rn/alert.hpp"
#include "ims2/rn/met.hpp"
#include "ims2/rn/rmssoh.hpp"

namespace imsgate::cli::rn_json {

nlohmann::json model(const ims2::rn::Rmssoh& report);
nlohmann::json model(const ims2::rn::RmssohSection& section);
nlohmann::json model(const ims2::rn::MetSection& section);
nlohmann::json model(const ims2::rn::AlertSection& section);

}  // namespace imsgate::cli::rn_json
