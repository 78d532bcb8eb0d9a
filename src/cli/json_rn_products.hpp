// JSON views of the IDC radionuclide products SSREB, RNPS and SAMPML / REVSAMP (7.8), for `imsgate dump
// --json`.
#pragma once

#include <nlohmann/json.hpp>

#include "ims2/rn/rnps.hpp"
#include "ims2/rn/sampml.hpp"
#include "ims2/rn/ssreb.hpp"

namespace imsgate::cli::rn_json {

// Every field of the model; missing values are null, times "yyyy/mm/dd hh:mm:ss.sss", durations in seconds.
nlohmann::json model(const ims2::rn::Ssreb& ssreb);
nlohmann::json model(const ims2::rn::Rnps& rnps);
nlohmann::json model(const ims2::rn::SampleMl& sampml);

}  // namespace imsgate::cli::rn_json
