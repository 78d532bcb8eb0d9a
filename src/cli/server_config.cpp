#include "cli/server_config.hpp"

#include <charconv>
#include <toml++/toml.h>

#include <fmt/format.h>

namespace imsgate::cli {
namespace {

// Reads a key when present; a value of the wrong type is an error naming the key.
template <class T>
tl::expected<void, std::string> read_key(const toml::table& table, std::string_view path, T& into) {
  const toml::node_view node = table.at_path(path);
  if (!node) return {};
  if (auto value = node.value<T>()) {
    into = *value;
    return {};
  }
  return tl::unexpected(fmt::format("{}: wrong type of value", path));
}

template <class Duration>
tl::expected<void, std::string> read_duration(const toml::table& table, std::string_view path,
                                              Duration& into) {
  std::int64_t count = into.count();
  if (auto read = read_key(table, path, count); !read) return read;
  if (count < 0) return tl::unexpected(fmt::format("{}: must not be negative", path));
  into = Duration{count};
  return {};
}

}  // namespace

tl::expected<void, std::string> parse_listen(std::string_view listen, web::ServerSettings& http) {
  const auto colon = listen.rfind(':');
  if (colon == std::string_view::npos)
    return tl::unexpected(fmt::format("listen \"{}\": expected ADDRESS:PORT", listen));
  unsigned port = 0;
  const std::string_view digits = listen.substr(colon + 1);
  const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), port);
  if (error != std::errc{} || end != digits.data() + digits.size() || port > 65535)
    return tl::unexpected(fmt::format("listen \"{}\": the port is not a number from 0 to 65535", listen));
  std::string_view address = listen.substr(0, colon);
  if (address.size() >= 2 && address.front() == '[' && address.back() == ']')
    address = address.substr(1, address.size() - 2);
  http.address = std::string(address);
  http.port = static_cast<unsigned short>(port);
  return {};
}

tl::expected<ServerConfig, std::string> read_server_config(const std::filesystem::path& file) {
  ServerConfig config;
  config.engine.source = config.replies.source;
  if (file.empty()) return config;
  toml::table table;
  try {
    table = toml::parse_file(file.string());
  } catch (const toml::parse_error& error) {
    const auto& where = error.source().begin;
    return tl::unexpected(
        fmt::format("{}:{}:{}: {}", file.string(), where.line, where.column, error.description()));
  }
  std::string listen;
  std::string log_level = "info";
  std::string log_format = "text";
  std::int64_t threads = config.http.threads, intake_threads = config.intake.threads;
  std::int64_t batch = static_cast<std::int64_t>(config.intake.batch_size);
  std::int64_t email_limit = static_cast<std::int64_t>(config.engine.email_limit);
  std::int64_t http_limit = static_cast<std::int64_t>(config.engine.rest_limit);
  std::int64_t inline_limit = static_cast<std::int64_t>(config.inline_limit);
  std::string engine_source;
  std::vector<tl::expected<void, std::string>> reads{
      read_key(table, "server.listen", listen),
      read_key(table, "server.threads", threads),
      read_key(table, "server.tls_certificate", config.http.tls_certificate_file),
      read_key(table, "server.tls_key", config.http.tls_key_file),
      read_key(table, "intake.batch_size", batch),
      read_key(table, "intake.threads", intake_threads),
      read_duration(table, "intake.poll_ms", config.intake.poll),
      read_key(table, "replies.enabled", config.replies.enabled),
      read_key(table, "replies.from", config.replies.from),
      read_key(table, "replies.source", config.replies.source),
      read_key(table, "replies.answer_unregistered", config.replies.answer_unregistered),
      read_key(table, "smtp.url", config.smtp.url),
      read_key(table, "smtp.username", config.smtp.username),
      read_key(table, "smtp.password", config.smtp.password),
      read_key(table, "smtp.starttls", config.smtp.starttls),
      read_duration(table, "crl.refresh_minutes", config.crl_refresh),
      read_key(table, "backfill.enabled", config.backfill),
      read_duration(table, "backfill.interval_minutes", config.backfill_interval),
      read_duration(table, "backfill.normal_hours", config.backfill_settings.normal_window),
      read_duration(table, "backfill.backfill_hours", config.backfill_settings.backfill_window),
      read_duration(table, "backfill.minimum_gap_seconds", config.backfill_settings.minimum_gap),
      read_duration(table, "backfill.retry_minutes", config.backfill_settings.retry_after),
      read_key(table, "backfill.subformat", config.backfill_settings.subformat),
      read_key(table, "log.level", log_level),
      read_key(table, "log.format", log_format),
      read_key(table, "registry.seed", config.seed_registry),
      read_key(table, "requests.source", engine_source),
      read_key(table, "requests.contact", config.engine.contact),
      read_key(table, "requests.email_limit", email_limit),
      read_key(table, "requests.http_limit", http_limit),
      read_key(table, "requests.inline_limit", inline_limit),
      read_key(table, "requests.from", config.responses_from),
      read_key(table, "requests.signing_certificate", config.signing_certificate),
      read_key(table, "requests.signing_key", config.signing_key),
  };
  for (const auto& read : reads)
    if (!read) return tl::unexpected(fmt::format("{}: {}", file.string(), read.error()));
  if (const auto* urls = table.at_path("crl.urls").as_array())
    for (const auto& url : *urls) {
      if (!url.is_string())
        return tl::unexpected(fmt::format("{}: crl.urls: every URL is a string", file.string()));
      config.crl_urls.push_back(*url.value<std::string>());
    }
  if (!listen.empty())
    if (auto parsed = parse_listen(listen, config.http); !parsed)
      return tl::unexpected(fmt::format("{}: server.{}", file.string(), parsed.error()));
  if (threads < 1 || intake_threads < 1 || batch < 1)
    return tl::unexpected(fmt::format(
        "{}: server.threads, intake.threads and intake.batch_size are at least 1", file.string()));
  if (email_limit < 0 || http_limit < 0 || inline_limit < 0)
    return tl::unexpected(fmt::format("{}: requests.*_limit must not be negative", file.string()));
  if (config.signing_certificate.empty() != config.signing_key.empty())
    return tl::unexpected(
        fmt::format("{}: requests.signing_certificate and requests.signing_key go together", file.string()));
  config.engine.email_limit = static_cast<std::size_t>(email_limit);
  config.engine.rest_limit = static_cast<std::size_t>(http_limit);
  config.inline_limit = static_cast<std::size_t>(inline_limit);
  config.engine.source = engine_source.empty() ? config.replies.source : engine_source;
  config.http.threads = static_cast<int>(threads);
  config.intake.threads = static_cast<int>(intake_threads);
  config.intake.batch_size = static_cast<std::size_t>(batch);
  auto level = telemetry::parse_log_level(log_level);
  auto format = telemetry::parse_log_format(log_format);
  if (!level) return tl::unexpected(fmt::format("{}: log.level: {}", file.string(), level.error()));
  if (!format) return tl::unexpected(fmt::format("{}: log.format: {}", file.string(), format.error()));
  config.log.level = *level;
  config.log.format = *format;
  return config;
}

}  // namespace imsgate::cli
