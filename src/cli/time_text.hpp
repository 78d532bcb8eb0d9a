// Times as people and JSON read them: RFC 3339 UTC.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "ims2/datetime.hpp"

namespace imsgate::cli {

// "2026-11-23T08:15:02.125Z" (milliseconds shown only when not zero).
std::string format_time(ims2::TimePoint time);

// "2026-11-23T08:15:02Z", "2026-11-23T08:15:02.5Z", "2026-11-23" (midnight), or "2026/11/23 08:15:02"
// (IMS2.0).
std::optional<ims2::TimePoint> parse_time(std::string_view text);

}  // namespace imsgate::cli
