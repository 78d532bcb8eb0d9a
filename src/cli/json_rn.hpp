// JSON view of any radionuclide section model (chapter 7), for `imsgate dump --json`.
#pragma once

#include <nlohmann/json.hpp>

#include "ims2/rn/section.hpp"

namespace imsgate::cli {

nlohmann::json to_json(const ims2::rn::Section& section);

}  // namespace imsgate::cli
