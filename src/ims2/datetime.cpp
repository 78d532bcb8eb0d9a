#include "ims2/datetime.hpp"

#include <fmt/format.h>

#include "ims2/text.hpp"

namespace imsgate::ims2 {
namespace {

using namespace std::chrono;

constexpr std::string_view kDateRule = "3.5.9";

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

int to_int(std::string_view digits) {
  int v = 0;
  for (char c : digits) v = v * 10 + (c - '0');
  return v;
}

// Splits `s` at `sep` into at most `max` parts; returns the number found (more than max: max + 1).
int split(std::string_view s, char sep, std::string_view* parts, int max) {
  int n = 0;
  std::size_t start = 0;
  while (true) {
    const std::size_t end = s.find(sep, start);
    if (n == max) return max + 1;
    parts[n++] = s.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    if (end == std::string_view::npos) return n;
    start = end + 1;
  }
}

std::size_t offset_in(std::string_view whole, std::string_view part) {
  return static_cast<std::size_t>(part.data() - whole.data());
}

tl::unexpected<DateTimeError> fail(int field, std::size_t offset, std::string message) {
  return tl::unexpected(DateTimeError{field, offset, std::move(message)});
}

}  // namespace

bool is_time_token(std::string_view token) {
  if (token.empty() || token.find('/') != std::string_view::npos) return false;
  for (char c : token)
    if (!((c >= '0' && c <= '9') || c == ':' || c == '.')) return false;
  return token.front() >= '0' && token.front() <= '9';
}

tl::expected<DateTime, DateTimeError> parse_date_time(std::string_view date, std::string_view time,
                                                      DateTimeOptions options) {
  DateTime dt;
  std::string_view d[3];
  const int nd = split(date, '/', d, 3);
  if (nd > 3) return fail(0, 0, fmt::format("'{}' is not a valid date: expected yyyy/mm/dd", date));
  if (!all_digits(d[0]) || d[0].size() != 4)
    return fail(0, 0,
                fmt::format("'{}' is not a valid date: the year must have 4 digits (yyyy/mm/dd)", date));
  if (nd < 3 && !options.allow_partial_date)
    return fail(0, 0, fmt::format("'{}' is not a valid date: expected yyyy/mm/dd", date));
  int month = 1, day = 1;
  if (nd >= 2) {
    if (!all_digits(d[1]) || d[1].size() > 2)
      return fail(0, offset_in(date, d[1]),
                  fmt::format("'{}' is not a valid date: the month must be 1 or 2 digits", date));
    month = to_int(d[1]);
  }
  if (nd == 3) {
    if (!all_digits(d[2]) || d[2].size() > 2)
      return fail(0, offset_in(date, d[2]),
                  fmt::format("'{}' is not a valid date: the day must be 1 or 2 digits", date));
    day = to_int(d[2]);
  }
  const year_month_day ymd{year{to_int(d[0])}, std::chrono::month{unsigned(month)},
                           std::chrono::day{unsigned(day)}};
  if (month < 1 || month > 12)
    return fail(0, offset_in(date, d[1]),
                fmt::format("'{}' is not a valid date: month {} out of 1..12", date, month));
  if (!ymd.ok())
    return fail(0, offset_in(date, d[2]),
                fmt::format("'{}' is not a valid date: the month has no day {}", date, day));
  dt.precision = nd == 1 ? TimePrecision::year : nd == 2 ? TimePrecision::month : TimePrecision::day;
  microseconds of_day{0};

  if (!time.empty()) {
    if (nd < 3) return fail(1, 0, "a time needs a full date before it (yyyy/mm/dd hh:mm:ss)");
    std::string_view t[3];
    const int nt = split(time, ':', t, 3);
    if (nt > 3) return fail(1, 0, fmt::format("'{}' is not a valid time: expected hh:mm:ss.sss", time));
    std::string_view seconds_fraction;
    if (nt == 3) {
      const std::size_t dot = t[2].find('.');
      if (dot != std::string_view::npos) {
        seconds_fraction = t[2].substr(dot + 1);
        t[2] = t[2].substr(0, dot);
        if (!all_digits(seconds_fraction))
          return fail(1, offset_in(time, seconds_fraction),
                      fmt::format("'{}' is not a valid time: expected digits after the decimal point", time));
      }
    }
    const char* names[] = {"hour", "minute", "second"};
    const int limits[] = {23, 59, 59};
    int value[3] = {0, 0, 0};
    for (int i = 0; i < nt; ++i) {
      if (!all_digits(t[i]) || t[i].size() > 2)
        return fail(1, offset_in(time, t[i]),
                    fmt::format("'{}' is not a valid time: the {} must be 1 or 2 digits", time, names[i]));
      value[i] = to_int(t[i]);
      if (value[i] > limits[i]) {
        std::string hint = i == 0 && value[i] == 24 ? " (write the next day's 00:00)" : "";
        return fail(1, offset_in(time, t[i]),
                    fmt::format("'{}' is not a valid time: {} {} out of 0..{}{}", time, names[i], value[i],
                                limits[i], hint));
      }
    }
    of_day = hours{value[0]} + minutes{value[1]} + seconds{value[2]};
    std::int64_t micros = 0;
    for (std::size_t i = 0; i < 6; ++i)
      micros = micros * 10 + (i < seconds_fraction.size() ? seconds_fraction[i] - '0' : 0);
    of_day += microseconds{micros};
    dt.precision = nt == 1 ? TimePrecision::hour : nt == 2 ? TimePrecision::minute : TimePrecision::second;
    dt.fraction_digits = static_cast<int>(std::min<std::size_t>(seconds_fraction.size(), 6));
  }
  dt.time = TimePoint{sys_days{ymd}.time_since_epoch()} + of_day;
  return dt;
}

std::string write_date(TimePoint t) {
  const year_month_day ymd{floor<days>(t)};
  return fmt::format("{:04}/{:02}/{:02}", int(ymd.year()), unsigned(ymd.month()), unsigned(ymd.day()));
}

std::string write_date_time(const DateTime& dt) {
  const auto day_start = floor<days>(dt.time);
  const year_month_day ymd{day_start};
  const hh_mm_ss hms{dt.time - day_start};
  switch (dt.precision) {
    case TimePrecision::year:
      return fmt::format("{:04}", int(ymd.year()));
    case TimePrecision::month:
      return fmt::format("{:04}/{:02}", int(ymd.year()), unsigned(ymd.month()));
    case TimePrecision::day:
      return write_date(dt.time);
    case TimePrecision::hour:
      return fmt::format("{} {:02}", write_date(dt.time), hms.hours().count());
    case TimePrecision::minute:
      return fmt::format("{} {:02}:{:02}", write_date(dt.time), hms.hours().count(), hms.minutes().count());
    case TimePrecision::second:
      break;
  }
  std::string out = fmt::format("{} {:02}:{:02}:{:02}", write_date(dt.time), hms.hours().count(),
                                hms.minutes().count(), hms.seconds().count());
  if (dt.fraction_digits > 0) {
    const std::string micros = fmt::format("{:06}", hms.subseconds().count());
    out += '.';
    out += micros.substr(0, dt.fraction_digits);
  }
  return out;
}

std::string write_fixed_date_time(TimePoint t, int decimals) {
  std::int64_t unit = 1000000;
  for (int i = 0; i < decimals && i < 6; ++i) unit /= 10;
  // Round the whole timestamp first so that 59.9996 s never prints as "60.000".
  const auto rounded = TimePoint{microseconds{
      (t.time_since_epoch().count() + (t.time_since_epoch().count() >= 0 ? unit / 2 : -unit / 2)) / unit *
      unit}};
  const auto day_start = floor<days>(rounded);
  const hh_mm_ss hms{rounded - day_start};
  std::string out = fmt::format("{} {:02}:{:02}:{:02}", write_date(rounded), hms.hours().count(),
                                hms.minutes().count(), hms.seconds().count());
  if (decimals > 0) {
    const std::string micros = fmt::format("{:06}", hms.subseconds().count());
    out += '.';
    out += micros.substr(0, std::min(decimals, 6));
  }
  return out;
}

tl::expected<TimePoint, std::string> parse_fixed_date_time(std::string_view date, std::string_view time) {
  date = trim(date);
  time = trim(time);
  if (date.size() != 10 || date[4] != '/' || date[7] != '/')
    return tl::unexpected(fmt::format("'{}' is not a date of the form yyyy/mm/dd", date));
  if (time.size() < 8 || time[2] != ':' || time[5] != ':')
    return tl::unexpected(fmt::format("'{}' is not a time of the form hh:mm:ss.sss", time));
  auto dt = parse_date_time(date, time);
  if (!dt) return tl::unexpected(dt.error().message);
  return dt->time;
}

std::optional<TimeRange> parse_time_range(std::span<const Token> args, Position keyword,
                                          TimeRangeOptions options, Diagnostics& diagnostics) {
  std::size_t to_index = args.size();
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (!iequals(args[i].text, "to")) continue;
    if (to_index != args.size()) {
      diagnostics.error(args[i].at, "a time range has only one 'to'", "4.6");
      return std::nullopt;
    }
    to_index = i;
  }
  if (to_index == args.size()) {
    const Position at = args.empty() ? keyword : args.front().at;
    diagnostics.error(at, "expected a time range 'date [time] to date [time]'", "4.6.44");
    return std::nullopt;
  }

  bool ok = true;
  auto bound = [&](std::span<const Token> part, bool is_start) -> std::optional<TimeBound> {
    if (part.empty()) return std::nullopt;
    const std::string_view word = is_start ? "now" : "forever";
    if (part.size() == 1 && iequals(part[0].text, word)) {
      if (!options.allow_now_forever) {
        diagnostics.error(
            part[0].at,
            fmt::format("'{}' is allowed only in the TIME line of a subscription message", part[0].text),
            "5.4.2");
        ok = false;
        return std::nullopt;
      }
      return TimeBound{is_start ? TimeBound::Kind::now : TimeBound::Kind::forever, {}};
    }
    if (part.size() > 2 || (part.size() == 2 && !is_time_token(part[1].text))) {
      const Token& extra = part.size() == 2 ? part[1] : part[2];
      diagnostics.error(
          extra.at, fmt::format("unexpected '{}': a time limit is 'yyyy/mm/dd [hh:mm:ss.sss]'", extra.text),
          std::string(kDateRule));
      ok = false;
      return std::nullopt;
    }
    auto dt = parse_date_time(part[0].text, part.size() == 2 ? part[1].text : std::string_view{},
                              {options.allow_partial_date});
    if (!dt) {
      const Token& t = part[dt.error().field];
      diagnostics.error({t.at.line, t.at.column + int(dt.error().offset)}, dt.error().message,
                        std::string(kDateRule));
      ok = false;
      return std::nullopt;
    }
    if (dt->precision < TimePrecision::day)
      diagnostics.warning(
          part[0].at,
          fmt::format("partial date '{}' read as its first day; the spec asks for yyyy/mm/dd", part[0].text),
          "4.6.44");
    return TimeBound{TimeBound::Kind::at, *dt};
  };

  TimeRange range;
  range.from = bound(args.first(to_index), true);
  range.to = bound(args.subspan(to_index + 1), false);
  if (!ok) return std::nullopt;
  if (range.from && range.to && range.from->kind == TimeBound::Kind::at &&
      range.to->kind == TimeBound::Kind::at) {
    if (range.from->at.time > range.to->at.time) {
      diagnostics.error(args[to_index + 1].at, "the end of the time range is before its start", "4.6.44");
      return std::nullopt;
    }
    if (range.from->at.time == range.to->at.time)
      diagnostics.warning(args[to_index + 1].at,
                          "the time range is empty: its end is excluded, so it selects no data", "4.6.44");
  }
  return range;
}

std::string write_time_range(const TimeRange& range) {
  auto bound = [](const TimeBound& b) -> std::string {
    switch (b.kind) {
      case TimeBound::Kind::now:
        return "now";
      case TimeBound::Kind::forever:
        return "forever";
      case TimeBound::Kind::at:
        break;
    }
    return write_date_time(b.at);
  };
  std::string out;
  if (range.from) out += bound(*range.from) + " ";
  out += "to";
  if (range.to) out += " " + bound(*range.to);
  return out;
}

}  // namespace imsgate::ims2
