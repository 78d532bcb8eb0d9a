// The server's configuration: a TOML file whose every key has a default, so that no file at all is needed.
// docs/configuration.md lists the keys.
#pragma once

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

#include <tl/expected.hpp>

#include "acq/backfill.hpp"
#include "acq/intake.hpp"
#include "acq/replies.hpp"
#include "mail/smtp.hpp"
#include "telemetry/log.hpp"
#include "vdms/engine.hpp"
#include "web/http_server.hpp"

namespace imsgate::cli {

struct ServerConfig {
  web::ServerSettings http;
  acq::IntakeSettings intake;
  acq::ReplySettings replies;
  mail::SmtpSettings smtp;
  std::vector<std::string> crl_urls;
  std::chrono::minutes crl_refresh{60};
  bool backfill = false;
  std::chrono::minutes backfill_interval{10};
  acq::BackfillSettings backfill_settings;
  telemetry::LogSettings log;
  bool seed_registry = true;  // load the IMS stations and laboratories into an empty registry

  // The request engine: its limits and HELP, and how its e-mail answers go out.
  vdms::EngineSettings engine;
  std::size_t inline_limit = 1'000'000;  // larger answers of a synchronous REST request are given as a job
  std::string responses_from;            // From of e-mailed answers; empty: replies.from
  std::string signing_certificate;       // PEM files: e-mailed answers are S/MIME-signed when both are set
  std::string signing_key;
};

// Reads the file (empty path: the defaults). An error names the key and what is wrong with it.
tl::expected<ServerConfig, std::string> read_server_config(const std::filesystem::path& file);

// "ADDRESS:PORT" into the settings.
tl::expected<void, std::string> parse_listen(std::string_view listen, web::ServerSettings& http);

}  // namespace imsgate::cli
