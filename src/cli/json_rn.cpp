#include "cli/json_rn.hpp"

#include "cli/json_rn_lab.hpp"
#include "cli/json_rn_phd.hpp"
#include "cli/json_rn_products.hpp"
#include "cli/json_rn_report.hpp"
#include "cli/json_rn_soh.hpp"

namespace imsgate::cli {

nlohmann::json to_json(const ims2::rn::Section& section) {
  return std::visit([](const auto& model) { return rn_json::model(model); }, section);
}

}  // namespace imsgate::cli
