#include "cli/time_text.hpp"

#include <chrono>

#include <fmt/chrono.h>
#include <fmt/format.h>

namespace imsgate::cli {

std::string format_time(ims2::TimePoint time) {
  const auto seconds = std::chrono::floor<std::chrono::seconds>(time);
  const auto millis = std::chrono::duration_cast<std::chrono::milliseconds>(time - seconds).count();
  if (millis == 0) return fmt::format("{:%Y-%m-%dT%H:%M:%S}Z", seconds);
  return fmt::format("{:%Y-%m-%dT%H:%M:%S}.{:03}Z", seconds, millis);
}

std::optional<ims2::TimePoint> parse_time(std::string_view text) {
  std::string date(text.substr(0, std::min<std::size_t>(10, text.size())));
  for (char& c : date)
    if (c == '-') c = '/';
  std::string_view time = text.size() > 10 ? text.substr(11) : std::string_view{};
  if (!time.empty() && time.back() == 'Z') time.remove_suffix(1);
  auto parsed = ims2::parse_date_time(date, time);
  if (!parsed) return std::nullopt;
  return parsed->time;
}

}  // namespace imsgate::cli
