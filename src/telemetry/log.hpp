// The service's logger: one line per event with key-value fields, as plain text or JSON, to stderr or a sink.
#pragma once

#include <chrono>
#include <concepts>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <mutex>
#include <string>
#include <string_view>
#include <variant>

#include <tl/expected.hpp>

namespace imsgate::telemetry {

enum class LogLevel { debug, info, warn, error };
enum class LogFormat { text, json };

tl::expected<LogLevel, std::string> parse_log_level(
    std::string_view name);  // "debug", "info", "warn", "error"
tl::expected<LogFormat, std::string> parse_log_format(std::string_view name);  // "text", "json"
std::string_view to_string(LogLevel level);

// A field's value: text, an integer, a number or a flag. Text is viewed, not copied: a field lives only for
// the logging call it is written in.
struct LogValue {
  LogValue(std::string_view text) : value(text) {}
  LogValue(const char* text) : value(std::string_view(text)) {}
  LogValue(const std::string& text) : value(std::string_view(text)) {}
  LogValue(bool flag) : value(flag) {}
  template <std::signed_integral T>
  LogValue(T number) : value(static_cast<std::int64_t>(number)) {}
  template <std::unsigned_integral T>
  requires(!std::same_as<T, bool>) LogValue(T number) : value(static_cast<std::uint64_t>(number)) {}
  template <std::floating_point T>
  LogValue(T number) : value(static_cast<double>(number)) {}

  std::variant<std::string_view, std::int64_t, std::uint64_t, double, bool> value;
};

struct LogField {
  std::string_view key;
  LogValue value;
};
using LogFields = std::initializer_list<LogField>;

// One line, without its newline.
// text: `2026-11-23T15:48:01.123Z INFO message stored sha256=ab12 station="A B"` (a value with a blank, '=',
//       '"', a control character or nothing at all is quoted and escaped; control characters in the message
//       are escaped).
// json: {"ts":"2026-11-23T15:48:01.123Z","level":"info","msg":"message stored","sha256":"ab12",...}; a field
//       named ts, level or msg is written as _ts, _level or _msg; invalid UTF-8 becomes U+FFFD.
std::string format_log_line(LogFormat format, std::chrono::system_clock::time_point time, LogLevel level,
                            std::string_view message, LogFields fields);

struct LogSettings {
  LogLevel level = LogLevel::info;  // lower levels are dropped
  LogFormat format = LogFormat::text;
  std::function<void(std::string_view line)> sink;  // gets whole lines without newline; empty: stderr
};

// Owned by the service and handed to what logs (no global logger). Safe to use from several threads: lines
// never interleave.
class Logger {
 public:
  explicit Logger(LogSettings settings = {});

  bool enabled(LogLevel level) const { return level >= settings_.level; }
  void log(LogLevel level, std::string_view message, LogFields fields = {}) const;
  void debug(std::string_view message, LogFields fields = {}) const { log(LogLevel::debug, message, fields); }
  void info(std::string_view message, LogFields fields = {}) const { log(LogLevel::info, message, fields); }
  void warn(std::string_view message, LogFields fields = {}) const { log(LogLevel::warn, message, fields); }
  void error(std::string_view message, LogFields fields = {}) const { log(LogLevel::error, message, fields); }

 private:
  LogSettings settings_;
  mutable std::mutex mutex_;
};

}  // namespace imsgate::telemetry
