#include "ims2/rn/report_text.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>

#include <fmt/format.h>

#include "ims2/free_format.hpp"
#include "ims2/rn/block.hpp"
#include "ims2/text.hpp"

namespace imsgate::ims2::rn {
namespace {

constexpr bool is_separator(char c) {
  return is_blank(c) || c == '-';
}

// At most 6: the writer rounds to microseconds.
int decimals_of(std::string_view number) {
  const auto point = number.find('.');
  return point == std::string_view::npos ? 0 : std::min(static_cast<int>(number.size() - point - 1), 6);
}

}  // namespace

ReportLines report_lines(const DataSection& section, Diagnostics& diagnostics) {
  ReportLines out;
  for (const Line& line : section_lines(section)) {
    if (is_time_stamp_line(line.text)) {
      if (auto t = read_time_stamp(line, diagnostics)) out.time_stamps.push_back(*t);
      continue;
    }
    out.lines.push_back(line);
  }
  return out;
}

bool is_rule_line(std::string_view text) {
  int marks = 0;
  for (char c : text) {
    if (c == '-' || c == '=') {
      ++marks;
    } else if (!is_blank(c)) {
      return false;
    }
  }
  return marks >= 3;
}

std::optional<std::string_view> after_label(std::string_view text, std::string_view label) {
  std::size_t i = 0;
  while (i < text.size() && is_blank(text[i])) ++i;
  std::size_t j = 0;
  while (j < label.size()) {
    if (is_separator(label[j])) {
      if (i >= text.size() || !is_separator(text[i])) return std::nullopt;
      while (i < text.size() && is_separator(text[i])) ++i;
      while (j < label.size() && is_separator(label[j])) ++j;
      continue;
    }
    if (i >= text.size() || ascii_lower(text[i]) != ascii_lower(label[j])) return std::nullopt;
    ++i;
    ++j;
  }
  if (i < text.size() && !is_blank(text[i]) && text[i] != ':') return std::nullopt;
  std::string_view rest = trim(text.substr(i));
  if (!rest.empty() && rest.front() == ':') rest = trim(rest.substr(1));
  return rest;
}

std::optional<TimePoint> parse_report_date_time(std::string_view date, std::string_view time) {
  std::string d(trim(date));
  if (d.size() == 10 && d[4] == '-' && d[7] == '-') d[4] = d[7] = '/';
  if (d.size() == 8 && d[2] == '/' && d[5] == '/') d = "20" + d;
  std::string t(trim(time));
  if (t.size() == 5) t += ":00";
  if (auto parsed = parse_fixed_date_time(d, t)) return *parsed;
  return std::nullopt;
}

std::string write_report_date_time(TimePoint t, bool dashes, bool with_seconds) {
  std::string s = write_fixed_date_time(t, 0);
  if (dashes) s[4] = s[7] = '-';
  if (!with_seconds) s.resize(16);
  return s;
}

std::optional<ReportDuration> parse_report_duration(std::string_view text, DurationForm form) {
  const auto tokens = LogicalLine(Line{text, 1, 0, false}).tokens();
  if (tokens.empty() || tokens.size() % 2 != 0) return std::nullopt;
  if (form == DurationForm::hours) {
    const auto hours = parse_real(tokens[0].text);
    if (tokens.size() != 2 || !hours || *hours < 0 ||
        !(iequals(tokens[1].text, "hours") || iequals(tokens[1].text, "hour")))
      return std::nullopt;
    return ReportDuration{*hours * 3600, decimals_of(tokens[0].text)};
  }
  static constexpr std::string_view kUnits = "dhms";
  static constexpr double kSeconds[] = {86400, 3600, 60, 1};
  ReportDuration d;
  std::size_t next_unit = 0;
  for (std::size_t i = 0; i < tokens.size(); i += 2) {
    const auto value = parse_real(tokens[i].text);
    const std::string_view unit = tokens[i + 1].text;
    const auto u = unit.size() == 1 ? kUnits.find(ascii_lower(unit[0])) : std::string_view::npos;
    if (!value || *value < 0 || u == std::string_view::npos || u < next_unit) return std::nullopt;
    next_unit = u + 1;
    d.seconds += *value * kSeconds[u];
    d.decimals = decimals_of(tokens[i].text);
  }
  return d;
}

std::string write_report_duration(const ReportDuration& d, DurationForm form) {
  const int decimals = std::clamp(d.decimals, 0, 6);
  if (form == DurationForm::hours) return fmt::format("{:.{}f} hours", d.seconds / 3600, decimals);
  const std::int64_t scale = static_cast<std::int64_t>(std::pow(10, decimals));
  const std::int64_t units = std::llround(std::max(d.seconds, 0.0) * static_cast<double>(scale));
  const std::int64_t whole = units / scale;
  const std::int64_t parts[] = {whole / 86400, whole % 86400 / 3600, whole % 3600 / 60};
  static constexpr std::string_view kUnits[] = {"d", "h", "m"};
  std::string out;
  for (int i = 0; i < 3; ++i) {
    if (parts[i] != 0) out += fmt::format("{}{} {}", out.empty() ? "" : " ", parts[i], kUnits[i]);
  }
  const std::int64_t second_units = units - (whole - whole % 60) * scale;
  if (second_units != 0 || decimals > 0 || out.empty()) {
    out += fmt::format("{}{:.{}f} s", out.empty() ? "" : " ",
                       static_cast<double>(second_units) / static_cast<double>(scale), decimals);
  }
  return out;
}

std::string write_report_number(double value, int decimals, bool exponent) {
  std::string s =
      exponent ? fmt::format("{:.{}E}", value, decimals) : fmt::format("{:.{}f}", value, decimals);
  if (parse_real(s) == value) return s;
  return fmt::format("{}", value);
}

std::optional<bool> parse_yes_no(std::string_view text) {
  if (iequals(text, "yes")) return true;
  if (iequals(text, "no")) return false;
  return std::nullopt;
}

void ReportBuilder::add(std::string_view line) {
  text_.append(trim_right(line));
  text_ += '\n';
}

void ReportBuilder::add_result(const tl::expected<std::string, std::string>& line) {
  if (line) return add(*line);
  fail(line.error());
}

void ReportBuilder::fail(std::string message) {
  if (error_.empty()) error_ = std::move(message);
}

tl::expected<std::string, std::string> ReportBuilder::finish() const {
  if (!error_.empty()) return tl::unexpected(error_);
  return text_;
}

std::optional<std::string> free_text_problem(std::string_view line,
                                             std::span<const std::string_view> headings) {
  if (line.size() > 1024) return "a line is at most 1024 characters (3.5.2)";
  if (line.find_first_of("\r\n") != std::string_view::npos) return "a line holds no line break";
  const std::string_view t = trim(line);
  if (is_time_stamp_line(t)) return "it would be read as a TIME_STAMP line";
  if (is_rule_line(t)) return "it would be read as a rule line";
  for (std::string_view word : {"STOP", "BEGIN", "DATA_TYPE"}) {
    if (istarts_with(line, word) && (line.size() == word.size() || is_blank(line[word.size()])))
      return fmt::format("it would be read as a {} line", word);
  }
  for (std::string_view heading : headings) {
    if (auto rest = after_label(t, heading);
        rest && rest->find_first_not_of("-= \t") == std::string_view::npos)
      return fmt::format("it would be read as the heading '{}'", heading);
  }
  return std::nullopt;
}

}  // namespace imsgate::ims2::rn
