#include "ims2/rn/arr_layout.hpp"

#include <cmath>

#include <fmt/format.h>

#include "ims2/free_format.hpp"

namespace imsgate::ims2::rn::arr {
namespace {

constexpr std::string_view kNotAvailable = "N/A";

bool is_rule_of(std::string_view text, char c) {
  text = trim(text);
  return text.size() >= 3 && text.find_first_not_of(c) == std::string_view::npos;
}

// The title a line names, or -1.
int title_of(std::string_view text, const std::vector<std::string_view>& titles, bool equals_rule) {
  text = trim(text);
  if (equals_rule) {
    if (text.size() < 5 || text.substr(text.size() - 5) != "=====") return -1;
    text = trim(text.substr(0, text.find_last_not_of('=') + 1));
  }
  if (text.empty()) return -1;
  for (std::size_t i = 0; i < titles.size(); ++i) {
    const auto end = match_label(text, titles[i]);
    if (end && trim(text.substr(*end)).empty()) return static_cast<int>(i);
  }
  return -1;
}

}  // namespace

bool is_blank_text(std::string_view text) {
  return trim(text).empty();
}

bool is_elision(std::string_view text) {
  text = trim(text);
  if (text.empty()) return false;
  if (text == "\u22ee") return true;
  return text.find_first_not_of(":.") == std::string_view::npos;
}

std::optional<std::size_t> match_label(std::string_view text, std::string_view label) {
  std::size_t i = 0;
  while (i < text.size() && is_blank(text[i])) ++i;
  for (std::size_t j = 0; j < label.size(); ++j) {
    if (is_blank(label[j])) {
      if (i >= text.size() || !is_blank(text[i])) return std::nullopt;
      while (i < text.size() && is_blank(text[i])) ++i;
      while (j + 1 < label.size() && is_blank(label[j + 1])) ++j;
      continue;
    }
    if (i >= text.size() || ascii_lower(text[i]) != ascii_lower(label[j])) return std::nullopt;
    ++i;
  }
  return i;
}

std::size_t find_label(std::string_view text, std::string_view label, std::size_t from) {
  for (std::size_t i = from; i < text.size(); ++i) {
    const bool word_start = !is_blank(text[i]) && (i == 0 || is_blank(text[i - 1]));
    if (word_start && match_label(text.substr(i), label)) return i;
  }
  return std::string_view::npos;
}

std::optional<Labelled> labelled(std::string_view text, std::string_view label1, std::string_view label2) {
  const auto end1 = match_label(text, label1);
  if (!end1) return std::nullopt;
  const std::size_t second = label2.empty() ? std::string_view::npos : find_label(text, label2, *end1);
  if (second == std::string_view::npos) return Labelled{trim(text.substr(*end1)), text.substr(text.size())};
  const std::size_t end2 = second + *match_label(text.substr(second), label2);
  return Labelled{trim(text.substr(*end1, second - *end1)), trim(text.substr(end2))};
}

SplitReport split_report(const std::vector<Line>& lines, const std::vector<std::string_view>& titles,
                         bool equals_rule, Diagnostics& diagnostics) {
  SplitReport split;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const Line& line = lines[i];
    if (is_time_stamp_line(line.text)) {
      if (auto t = read_time_stamp(line, diagnostics)) split.time_stamps.push_back(*t);
      continue;
    }
    const int id = title_of(line.text, titles, equals_rule);
    if (id >= 0) {
      split.sections.push_back({id, line, {}});
      if (!equals_rule && i + 1 < lines.size() && is_rule_of(lines[i + 1].text, '-')) ++i;
      continue;
    }
    if (split.sections.empty()) {
      split.title_block.push_back(line);
    } else {
      split.sections.back().lines.push_back(line);
    }
  }
  return split;
}

Position ValueReader::at(std::string_view part) const {
  const auto* begin = line_.text.data();
  if (part.data() < begin || part.data() > begin + line_.text.size()) return {line_.number, 0};
  return {line_.number, static_cast<int>(part.data() - begin) + 1};
}

void ValueReader::bad(std::string_view part, std::string_view what, std::string_view expected) {
  diagnostics_.error(at(part), fmt::format("'{}' is not a valid {}: expected {}", part, what, expected),
                     rule_);
}

std::optional<double> ValueReader::real(std::string_view p, std::string_view what) {
  p = trim(p);
  if (p.empty() || p == kNotAvailable) return std::nullopt;
  auto x = parse_real(p);
  if (x && std::isfinite(*x)) return x;
  bad(p, what, "a number");
  return std::nullopt;
}

std::optional<std::int64_t> ValueReader::integer(std::string_view p, std::string_view what) {
  p = trim(p);
  if (p.empty() || p == kNotAvailable) return std::nullopt;
  if (auto n = parse_integer(p)) return n;
  bad(p, what, "an integer");
  return std::nullopt;
}

std::optional<bool> ValueReader::yes_no(std::string_view p, std::string_view what) {
  p = trim(p);
  if (p.empty() || p == kNotAvailable) return std::nullopt;
  if (iequals(p, "YES")) return true;
  if (iequals(p, "NO")) return false;
  bad(p, what, "YES or NO");
  return std::nullopt;
}

std::optional<bool> ValueReader::pass_fail(std::string_view p, std::string_view what) {
  p = trim(p);
  if (p.empty() || p == kNotAvailable) return std::nullopt;
  if (iequals(p, "PASS")) return true;
  if (iequals(p, "FAIL")) return false;
  bad(p, what, "PASS, FAIL or N/A");
  return std::nullopt;
}

std::optional<TimePoint> ValueReader::date_time(std::string_view p, std::string_view what) {
  p = trim(p);
  if (p.empty() || p == kNotAvailable) return std::nullopt;
  const auto tokens = LogicalLine(Line{p, line_.number, 0, false}).tokens();
  if (tokens.size() == 2) {
    std::string date(tokens[0].text);
    for (char& c : date)
      if (c == '-') c = '/';
    std::string time(tokens[1].text);
    if (time.size() == 5) time += ":00";
    if (auto t = parse_fixed_date_time(date, time)) return *t;
  }
  bad(p, what, "yyyy/mm/dd hh:mm[:ss] or yyyy-mm-dd hh:mm:ss");
  return std::nullopt;
}

std::optional<double> ValueReader::duration(std::string_view p, std::string_view what) {
  p = trim(p);
  if (p.empty() || p == kNotAvailable) return std::nullopt;
  const auto tokens = LogicalLine(Line{p, line_.number, 0, false}).tokens();
  double seconds = 0;
  int last_unit = -1;
  constexpr std::string_view kUnits = "dhms";
  constexpr double kScale[] = {86400, 3600, 60, 1};
  bool ok = !tokens.empty() && tokens.size() % 2 == 0;
  // "-1 h 2 s": a leading sign applies to the whole duration.
  const bool negative = ok && tokens[0].text.front() == '-';
  for (std::size_t i = 0; ok && i + 1 < tokens.size(); i += 2) {
    std::string_view number = tokens[i].text;
    if (negative && i == 0) number.remove_prefix(1);
    const auto x = parse_real(number);
    const std::string_view unit = tokens[i + 1].text;
    const auto u = unit.size() == 1 ? kUnits.find(ascii_lower(unit[0])) : std::string_view::npos;
    ok = x && std::isfinite(*x) && *x >= 0 && u != std::string_view::npos && static_cast<int>(u) > last_unit;
    if (ok) {
      seconds += *x * kScale[u];
      last_unit = static_cast<int>(u);
    }
  }
  if (ok && std::isfinite(seconds)) return negative ? -seconds : seconds;
  bad(p, what, "a duration such as '12 h 1 s', '1 d' or '17.0 s'");
  return std::nullopt;
}

std::optional<double> ValueReader::quantity(std::string_view p, std::string_view unit,
                                            std::string_view what) {
  p = trim(p);
  const auto blank = p.find_first_of(" \t");
  const std::string_view number = p.substr(0, blank);
  const std::string_view rest = blank == std::string_view::npos ? std::string_view() : trim(p.substr(blank));
  auto x = real(number, what);
  if (x && !iequals(rest, unit)) {
    diagnostics_.warning(at(rest.empty() ? number : rest),
                         fmt::format("the {} is followed by its unit '{}'", what, unit), rule_);
  }
  return x;
}

std::optional<double> row_real(RecordReader& r, const Field& f) {
  if (r.peek() == kNotAvailable) {
    r.text(f);
    return std::nullopt;
  }
  return r.real(f);
}

std::optional<std::int64_t> row_integer(RecordReader& r, const Field& f) {
  if (r.peek() == kNotAvailable) {
    r.text(f);
    return std::nullopt;
  }
  return r.integer(f);
}

std::optional<bool> row_yes_no(RecordReader& r, const Field& f) {
  const Position at = r.position();
  const std::string t = r.text(f);
  if (t.empty() || t == kNotAvailable) return std::nullopt;
  if (iequals(t, "YES")) return true;
  if (iequals(t, "NO")) return false;
  r.diagnostics().error(at, fmt::format("'{}' is not a valid {}: expected YES or NO", t, f.name),
                        std::string(r.rule()));
  return std::nullopt;
}

HalfLife row_half_life(RecordReader& r, const Field& value, const Field& unit) {
  HalfLife h;
  if (r.peek() == kNotAvailable) {
    r.text(value);
    return h;
  }
  h.value = r.real(value);
  h.unit = r.text(unit);
  return h;
}

void keep_untyped(const Line& line, std::vector<std::string>& extra, Diagnostics& diagnostics, Mode mode,
                  std::string_view rule) {
  deviation(diagnostics, mode, {line.number, 1},
            is_elision(line.text) ? "elision mark: kept verbatim"
                                  : "a line the report layout does not define: kept verbatim",
            std::string(rule));
  extra.emplace_back(trim_right(line.text));
}

std::string format_fixed(std::optional<double> v, int decimals) {
  return v ? fmt::format("{:.{}f}", *v, decimals) : std::string(kNotAvailable);
}

std::string format_exp(std::optional<double> v, int decimals) {
  return v ? fmt::format("{:.{}E}", *v, decimals) : std::string(kNotAvailable);
}

std::string format_shortest(std::optional<double> v) {
  return v ? fmt::format("{}", *v) : std::string(kNotAvailable);
}

std::string format_integer(std::optional<std::int64_t> v) {
  return v ? fmt::format("{}", *v) : std::string(kNotAvailable);
}

std::string format_yes_no(std::optional<bool> v) {
  return v ? (*v ? "YES" : "NO") : std::string(kNotAvailable);
}

std::string format_half_life(const HalfLife& h) {
  if (!h.value) return std::string(kNotAvailable);
  return h.unit.empty() ? format_shortest(h.value) : fmt::format("{} {}", *h.value, h.unit);
}

std::string format_duration(std::optional<double> seconds, int second_decimals) {
  if (!seconds) return std::string(kNotAvailable);
  if (!(std::abs(*seconds) < 1e15)) return fmt::format("{} s", *seconds);  // beyond whole-second splitting
  const double scale = std::pow(10.0, second_decimals);
  const double total = std::round(std::abs(*seconds) * scale) / scale;
  auto whole = static_cast<std::int64_t>(std::floor(total));
  const double fraction = total - static_cast<double>(whole);
  const std::int64_t days = whole / 86400, hours = whole % 86400 / 3600, minutes = whole % 3600 / 60;
  const double secs = static_cast<double>(whole % 60) + fraction;
  std::string out = *seconds < 0 ? "-" : "";
  auto add = [&](std::string part) { out += (out.empty() || out == "-") ? part : " " + part; };
  if (days) add(fmt::format("{} d", days));
  if (hours) add(fmt::format("{} h", hours));
  if (minutes) add(fmt::format("{} m", minutes));
  if (secs != 0 || whole == 0) add(fmt::format("{:.{}f} s", secs, second_decimals));
  return out;
}

std::string format_date_time(std::optional<TimePoint> t, DateStyle style) {
  if (!t) return std::string(kNotAvailable);
  std::string s = write_fixed_date_time(*t, 0);  // "yyyy/mm/dd hh:mm:ss"
  if (style == DateStyle::slash_minutes) s = write_fixed_date_time(floor<std::chrono::minutes>(*t), 0);
  if (style == DateStyle::slash_minutes) s.resize(16);
  if (style == DateStyle::dash_seconds)
    for (char& c : s)
      if (c == '/') c = '-';
  return s;
}

void Document::blank(int count) {
  for (int i = 0; i < count; ++i) lines_.push_back({Role::blank, {}});
}

void Document::title(int column, std::string text) {
  const int width = static_cast<int>(text.size());
  lines_.push_back({Role::title, {{at(column, width, "title"), std::move(text)}}});
}

void Document::heading(std::string title) {
  if (equals_rule_) title += " =====";
  const int width = static_cast<int>(title.size());
  lines_.push_back({Role::heading, {{at(1, width, "section title"), std::move(title)}}});
  if (!equals_rule_) lines_.push_back({Role::rule, {{at(1, 5, "rule"), "-----"}}});
}

void Document::text(int column, std::string text) {
  if (text.empty()) return blank();
  const int width = static_cast<int>(text.size());
  lines_.push_back({Role::text, {{at(column, width, "text"), std::move(text)}}});
}

void Document::grid(std::vector<Cell> cells) {
  lines_.push_back({Role::grid, std::move(cells)});
}

void Document::head(std::vector<Cell> cells) {
  lines_.push_back({Role::table_head, std::move(cells)});
}

void Document::row(std::vector<Cell> cells) {
  lines_.push_back({Role::table_row, std::move(cells)});
}

void Document::extra(const std::vector<std::string>& lines) {
  for (const std::string& l : lines) text(1, l);
}

tl::expected<std::string, std::string> Document::plain() const {
  std::string out;
  for (const DocLine& line : lines_) {
    if (line.role == Role::table_head) {
      std::string text;
      for (const Cell& c : line.cells) {
        const std::size_t column = static_cast<std::size_t>(c.field.first - 1);
        if (text.size() < column) {
          text.resize(column, ' ');
        } else if (!text.empty()) {
          text += ' ';
        }
        text += c.text;
      }
      out += text + '\n';
      continue;
    }
    FieldWriter w;
    for (const Cell& c : line.cells) {
      if (c.right) {
        w.right_justified(c.field, c.text);
      } else {
        w.text(c.field, c.text);
      }
    }
    auto text = w.finish();
    if (!text) return tl::unexpected(text.error());
    out += *text + '\n';
  }
  return out;
}

}  // namespace imsgate::ims2::rn::arr
