#include "telemetry/log.hpp"

#include <algorithm>
#include <cstdio>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace imsgate::telemetry {
namespace {

// RFC 3339, UTC, milliseconds: 2026-11-23T15:48:01.123Z.
std::string rfc3339_ms(std::chrono::system_clock::time_point time) {
  using namespace std::chrono;
  const auto ms = floor<milliseconds>(time);
  const auto day = floor<days>(ms);
  const year_month_day date(day);
  const hh_mm_ss clock(ms - day);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z", static_cast<int>(date.year()),
                     static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                     clock.hours().count(), clock.minutes().count(), clock.seconds().count(),
                     clock.subseconds().count());
}

bool is_control(char c) {
  return static_cast<unsigned char>(c) < 0x20 || c == 0x7f;
}

void append_escaped(std::string& out, std::string_view text, bool quoted) {
  for (const char c : text) {
    if (c == '\n')
      out += "\\n";
    else if (c == '\r')
      out += "\\r";
    else if (c == '\t')
      out += "\\t";
    else if (is_control(c))
      out += fmt::format("\\x{:02x}", static_cast<unsigned char>(c));
    else if (quoted && (c == '"' || c == '\\'))
      (out += '\\') += c;
    else
      out += c;
  }
}

void append_text_value(std::string& out, std::string_view text) {
  const bool quote = text.empty() || std::any_of(text.begin(), text.end(), [](char c) {
                       return c == ' ' || c == '=' || c == '"' || is_control(c);
                     });
  if (!quote) return append_escaped(out, text, false);
  out += '"';
  append_escaped(out, text, true);
  out += '"';
}

std::string text_line(std::string_view ts, LogLevel level, std::string_view message, LogFields fields) {
  std::string out{ts};
  out += ' ';
  for (const char c : to_string(level)) out += static_cast<char>(c - 'a' + 'A');
  out += ' ';
  append_escaped(out, message, false);
  for (const auto& [key, value] : fields) {
    out += ' ';
    append_escaped(out, key, false);
    out += '=';
    std::visit(
        [&](const auto& v) {
          using T = std::decay_t<decltype(v)>;
          if constexpr (std::is_same_v<T, std::string_view>)
            append_text_value(out, v);
          else if constexpr (std::is_same_v<T, bool>)
            out += v ? "true" : "false";
          else
            out += fmt::format("{}", v);
        },
        value.value);
  }
  return out;
}

std::string json_line(std::string ts, LogLevel level, std::string_view message, LogFields fields) {
  nlohmann::ordered_json line{{"ts", std::move(ts)}, {"level", to_string(level)}, {"msg", message}};
  for (const auto& [key, value] : fields) {
    const bool reserved = key == "ts" || key == "level" || key == "msg";
    const auto name = reserved ? fmt::format("_{}", key) : std::string(key);
    std::visit([&](const auto& v) { line[name] = v; }, value.value);
  }
  return line.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace

tl::expected<LogLevel, std::string> parse_log_level(std::string_view name) {
  for (const auto level : {LogLevel::debug, LogLevel::info, LogLevel::warn, LogLevel::error})
    if (name == to_string(level)) return level;
  return tl::unexpected(fmt::format("unknown log level \"{}\" (debug, info, warn or error)", name));
}

tl::expected<LogFormat, std::string> parse_log_format(std::string_view name) {
  if (name == "text") return LogFormat::text;
  if (name == "json") return LogFormat::json;
  return tl::unexpected(fmt::format("unknown log format \"{}\" (text or json)", name));
}

std::string_view to_string(LogLevel level) {
  switch (level) {
    case LogLevel::debug:
      return "debug";
    case LogLevel::info:
      return "info";
    case LogLevel::warn:
      return "warn";
    case LogLevel::error:
      return "error";
  }
  return "error";
}

std::string format_log_line(LogFormat format, std::chrono::system_clock::time_point time, LogLevel level,
                            std::string_view message, LogFields fields) {
  auto ts = rfc3339_ms(time);
  return format == LogFormat::json ? json_line(std::move(ts), level, message, fields)
                                   : text_line(ts, level, message, fields);
}

Logger::Logger(LogSettings settings) : settings_(std::move(settings)) {
  if (!settings_.sink)
    settings_.sink = [](std::string_view line) {
      std::string whole(line);
      whole += '\n';
      std::fwrite(whole.data(), 1, whole.size(), stderr);  // one write: a whole line
    };
}

void Logger::log(LogLevel level, std::string_view message, LogFields fields) const {
  if (!enabled(level)) return;
  const auto line =
      format_log_line(settings_.format, std::chrono::system_clock::now(), level, message, fields);
  const std::lock_guard lock(mutex_);
  settings_.sink(line);
}

}  // namespace imsgate::telemetry
