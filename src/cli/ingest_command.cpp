// `imsgate ingest`: the MTA's pipe transport. The message is in the intake, durably, when this exits 0.
#include <cstdlib>
#include <iostream>

#include "acq/intake.hpp"
#include "acq/maildir.hpp"
#include "cli/input.hpp"
#include "cli/service_commands.hpp"

namespace imsgate::cli {
namespace {

constexpr int kExitTempFail = 75;  // EX_TEMPFAIL: the MTA keeps the message and tries again

struct IngestOptions {
  std::string data_dir = default_data_dir().string();
  std::string file = "-";
};

int run_ingest(const IngestOptions& options) {
  std::string error;
  const auto input = read_input(options.file, error);
  if (!input) {
    std::cerr << "imsgate ingest: " << error << '\n';
    return kExitTempFail;
  }
  const acq::Maildir intake(std::filesystem::path(options.data_dir) / "intake");
  if (auto created = intake.create(); !created) {
    std::cerr << "imsgate ingest: " << created.error() << '\n';
    return kExitTempFail;
  }
  if (auto delivered = intake.deliver(input->bytes, acq::arrival_note(store::Door::pipe)); !delivered) {
    std::cerr << "imsgate ingest: " << delivered.error() << '\n';
    return kExitTempFail;
  }
  return 0;
}

}  // namespace

std::filesystem::path default_data_dir() {
  if (const char* dir = std::getenv("IMSGATE_DATA_DIR"); dir && *dir) return dir;
  return "/var/lib/imsgate";
}

Runner add_ingest_command(CLI::App& app) {
  auto options = std::make_shared<IngestOptions>();
  auto* command = app.add_subcommand(
      "ingest",
      "Put one e-mail message (standard input or a file) into the intake, for an MTA's pipe transport");
  command->add_option("--data-dir", options->data_dir, "The server's data directory")->capture_default_str();
  command->add_option("file", options->file, "The message; - for standard input")->capture_default_str();
  command->footer("Exit status: 0 when the message is durably in the intake, 75 (EX_TEMPFAIL) otherwise.");
  return [options] { return run_ingest(*options); };
}

}  // namespace imsgate::cli
