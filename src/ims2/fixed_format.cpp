#include "ims2/fixed_format.hpp"

#include <cmath>

#include <fmt/format.h>

#include "ims2/text.hpp"

namespace imsgate::ims2 {

std::string_view FieldReader::raw(const Field& f) const {
  const std::size_t start = static_cast<std::size_t>(f.first - 1);
  if (start >= line_.text.size()) return {};
  return line_.text.substr(start, static_cast<std::size_t>(f.width()));
}

std::string FieldReader::text(const Field& f) const {
  return std::string(trim(raw(f)));
}

Position FieldReader::at(const Field& f) const {
  const std::string_view r = raw(f);
  std::size_t lead = 0;
  while (lead < r.size() && is_blank(r[lead])) ++lead;
  return {line_.number, f.first + static_cast<int>(lead)};
}

void FieldReader::bad(const Field& f, std::string_view expected) {
  diagnostics_.error(
      at(f),
      fmt::format("{} '{}' (columns {}-{}) is not {}", f.name, trim(raw(f)), f.first, f.last, expected),
      rule_);
}

std::optional<std::int64_t> FieldReader::integer(const Field& f) {
  const std::string_view v = trim(raw(f));
  if (v.empty()) return std::nullopt;
  auto n = parse_integer(v);
  if (!n) bad(f, "an integer");
  return n;
}

std::optional<double> FieldReader::real(const Field& f) {
  const std::string_view v = trim(raw(f));
  if (v.empty()) return std::nullopt;
  auto x = parse_real(v);
  if (!x || !std::isfinite(*x)) {
    bad(f, "a number");
    return std::nullopt;
  }
  return x;
}

std::optional<TimePoint> FieldReader::date_time(const Field& date, const Field& time) {
  const std::string_view d = trim(raw(date));
  const std::string_view t = trim(raw(time));
  if (d.empty() && t.empty()) return std::nullopt;
  auto parsed = parse_fixed_date_time(d, t);
  if (!parsed) {
    diagnostics_.error(
        at(date), fmt::format("{} (columns {}-{}): {}", date.name, date.first, time.last, parsed.error()),
        rule_);
    return std::nullopt;
  }
  return *parsed;
}

void FieldWriter::place(const Field& f, std::string_view value, bool right) {
  if (static_cast<int>(value.size()) > f.width()) {
    if (error_.empty())
      error_ = fmt::format("{} '{}' does not fit in columns {}-{}", f.name, value, f.first, f.last);
    return;
  }
  const std::size_t end = static_cast<std::size_t>(f.last);
  if (line_.size() < end) line_.resize(end, ' ');
  const std::size_t start = right ? end - value.size() : static_cast<std::size_t>(f.first - 1);
  line_.replace(start, value.size(), value);
}

void FieldWriter::literal(int first, std::string_view text) {
  place(text_field(first, first + static_cast<int>(text.size()) - 1, text), text, false);
}

void FieldWriter::text(const Field& f, std::string_view value) {
  place(f, value, false);
}

void FieldWriter::right_justified(const Field& f, std::string_view value) {
  place(f, value, true);
}

void FieldWriter::integer(const Field& f, std::optional<std::int64_t> value) {
  if (value) place(f, fmt::format("{}", *value), true);
}

void FieldWriter::real(const Field& f, std::optional<double> value) {
  if (!value) return;
  std::string s;
  if (f.decimals == kAsNeeded) {
    s = fmt::format("{}", *value);
    if (static_cast<int>(s.size()) <= f.width()) return place(f, s, true);
  }
  for (int decimals = f.decimals == kAsNeeded ? 6 : f.decimals; decimals >= 0; --decimals) {
    s = f.kind == Field::Kind::exponent ? fmt::format("{:.{}e}", *value, decimals)
                                        : fmt::format("{:.{}f}", *value, decimals);
    if (static_cast<int>(s.size()) <= f.width()) break;
  }
  place(f, s, true);
}

void FieldWriter::date_time(const Field& date, const Field& time, std::optional<TimePoint> value) {
  if (!value) return;
  const int decimals = time.kind == Field::Kind::real ? time.decimals : 0;
  const std::string both = write_fixed_date_time(*value, decimals);  // "yyyy/mm/dd hh:mm:ss.sss"
  place(date, std::string_view(both).substr(0, 10), true);
  place(time, std::string_view(both).substr(11), true);
}

tl::expected<std::string, std::string> FieldWriter::finish() const {
  if (!error_.empty()) return tl::unexpected(error_);
  return std::string(trim_right(line_));
}

}  // namespace imsgate::ims2
