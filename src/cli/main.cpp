// imsgate: the IMS2.0 data centre in one command.
#include <iostream>

#include <CLI/CLI.hpp>

#include "cli/commands.hpp"

int main(int argc, char** argv) {
  using namespace imsgate::cli;
  CLI::App app{"imsgate: an IMS2.0 data centre (acquisition, requests, subscriptions, analysis)"};
  app.set_version_flag("--version", std::string("imsgate ") + IMSGATE_VERSION);
  app.require_subcommand(1);

  CheckOptions check;
  auto* check_cmd = app.add_subcommand("check", "Read IMS2.0 message files and report every problem found");
  check_cmd->add_option("files", check.files, "Message files; - for standard input")->required();
  check_cmd->add_flag("--strict", check.strict, "Treat every warning as an error");
  check_cmd->add_flag("--json", check.json, "Print one JSON object per input: message summary and diagnostics");
  check_cmd->footer("Exit status: 0 no errors, 1 errors found, 2 usage or I/O trouble.");

  DumpOptions dump;
  bool dump_json = true;
  auto* dump_cmd = app.add_subcommand("dump", "Print the parsed model of a message file");
  dump_cmd->add_option("file", dump.file, "Message file; - for standard input")->required();
  dump_cmd->add_flag("--json", dump_json, "Print the model as JSON (the only output form)");
  dump_cmd->add_flag("--strict", dump.strict, "Treat every warning as an error");

  FmtOptions fmt;
  auto* fmt_cmd = app.add_subcommand("fmt", "Rewrite a message file in canonical form on standard output");
  fmt_cmd->add_option("file", fmt.file, "Message file; - for standard input")->required();

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int status = app.exit(e);
    return status == 0 ? kExitOk : kExitUsage;
  }
  if (*check_cmd) return run_check(check, std::cout, std::cerr);
  if (*dump_cmd) return run_dump(dump, std::cout, std::cerr);
  if (*fmt_cmd) return run_fmt(fmt, std::cout, std::cerr);
  return kExitUsage;
}
