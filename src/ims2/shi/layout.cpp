#include "ims2/shi/layout.hpp"

#include <cmath>

#include <fmt/format.h>

#include "ims2/line_reader.hpp"
#include "ims2/text.hpp"

namespace imsgate::ims2::shi::layout {

std::vector<Word> split_words(std::string_view text) {
  std::vector<Word> words;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && is_blank(text[i])) ++i;
    const std::size_t start = i;
    while (i < text.size() && !is_blank(text[i])) ++i;
    if (i > start) words.push_back({text.substr(start, i - start), static_cast<int>(start) + 1});
  }
  return words;
}

std::string WordCursor::rest() {
  std::string out;
  while (!done()) {
    if (!out.empty()) out += ' ';
    out += take();
  }
  return out;
}

bool is_blank_line(std::string_view text) {
  return trim(text).empty();
}

bool is_date_word(std::string_view s) {
  return parse_date_word(s).has_value();
}

bool is_time_word(std::string_view s) {
  return s.size() >= 8 && s[2] == ':' && s[5] == ':';
}

bool is_number_word(std::string_view s) {
  auto x = parse_real(s);
  return x && std::isfinite(*x);
}

bool is_integer_word(std::string_view s) {
  return parse_integer(s).has_value();
}

int first_column_outside(std::string_view text, std::span<const Field> fields) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (is_blank(text[i])) continue;
    const int column = static_cast<int>(i) + 1;
    bool inside = false;
    for (const Field& f : fields) inside = inside || (column >= f.first && column <= f.last);
    if (!inside) return column;
  }
  return 0;
}

bool fits_columns(std::string_view text, std::span<const Field> fields) {
  return first_column_outside(text, fields) == 0;
}

std::optional<std::string> read_comment_line(const Line& line, Diagnostics& diagnostics,
                                             std::string_view rule) {
  const std::string_view t = trim_right(line.text);
  std::size_t open = 0;
  if (t.size() >= 2 && t[0] == ' ' && t[1] == '(') {
    open = 1;
  } else if (!t.empty() && t[0] == '(') {
    diagnostics.warning({line.number, 1}, "comment should begin with '(' in column 2", std::string(rule));
  } else {
    return std::nullopt;
  }
  std::string_view inner = t.substr(open + 1);
  if (!inner.empty() && inner.back() == ')') {
    inner.remove_suffix(1);
  } else {
    diagnostics.warning({line.number, static_cast<int>(t.size())}, "comment does not end with ')'",
                        std::string(rule));
  }
  return std::string(inner);
}

std::string write_comment_line(std::string_view text) {
  return fmt::format(" ({})", text);
}

bool is_header_line(std::string_view text, std::string_view header) {
  const auto a = split_words(text);
  const auto b = split_words(header);
  if (a.size() < 2 || b.size() < 2) return false;
  return iequals(a[0].text, b[0].text) && iequals(a[1].text, b[1].text);
}

std::string header_line(std::initializer_list<Label> labels) {
  FieldWriter w;
  for (const Label& l : labels) w.literal(l.column, l.text);
  return *w.finish();
}

std::optional<TimePoint> parse_date_word(std::string_view date) {
  date = trim(date);
  if (date.size() != 10 || date[4] != '/' || date[7] != '/') return std::nullopt;
  auto dt = parse_date_time(date, "");
  if (!dt) return std::nullopt;
  return dt->time;
}

std::optional<TimePoint> parse_date_time_words(std::string_view date, std::string_view time) {
  date = trim(date);
  time = trim(time);
  if (date.size() != 10 || date[4] != '/' || date[7] != '/') return std::nullopt;
  if (time.size() < 5 || time[2] != ':') return std::nullopt;
  auto dt = parse_date_time(date, time);
  if (!dt) return std::nullopt;
  return dt->time;
}

namespace {
Position field_at(const Line& line, const Field& f) {
  const std::size_t start = static_cast<std::size_t>(f.first - 1);
  int column = f.first;
  if (start < line.text.size()) {
    const std::string_view r = line.text.substr(start, static_cast<std::size_t>(f.width()));
    std::size_t lead = 0;
    while (lead < r.size() && is_blank(r[lead])) ++lead;
    column += static_cast<int>(lead);
  }
  return {line.number, column};
}

std::string_view field_text(const Line& line, const Field& f) {
  const std::size_t start = static_cast<std::size_t>(f.first - 1);
  if (start >= line.text.size()) return {};
  return trim(line.text.substr(start, static_cast<std::size_t>(f.width())));
}
}  // namespace

std::optional<TimePoint> read_date(const Line& line, const Field& f, Diagnostics& diagnostics,
                                   std::string_view rule) {
  const std::string_view v = field_text(line, f);
  if (v.empty()) return std::nullopt;
  auto t = parse_date_word(v);
  if (!t)
    diagnostics.error(
        field_at(line, f),
        fmt::format("{} '{}' (columns {}-{}) is not a date yyyy/mm/dd", f.name, v, f.first, f.last),
        std::string(rule));
  return t;
}

std::optional<TimePoint> read_date_hm(const Line& line, const Field& date, const Field& time,
                                      Diagnostics& diagnostics, std::string_view rule) {
  const std::string_view d = field_text(line, date);
  const std::string_view t = field_text(line, time);
  if (d.empty() && t.empty()) return std::nullopt;
  auto parsed = t.size() == 5 ? parse_date_time_words(d, t) : std::nullopt;
  if (!parsed)
    diagnostics.error(field_at(line, date),
                      fmt::format("{} '{} {}' (columns {}-{}) is not a date and time yyyy/mm/dd hh:mm",
                                  date.name, d, t, date.first, time.last),
                      std::string(rule));
  return parsed;
}

void write_date(FieldWriter& w, const Field& f, std::optional<TimePoint> t) {
  if (t) w.text(f, ims2::write_date(*t));
}

void write_date_hm(FieldWriter& w, const Field& date, const Field& time, std::optional<TimePoint> t) {
  if (!t) return;
  const std::string both = write_fixed_date_time(*t, 0);  // "yyyy/mm/dd hh:mm:ss"
  w.text(date, std::string_view(both).substr(0, 10));
  w.text(time, std::string_view(both).substr(11, 5));
}

void require(bool present, const Line& line, const Field& f, Diagnostics& diagnostics,
             std::string_view rule) {
  if (!present)
    diagnostics.error({line.number, f.first},
                      fmt::format("{} (columns {}-{}) is required but blank", f.name, f.first, f.last),
                      std::string(rule));
}

void warn_words(const Line& line, Diagnostics& diagnostics, std::string_view table, std::string_view rule) {
  diagnostics.warning(
      {line.number, 1},
      fmt::format("line does not fit the columns of {}; its fields were read as blank-separated "
                  "words in order",
                  table),
      std::string(rule));
}

void unexpected_line(const Line& line, Diagnostics& diagnostics, std::string_view what,
                     std::string_view rule) {
  const std::size_t lead = line.text.find_first_not_of(" \t");
  const int column = lead == std::string_view::npos ? 1 : static_cast<int>(lead) + 1;
  diagnostics.error({line.number, column},
                    fmt::format("unexpected line '{}': expected {}", trim(line.text), what),
                    std::string(rule));
}

void TextBuilder::add(const FieldWriter& w) {
  auto line = w.finish();
  if (line)
    add(*line);
  else
    fail(line.error());
}

void TextBuilder::add(std::string_view line) {
  text_ += line;
  text_ += '\n';
}

void TextBuilder::fail(std::string message) {
  if (error_.empty()) error_ = std::move(message);
}

tl::expected<std::string, std::string> TextBuilder::finish() const {
  if (!error_.empty()) return tl::unexpected(error_);
  return text_;
}

bool is_report_period_line(std::string_view text) {
  const auto w = split_words(text);
  return w.size() >= 3 && iequals(w[0].text, "report") && iequals(w[1].text, "period") &&
         iequals(w[2].text, "from");
}

ReportPeriod read_report_period(const Line& line, Diagnostics& diagnostics, std::string_view rule) {
  const auto w = split_words(line.text);
  ReportPeriod period;
  if (w.size() != 8 || !iequals(w[5].text, "to")) {
    diagnostics.error({line.number, 1},
                      "expected 'Report period from yyyy/mm/dd hh:mm:ss.s to yyyy/mm/dd hh:mm:ss.s'",
                      std::string(rule));
    return period;
  }
  period.from = parse_date_time_words(w[3].text, w[4].text);
  period.to = parse_date_time_words(w[6].text, w[7].text);
  if (!period.from)
    diagnostics.error({line.number, w[3].column}, "report period start is not a date and time",
                      std::string(rule));
  if (!period.to)
    diagnostics.error({line.number, w[6].column}, "report period end is not a date and time",
                      std::string(rule));
  // The common layout (Tables 47-53) has its dates at 20 and 45; Table 52 (OUTAGE) at 20 and 47.
  const bool common = w[3].column == 20 && w[4].column == 31 && w[5].column == 42 && w[6].column == 45;
  const bool outage = w[3].column == 20 && w[4].column == 31 && w[5].column == 44 && w[6].column == 47;
  if (!common && !outage)
    diagnostics.warning({line.number, 1}, "report period line does not fit the columns of the status tables",
                        std::string(rule));
  return period;
}

void write_report_period(TextBuilder& out, const ReportPeriod& period, bool milliseconds) {
  const int decimals = milliseconds ? 3 : 1;
  const int shift = milliseconds ? 2 : 0;
  FieldWriter w;
  w.literal(1, "Report period from");
  w.date_time(text_field(20, 29, "report start date"),
              real_field(31, 40 + shift, decimals, "report start time"), period.from);
  w.literal(42 + shift, "to");
  w.date_time(text_field(45 + shift, 54 + shift, "report end date"),
              real_field(56 + shift, 65 + 2 * shift, decimals, "report end time"), period.to);
  out.add(w);
}

}  // namespace imsgate::ims2::shi::layout
