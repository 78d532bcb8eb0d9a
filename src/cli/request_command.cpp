// `imsgate request` and `imsgate get`: the command-line client of the request API (the counterpart of the
// CTBTO's nms_client and of STAX's download script). The request goes as a job; its progress is shown on
// standard error; the response goes to standard output or into a folder, where an interrupted download is
// resumed.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <thread>

#include <fmt/chrono.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/service_commands.hpp"
#include "cli/time_text.hpp"
#include "ims2/datetime.hpp"
#include "ims2/request/keywords.hpp"
#include "ims2/text.hpp"
#include "mail/smtp.hpp"

namespace imsgate::cli {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// Exit statuses: the response has no ERROR_LOG; usage; the server could not be reached or refused; the
// request failed on the server; the response holds an ERROR_LOG.
constexpr int kOk = 0, kUsage = 2, kUnreachable = 3, kFailed = 1, kAnsweredWithErrors = 4;

struct ClientOptions {
  std::string server = "http://127.0.0.1:8080";
  std::string token;
  std::string output;  // a folder; empty: standard output
  bool json = false;
  bool insecure = false;
  double poll_seconds = 0.5;
};

struct RequestOptions {
  ClientOptions client;
  std::string file = "-";
};

struct GetOptions {
  ClientOptions client;
  std::string type;
  std::vector<std::string> stations;
  std::vector<std::string> channels;
  std::string from;
  std::string to;
  std::string subformat;
  bool print_only = false;
};

class Client {
 public:
  explicit Client(const ClientOptions& options) : options_(options) {
    while (!options_.server.empty() && options_.server.back() == '/') options_.server.pop_back();
    if (options_.token.empty())
      if (const char* token = std::getenv("IMSGATE_TOKEN")) options_.token = token;
  }

  tl::expected<mail::HttpAnswer, std::string> call(std::string method, std::string_view path,
                                                   std::string body = {},
                                                   std::vector<std::string> headers = {}) const {
    headers.push_back("Authorization: Bearer " + options_.token);
    return mail::http_exchange({std::move(method), options_.server + std::string(path), std::move(headers),
                                std::move(body), 600, !options_.insecure});
  }

  const ClientOptions& options() const { return options_; }

 private:
  ClientOptions options_;
};

std::string error_of(const mail::HttpAnswer& answer) {
  auto body = json::parse(answer.body, nullptr, false);
  if (body.is_object() && body.contains("error"))
    return fmt::format("{}: {}", answer.status, body["error"].get<std::string>());
  return fmt::format("HTTP status {}", answer.status);
}

// Downloads the result into `file`, resuming after the bytes a previous attempt left in FILE.part.
tl::expected<void, std::string> download(const Client& client, std::int64_t id, const fs::path& file) {
  const fs::path part = file.string() + ".part";
  std::error_code ec;
  const auto have = fs::exists(part, ec) ? fs::file_size(part, ec) : 0;
  std::vector<std::string> headers;
  if (have > 0) headers.push_back(fmt::format("Range: bytes={}-", have));
  auto answer = client.call("GET", fmt::format("/api/v1/requests/{}/result", id), {}, headers);
  if (!answer) return tl::unexpected(answer.error());
  if (answer->status != 200 && answer->status != 206) return tl::unexpected(error_of(*answer));
  {
    std::ofstream out(part, std::ios::binary | (answer->status == 206 ? std::ios::app : std::ios::trunc));
    out << answer->body;
    if (!out.flush()) return tl::unexpected(fmt::format("cannot write {}", part.string()));
  }
  fs::rename(part, file, ec);
  if (ec) return tl::unexpected(fmt::format("cannot write {}: {}", file.string(), ec.message()));
  return {};
}

int run_request_text(const ClientOptions& options, const std::string& text) {
  const Client client(options);
  if (client.options().token.empty()) {
    std::cerr << "imsgate request: an API token is needed: --token or IMSGATE_TOKEN\n";
    return kUsage;
  }
  auto submitted = client.call("POST", "/api/v1/requests?mode=async", text, {"Content-Type: text/plain"});
  if (!submitted) {
    std::cerr << "imsgate request: " << submitted.error() << '\n';
    return kUnreachable;
  }
  if (submitted->status != 202) {
    std::cerr << "imsgate request: the server refused the request: " << error_of(*submitted) << '\n';
    return kUnreachable;
  }
  json status = json::parse(submitted->body, nullptr, false);
  const std::int64_t id = status.value("id", std::int64_t{0});
  const auto started = std::chrono::steady_clock::now();
  std::string shown;
  while (status.value("status", "") == "queued" || status.value("status", "") == "running") {
    const std::string state = status.value("status", "");
    if (state != shown && !options.json) std::cerr << fmt::format("request {}: {}\n", id, state);
    shown = state;
    std::this_thread::sleep_for(std::chrono::duration<double>(options.poll_seconds));
    auto polled = client.call("GET", fmt::format("/api/v1/requests/{}", id));
    if (!polled || polled->status != 200) {
      std::cerr << "imsgate request: lost the request's status: "
                << (polled ? error_of(*polled) : polled.error()) << '\n';
      return kUnreachable;
    }
    status = json::parse(polled->body, nullptr, false);
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (status.value("status", "") != "done") {
    if (options.json) std::cout << status.dump() << '\n';
    std::cerr << fmt::format("request {} failed: {}\n", id, status.value("outcome", ""));
    return kFailed;
  }
  if (!options.json)
    std::cerr << fmt::format("request {}: done in {:.1f} s, {} bytes: {}\n", id, seconds,
                             status.value("response_bytes", 0), status.value("outcome", ""));
  if (!options.output.empty()) {
    std::error_code ec;
    fs::create_directories(options.output, ec);
    const fs::path file = fs::path(options.output) / fmt::format("response-{}.msg", id);
    if (auto saved = download(client, id, file); !saved) {
      std::cerr << "imsgate request: " << saved.error() << '\n';
      return kUnreachable;
    }
    status["file"] = file.string();
    if (!options.json) std::cerr << "written to " << file.string() << '\n';
  } else if (!options.json) {
    auto result = client.call("GET", fmt::format("/api/v1/requests/{}/result", id));
    if (!result || result->status != 200) {
      std::cerr << "imsgate request: " << (result ? error_of(*result) : result.error()) << '\n';
      return kUnreachable;
    }
    std::cout << result->body;
  }
  if (options.json) std::cout << status.dump() << '\n';
  const bool errors = status.value("outcome", "").find(" 0 errors") == std::string::npos;
  return errors ? kAnsweredWithErrors : kOk;
}

void add_client_options(CLI::App* command, ClientOptions& options) {
  command->add_option("--server", options.server, "The imsgate server's URL")->capture_default_str();
  command->add_option("--token", options.token, "API token (default: $IMSGATE_TOKEN)");
  command->add_option("--output,-o", options.output, "Write the response into this folder (resumable)");
  command->add_flag("--json", options.json, "Print the request's final status as JSON on standard output");
  command->add_flag("--insecure", options.insecure, "Accept any TLS certificate of the server");
  command->footer(
      "Exit status: 0 answered, 4 answered with an ERROR_LOG, 1 the request failed on the server, 2 usage, "
      "3 the server could not be reached or refused.");
}

// An IMS2.0 date-time from RFC 3339 or IMS2.0 text.
std::optional<std::string> ims_time(std::string_view text) {
  const auto time = parse_time(text);
  if (!time) return std::nullopt;
  return ims2::write_fixed_date_time(*time, 3);
}

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

tl::expected<std::string, std::string> build_request(const GetOptions& options) {
  const auto* spec = ims2::request::find_request(options.type);
  if (!spec || spec->request_section.empty() || !spec->takes_format())
    return tl::unexpected(fmt::format("--type {}: not a product of request messages (4.7)", options.type));
  const auto from = ims_time(options.from), to = ims_time(options.to);
  if (!from || !to)
    return tl::unexpected(std::string("--from and --to: a time such as 2026-11-01T00:00:00Z"));
  const auto now = std::chrono::system_clock::now();
  std::string text = fmt::format("BEGIN IMS2.0\nMSG_TYPE REQUEST\nMSG_ID get_{:%Y%m%d%H%M%S}\n",
                                 std::chrono::floor<std::chrono::seconds>(now));
  text += fmt::format("TIME {} TO {}\n", *from, *to);
  if (!options.stations.empty()) text += fmt::format("STA_LIST {}\n", join(options.stations));
  if (!options.channels.empty()) text += fmt::format("CHAN_LIST {}\n", join(options.channels));
  text += ims2::to_upper(spec->name);
  text += " IMS2.0";
  if (!options.subformat.empty()) text += ":" + ims2::to_upper(options.subformat);
  text += "\nSTOP\n";
  return text;
}

}  // namespace

Runner add_request_command(CLI::App& app) {
  auto options = std::make_shared<RequestOptions>();
  auto* command =
      app.add_subcommand("request", "Send an IMS2.0 request to an imsgate server, get the response");
  add_client_options(command, options->client);
  command->add_option("file", options->file, "The request message (- for standard input)")
      ->capture_default_str();
  return [options] {
    std::string text;
    if (options->file == "-") {
      text.assign(std::istreambuf_iterator<char>(std::cin), {});
    } else {
      std::ifstream in(options->file, std::ios::binary);
      if (!in) {
        std::cerr << "imsgate request: cannot read " << options->file << '\n';
        return kUsage;
      }
      text.assign(std::istreambuf_iterator<char>(in), {});
    }
    return run_request_text(options->client, text);
  };
}

Runner add_get_command(CLI::App& app) {
  auto options = std::make_shared<GetOptions>();
  auto* command =
      app.add_subcommand("get", "Ask an imsgate server for one product of some stations and a time");
  add_client_options(command, options->client);
  command->add_option("--type", options->type, "The request line: waveform, sta_status, sphdf, arr, ...")
      ->required();
  command->add_option("--station", options->stations, "Station codes (repeat, or with * wildcards)");
  command->add_option("--channel", options->channels, "Channel codes (waveforms)");
  command->add_option("--from", options->from, "Start, e.g. 2026-11-01T00:00:00Z")->required();
  command->add_option("--to", options->to, "End (excluded)")->required();
  command->add_option("--subformat", options->subformat, "Waveform subformat: int, cm6, cm8");
  command->add_flag("--print-request", options->print_only, "Print the request message and send nothing");
  return [options] {
    auto text = build_request(*options);
    if (!text) {
      std::cerr << "imsgate get: " << text.error() << '\n';
      return kUsage;
    }
    if (options->print_only) {
      std::cout << *text;
      return kOk;
    }
    return run_request_text(options->client, *text);
  };
}

}  // namespace imsgate::cli
