// Dates and times of IMS2.0 messages: the free-format forms of 3.5.9 and 4.6.44, time ranges, fixed-format
// date-times of data messages, and the canonical writers.
#pragma once

#include <chrono>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include <tl/expected.hpp>

#include "ims2/diagnostic.hpp"
#include "ims2/free_format.hpp"

namespace imsgate::ims2 {

using TimePoint = std::chrono::sys_time<std::chrono::microseconds>;

// How much of a free-format date-time was written: the writer gives back the same fields.
enum class TimePrecision { year, month, day, hour, minute, second };

struct DateTime {
  TimePoint time{};
  TimePrecision precision = TimePrecision::day;
  int fraction_digits = 0;  // decimals of the seconds as written, at most 6 (microseconds)

  bool operator==(const DateTime&) const = default;
};

struct DateTimeError {
  int field = 0;           // 0: the date token, 1: the time token
  std::size_t offset = 0;  // 0-based offset inside that token
  std::string message;
};

struct DateTimeOptions {
  bool allow_partial_date = false;  // "yyyy" and "yyyy/mm" (4.6.44, S/H/I TIME ranges)
};

// date: "yyyy/mm/dd" (zeros may be dropped: "1999/2/1"); time: empty or "hh[:mm[:ss[.f...]]]".
tl::expected<DateTime, DateTimeError> parse_date_time(std::string_view date, std::string_view time,
                                                      DateTimeOptions options = {});

// True when a token can only be the time part of a date-time (digits, ':' and '.', no '/').
bool is_time_token(std::string_view token);

// Canonical free format: zero-padded fields down to the precision written, e.g. "1999/01/09 01:00".
std::string write_date_time(const DateTime& dt);

// "yyyy/mm/dd hh:mm:ss.sss" with `decimals` digits (0: no '.'), the whole time rounded first.
std::string write_fixed_date_time(TimePoint t, int decimals);
std::string write_date(TimePoint t);  // "yyyy/mm/dd"

// Fixed-format fields of data messages: date "yyyy/mm/dd" and time "hh:mm:ss[.sss]", zeros not dropped.
tl::expected<TimePoint, std::string> parse_fixed_date_time(std::string_view date, std::string_view time);

// A bound of a TIME range: a date-time, or the subscription words NOW (start) and FOREVER (end) (5.4.2).
struct TimeBound {
  enum class Kind { at, now, forever };
  Kind kind = Kind::at;
  DateTime at;

  bool operator==(const TimeBound&) const = default;
};

// "[start] to [end]"; the end is excluded ("up to but not including", 4.6.44).
struct TimeRange {
  std::optional<TimeBound> from;
  std::optional<TimeBound> to;

  bool operator==(const TimeRange&) const = default;
};

struct TimeRangeOptions {
  bool allow_now_forever = false;  // subscription TIME control line
  bool allow_partial_date = false;
};

// Parses the arguments of a TIME line. Reports every problem with its position; nothing on error.
std::optional<TimeRange> parse_time_range(std::span<const Token> args, Position keyword,
                                          TimeRangeOptions options, Diagnostics& diagnostics);

std::string write_time_range(const TimeRange& range);

}  // namespace imsgate::ims2
