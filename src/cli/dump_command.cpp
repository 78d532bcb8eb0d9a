#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "cli/input.hpp"
#include "cli/json_model.hpp"

namespace imsgate::cli {
namespace {

void print_diagnostics(const ims2::Diagnostics& diagnostics, const std::string& name, std::ostream& err) {
  for (const auto& d : diagnostics) err << ims2::format_diagnostic(d, name) << '\n';
}

}  // namespace

int run_dump(const DumpOptions& options, std::ostream& out, std::ostream& err) {
  std::string error;
  auto input = read_input(options.file, error);
  if (!input) {
    err << "imsgate dump: " << error << '\n';
    return kExitUsage;
  }
  const auto result = ims2::read_messages(input->bytes, {.strict = options.strict});
  nlohmann::json j = {{"file", input->name}};
  j["messages"] = nlohmann::json::array();
  for (const auto& m : result.messages) j["messages"].push_back(to_json(m, {.samples = options.samples}));
  j["diagnostics"] = nlohmann::json::array();
  for (const auto& d : result.diagnostics) j["diagnostics"].push_back(to_json(d));
  out << j.dump(2) << '\n';
  return result.diagnostics.has_errors() ? kExitInvalid : kExitOk;
}

int run_fmt(const FmtOptions& options, std::ostream& out, std::ostream& err) {
  std::string error;
  auto input = read_input(options.file, error);
  if (!input) {
    err << "imsgate fmt: " << error << '\n';
    return kExitUsage;
  }
  const auto result = ims2::read_messages(input->bytes);
  print_diagnostics(result.diagnostics, input->name, err);
  // A rewrite of a message with errors could drop what the reader did not understand: refuse it.
  if (result.diagnostics.has_errors()) {
    err << "imsgate fmt: " << input->name << ": not rewritten because it has errors\n";
    return kExitInvalid;
  }
  out << ims2::write_messages(result.messages);
  return kExitOk;
}

}  // namespace imsgate::cli
