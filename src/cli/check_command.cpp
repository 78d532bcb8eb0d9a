#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "cli/input.hpp"
#include "cli/json_model.hpp"

namespace imsgate::cli {

int run_check(const CheckOptions& options, std::ostream& out, std::ostream& err) {
  int status = kExitOk;
  for (const auto& path : options.files) {
    std::string error;
    auto input = read_input(path, error);
    if (!input) {
      err << "imsgate check: " << error << '\n';
      status = kExitUsage;
      continue;
    }
    const auto result = ims2::read_messages(input->bytes, {.strict = options.strict});
    if (result.diagnostics.has_errors() && status == kExitOk) status = kExitInvalid;
    if (options.json) {
      nlohmann::json j = {{"file", input->name},
                          {"errors", result.diagnostics.error_count()},
                          {"warnings", result.diagnostics.warning_count()}};
      j["messages"] = nlohmann::json::array();
      for (const auto& m : result.messages) j["messages"].push_back(summary_json(m));
      j["diagnostics"] = nlohmann::json::array();
      for (const auto& d : result.diagnostics) j["diagnostics"].push_back(to_json(d));
      out << j.dump() << '\n';
    } else {
      for (const auto& d : result.diagnostics) out << ims2::format_diagnostic(d, input->name) << '\n';
    }
  }
  return status;
}

}  // namespace imsgate::cli
