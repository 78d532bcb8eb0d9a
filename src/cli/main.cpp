// imsgate: the IMS2.0 data centre in one command.
#include <iostream>

#include <CLI/CLI.hpp>

#include "cli/commands.hpp"
#include "cli/service_commands.hpp"

int main(int argc, char** argv) {
  using namespace imsgate::cli;
  CLI::App app{"imsgate: an IMS2.0 data centre (acquisition, requests, subscriptions, analysis)"};
  app.set_version_flag("--version", std::string("imsgate ") + IMSGATE_VERSION);
  app.require_subcommand(1);

  CheckOptions check;
  auto* check_cmd = app.add_subcommand("check", "Read IMS2.0 message files and report every problem found");
  check_cmd->add_option("files", check.files, "Message files; - for standard input")->required();
  check_cmd->add_flag("--strict", check.strict, "Treat every warning as an error");
  check_cmd->add_flag("--json", check.json,
                      "Print one JSON object per input: message summary and diagnostics");
  check_cmd->footer("Exit status: 0 no errors, 1 errors found, 2 usage or I/O trouble.");

  DumpOptions dump;
  bool dump_json = true;
  auto* dump_cmd = app.add_subcommand("dump", "Print the parsed model of a message file");
  dump_cmd->add_option("file", dump.file, "Message file; - for standard input")->required();
  dump_cmd->add_flag("--json", dump_json, "Print the model as JSON (the only output form)");
  dump_cmd->add_flag("--strict", dump.strict, "Treat every warning as an error");
  dump_cmd->add_flag("--samples", dump.samples, "Include the samples of waveform segments");

  FmtOptions fmt;
  auto* fmt_cmd = app.add_subcommand("fmt", "Rewrite a message file in canonical form on standard output");
  fmt_cmd->add_option("file", fmt.file, "Message file; - for standard input")->required();

  ConvertOptions convert;
  std::string mseed_encoding = "steim2";
  auto* convert_cmd = app.add_subcommand(
      "convert", "Convert waveforms between IMS2.0 WAVEFORM (INT, CM6, CM8, CSF) and miniSEED");
  convert_cmd->add_option("input", convert.input, "IMS2.0 message, bare GSE2 waveform file or miniSEED file")
      ->required();
  convert_cmd->add_option("output", convert.output, "Output file; - for standard output")->required();
  convert_cmd->add_option(
      "--to", convert.to,
      "mseed, ims2:cm6, ims2:int, ims2:cm8 or ims2:csf (default: miniSEED for IMS2.0 input, "
      "ims2:cm6 for miniSEED input)");
  convert_cmd->add_option("--mseed-encoding", mseed_encoding, "steim2 (default), steim1 or int32")
      ->check(CLI::IsMember({"steim2", "steim1", "int32"}));
  convert_cmd->add_option("--record-length", convert.record_length, "miniSEED record length in bytes")
      ->check(CLI::IsMember({256, 512, 1024, 2048, 4096, 8192}));
  convert_cmd->add_option("--network", convert.network,
                          "miniSEED network code (when STA2's does not fit 2 characters)");
  convert_cmd->add_option("--location", convert.location,
                          "miniSEED location code (when the WID2 auxiliary code does not fit 2 characters)");
  convert_cmd->add_option("--msg-id", convert.msg_id,
                          "MSG_ID of IMS2.0 output (default: the current UTC time)");
  convert_cmd->add_flag("--verbose", convert.verbose, "Say how many segments and samples were converted");
  convert_cmd->footer(
      "Identities: station and channel as they are; the STA2 network is the miniSEED network and the WID2 "
      "auxiliary "
      "code the location code. Exit status: 0 converted, 1 the input has errors, 2 usage or I/O trouble.");

  const Runner serve = add_serve_command(app);
  const Runner ingest = add_ingest_command(app);
  const Runner admin = add_admin_command(app);
  const Runner request = add_request_command(app);
  const Runner get = add_get_command(app);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int status = app.exit(e);
    return status == 0 ? kExitOk : kExitUsage;
  }
  if (app.got_subcommand("serve")) return serve();
  if (app.got_subcommand("ingest")) return ingest();
  if (app.got_subcommand("admin")) return admin();
  if (app.got_subcommand("request")) return request();
  if (app.got_subcommand("get")) return get();
  if (*check_cmd) return run_check(check, std::cout, std::cerr);
  if (*dump_cmd) return run_dump(dump, std::cout, std::cerr);
  if (*fmt_cmd) return run_fmt(fmt, std::cout, std::cerr);
  if (*convert_cmd) {
    convert.mseed_encoding = mseed_encoding == "int32"    ? MseedEncoding::int32
                             : mseed_encoding == "steim1" ? MseedEncoding::steim1
                                                          : MseedEncoding::steim2;
    return run_convert(convert, std::cerr);
  }
  return kExitUsage;
}
