// JSON views of the laboratory messages (RLR 7.3, other lab messages 7.4), for `imsgate dump --json`.
#pragma once

#include <nlohmann/json.hpp>

#include "ims2/rn/lab_message.hpp"
#include "ims2/rn/rlr.hpp"

namespace imsgate::cli::rn_json {

// Every field of the model; missing values (nines, "0") are null, times "yyyy/mm/dd hh:mm:ss.sss", record
// series are arrays, absent blocks null.
nlohmann::json model(const ims2::rn::RlrSection& section);
nlohmann::json model(const ims2::rn::Rlr& report);
nlohmann::json model(const ims2::rn::LabMessageSection& section);
nlohmann::json model(const ims2::rn::LabMessage& message);

}  // namespace imsgate::cli::rn_json
