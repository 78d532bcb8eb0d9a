#include "ims2/rn/lab_record.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "ims2/text.hpp"

namespace imsgate::ims2::rn {
namespace {

constexpr std::size_t kTextWidth = 80;  // a80 free-text records
const TimePoint kUnixEpoch{};

// "99999999" for a missing f8.3: the '-' left out (I.29.2).
bool is_unsigned_nines(std::string_view token, int width) {
  return token.size() >= std::max<std::size_t>(4, static_cast<std::size_t>(width)) &&
         token.find_first_not_of('9') == std::string_view::npos;
}

// "-9", "-99": the nines of a narrow field, which record.hpp's is_nines leaves to numbers.
bool is_short_nines(std::string_view token) {
  return token.size() >= 2 && token.size() < 4 && token.front() == '-' &&
         token.find_first_not_of('9', 1) == std::string_view::npos;
}

std::optional<TimePoint> unless_epoch(std::optional<TimePoint> t) {
  if (t && *t == kUnixEpoch) return std::nullopt;
  return t;
}

int keyword_index(std::string_view text, std::initializer_list<std::string_view> keywords) {
  int i = 0;
  for (std::string_view k : keywords) {
    if (iequals(trim(text), k)) return i;
    ++i;
  }
  return -1;
}

}  // namespace

LabRawBlock raw_block(const Block& block) {
  LabRawBlock raw{std::string(trim_right(block.name_line.text)), {}};
  for (const Line& l : block.records) raw.records.emplace_back(trim_right(l.text));
  return raw;
}

LabRecord::LabRecord(const Line& line, Diagnostics& diagnostics, Mode mode, std::string_view rule)
    : reader_(line, diagnostics, rule, Missing::nines), mode_(mode) {}

std::optional<double> LabRecord::real(const Field& f) {
  if (is_unsigned_nines(reader_.peek(), f.width())) {
    deviation(diagnostics(), mode_, position(),
              fmt::format("'{}' read as a missing {}: a missing number is '-' followed by nines",
                          reader_.peek(), f.name),
              "3.5.7");
    reader_.text(f);
    return std::nullopt;
  }
  if (is_short_nines(reader_.peek())) {
    reader_.text(f);
    return std::nullopt;
  }
  return reader_.real(f);
}

std::optional<std::int64_t> LabRecord::integer(const Field& f) {
  if (is_unsigned_nines(reader_.peek(), f.width())) {
    deviation(diagnostics(), mode_, position(),
              fmt::format("'{}' read as a missing {}: a missing number is '-' followed by nines",
                          reader_.peek(), f.name),
              "3.5.7");
    reader_.text(f);
    return std::nullopt;
  }
  if (is_short_nines(reader_.peek())) {
    reader_.text(f);
    return std::nullopt;
  }
  return reader_.integer(f);
}

std::string LabRecord::text(const Field& f) {
  std::string t = reader_.text(f);
  if (t == "0" || is_nines(t) || is_short_nines(t)) return {};
  return t;
}

std::string LabRecord::optional_text(const Field& f) {
  return at_end() ? std::string() : text(f);
}

std::string LabRecord::rest(const Field& f, bool required) {
  if (at_end()) {
    if (required) reader_.text(f);
    return {};
  }
  const Position at = position();
  std::string s = reader_.rest();
  if (static_cast<int>(s.size()) > f.width()) {
    diagnostics().warning(at, fmt::format("the {} is longer than its {} characters", f.name, f.width()),
                          rule());
  }
  return s == "0" ? std::string() : s;
}

std::optional<TimePoint> LabRecord::date_time(const Field& date, const Field& time) {
  return unless_epoch(reader_.date_time(date, time));
}

std::optional<TimePoint> LabRecord::date(const Field& f) {
  return unless_epoch(reader_.date(f));
}

std::optional<TimePoint> LabRecord::date_hour_minute(const Field& date, const Field& time) {
  if (reader_.peek() == "0") {
    reader_.text(date);
    return std::nullopt;
  }
  const Position date_at = position();
  const std::string d = reader_.text(date);
  if (d.empty()) return std::nullopt;
  const Position time_at = position();
  const std::string t = reader_.text(time);
  if (t.empty()) return std::nullopt;
  if (!parse_fixed_date_time(d, "00:00:00")) {
    diagnostics().error(date_at, fmt::format("'{}' is not a valid {}: expected yyyy/mm/dd", d, date.name),
                        rule());
    return std::nullopt;
  }
  const bool short_form = t.size() == 5 && t[2] == ':';
  if (auto parsed = parse_fixed_date_time(d, short_form ? t + ":00" : t)) return unless_epoch(*parsed);
  diagnostics().error(time_at, fmt::format("'{}' is not a valid {}: expected hh:mm", t, time.name), rule());
  return std::nullopt;
}

std::optional<bool> LabRecord::flag(const Field& f) {
  const Position at = position();
  const std::string t = reader_.text(f);
  if (iequals(t, "Y")) return true;
  if (iequals(t, "N")) return false;
  if (t.empty() || t == "0" || is_nines(t)) return std::nullopt;
  diagnostics().error(at, fmt::format("'{}' is not a valid {}: expected Y or N", t, f.name), rule());
  return std::nullopt;
}

BlockCursor::BlockCursor(const Block& block, Diagnostics& diagnostics, Mode mode, std::string_view rule)
    : block_(block), diagnostics_(diagnostics), mode_(mode), rule_(rule) {
  empty_.number = block.name_line.number;
}

bool BlockCursor::at_end() const {
  for (std::size_t i = next_; i < block_.records.size(); ++i) {
    if (!trim(block_.records[i].text).empty()) return false;
  }
  return true;
}

LabRecord BlockCursor::record(std::string_view what) {
  while (next_ < block_.records.size() && trim(block_.records[next_].text).empty()) {
    diagnostics_.warning({block_.records[next_].number, 1},
                         "blank line: radionuclide data messages have none outside free text", "3.5.5");
    ++next_;
  }
  if (next_ < block_.records.size()) return LabRecord(block_.records[next_++], diagnostics_, mode_, rule_);
  if (scratch_.empty()) {
    diagnostics_.error({block_.name_line.number, 1},
                       fmt::format("block {} ends before the {} record", block_.name, what), rule_);
  }
  scratch_.error({}, "", "");  // later records of this block are missing too: reported once
  return LabRecord(empty_, scratch_, mode_, rule_);
}

TextLines BlockCursor::rest_text() {
  TextLines text;
  for (; next_ < block_.records.size(); ++next_) text.emplace_back(trim_right(block_.records[next_].text));
  return text;
}

std::vector<std::vector<Line>> BlockCursor::sections(std::initializer_list<std::string_view> keywords) {
  std::vector<std::vector<Line>> out(keywords.size());
  const auto name = [&](int i) { return *(keywords.begin() + i); };
  int current = -1;
  bool reported_stray = false;
  for (; next_ < block_.records.size(); ++next_) {
    const Line& line = block_.records[next_];
    const int k = keyword_index(line.text, keywords);
    if (k > current) {
      for (int missing = current + 1; missing < k; ++missing) {
        diagnostics_.error({line.number, 1},
                           fmt::format("'{}' missing before '{}' in {}", name(missing), name(k), block_.name),
                           rule_);
      }
      current = k;
      continue;
    }
    if (k >= 0) {
      diagnostics_.error({line.number, 1},
                         fmt::format("'{}' out of order in {}: the keywords come once each, in the order {}",
                                     trim(line.text), block_.name, fmt::join(keywords, ", ")),
                         rule_);
      continue;
    }
    if (current < 0) {
      if (!reported_stray) {
        diagnostics_.error({line.number, 1}, fmt::format("expected '{}' as the next record", name(0)), rule_);
        reported_stray = true;
      }
      continue;
    }
    const std::string_view t = trim(line.text);
    if (!t.empty() && t.front() == '~') {
      diagnostics_.warning({line.number, 1},
                           fmt::format("'{}' is not a keyword of {} ({}): read as text", t, block_.name,
                                       fmt::join(keywords, ", ")),
                           rule_);
    }
    out[current].push_back(line);
  }
  for (int missing = current + 1; missing < static_cast<int>(keywords.size()); ++missing) {
    diagnostics_.error({block_.name_line.number, 1},
                       fmt::format("{} has no '{}'", block_.name, name(missing)), rule_);
  }
  return out;
}

void BlockCursor::finish() {
  while (next_ < block_.records.size() && trim(block_.records[next_].text).empty()) ++next_;
  if (next_ >= block_.records.size()) return;
  diagnostics_.warning({block_.records[next_].number, 1},
                       fmt::format("record after the last one of {}, ignored", block_.name), rule_);
  next_ = block_.records.size();
}

TextLines text_of(const std::vector<Line>& lines) {
  TextLines text;
  text.reserve(lines.size());
  for (const Line& l : lines) text.emplace_back(trim_right(l.text));
  return text;
}

LabLine& LabLine::real(const Field& f, std::optional<double> value) {
  if (!value) {
    write_real(writer_, f, std::nullopt, Missing::nines);
    return *this;
  }
  std::string table;  // with the table's decimals
  if (f.decimals != kAsNeeded) {
    table = f.kind == Field::Kind::exponent ? fmt::format("{:.{}e}", *value, f.decimals)
                                            : fmt::format("{:.{}f}", *value, f.decimals);
    if (static_cast<int>(table.size()) > f.width()) table.clear();
  }
  const std::string shortest = fmt::format("{}", *value);
  if (!table.empty() && parse_real(table) == *value) {
    number(f, table);
  } else if (static_cast<int>(shortest.size()) <= f.width()) {
    number(f, shortest);
  } else if (!table.empty()) {
    number(f, table);  // more digits than the field holds: rounded to the table's decimals
  } else {
    // Fewer decimals: the value rounded to what fits, written as that value is (so that it is written the
    // same when read back); an error if even no decimals do not fit.
    for (int decimals = f.decimals == kAsNeeded ? 6 : f.decimals; decimals >= 0; --decimals) {
      const std::string s = f.kind == Field::Kind::exponent ? fmt::format("{:.{}e}", *value, decimals)
                                                            : fmt::format("{:.{}f}", *value, decimals);
      if (static_cast<int>(s.size()) > f.width()) continue;
      const double rounded = *parse_real(s);
      const std::string canonical = fmt::format("{}", rounded);
      number(f, static_cast<int>(canonical.size()) <= f.width() ? canonical : s);
      return *this;
    }
    writer_.real(f, value);  // reports that it does not fit
  }
  return *this;
}

LabLine& LabLine::integer(const Field& f, std::optional<std::int64_t> value) {
  if (value) {
    number(f, fmt::format("{}", *value));
  } else {
    write_integer(writer_, f, value, Missing::nines);
  }
  return *this;
}

void LabLine::number(const Field& f, const std::string& text) {
  if ((is_nines(text) || is_short_nines(text) || is_unsigned_nines(text, f.width())) && error_.empty()) {
    error_ = fmt::format("{} {} would read as a missing value", f.name, text);
  }
  writer_.right_justified(f, text);
}

tl::expected<std::string, std::string> LabLine::finish() const {
  if (!error_.empty()) return tl::unexpected(error_);
  return writer_.finish();
}

LabLine& LabLine::text(const Field& f, std::string_view value) {
  write_text(writer_, f, value);
  return *this;
}

LabLine& LabLine::date_time(const Field& date, const Field& time, std::optional<TimePoint> value) {
  write_date_time(writer_, date, time, value);
  return *this;
}

LabLine& LabLine::date(const Field& f, std::optional<TimePoint> value) {
  writer_.text(f, value ? write_date(*value) : std::string("0"));
  return *this;
}

LabLine& LabLine::date_hour_minute(const Field& date, const Field& time, std::optional<TimePoint> value) {
  if (!value) {
    writer_.text(date, "0");
    return *this;
  }
  const std::string both = write_fixed_date_time(*value, 0);
  writer_.text(date, std::string_view(both).substr(0, 10));
  writer_.text(time, std::string_view(both).substr(11, 5));
  return *this;
}

LabLine& LabLine::flag(const Field& f, std::optional<bool> value) {
  writer_.text(f, value ? (*value ? "Y" : "N") : "0");
  return *this;
}

void BlockWriter::name(std::string_view name) {
  out_.append(name).push_back('\n');
}

void BlockWriter::line(const LabLine& line) {
  this->line(line.finish());
}

void BlockWriter::line(tl::expected<std::string, std::string> line) {
  if (!line) return fail(line.error());
  if (!line->empty() && (line->front() == '#' || line->front() == '~' || is_time_stamp_line(*line))) {
    return fail(fmt::format("record '{}' would read as a block, a keyword or a TIME_STAMP", *line));
  }
  out_.append(*line).push_back('\n');
}

void BlockWriter::text(const TextLines& lines, std::initializer_list<std::string_view> keywords) {
  for (const std::string& l : lines) {
    const std::string_view t = trim_right(l);
    if (!t.empty() && t.front() == '#') return fail(fmt::format("text line '{}' would open a block", t));
    if (is_time_stamp_line(t)) return fail(fmt::format("text line '{}' would read as a TIME_STAMP", t));
    if (keyword_index(t, keywords) >= 0)
      return fail(fmt::format("text line '{}' would read as a keyword", t));
    if (t.size() > kTextWidth) {
      return fail(fmt::format("text line '{}' is longer than {} characters", t, kTextWidth));
    }
    out_.append(t).push_back('\n');
  }
}

void BlockWriter::sections(std::initializer_list<std::string_view> keywords,
                           std::initializer_list<const TextLines*> texts) {
  auto text = texts.begin();
  for (std::string_view k : keywords) {
    name(k);
    if (text != texts.end()) this->text(**text++, keywords);
  }
}

void BlockWriter::raw(const LabRawBlock& block) {
  name(block.name_line);
  for (const std::string& r : block.records) name(r);
}

void BlockWriter::fail(std::string message) {
  if (error_.empty()) error_ = std::move(message);
}

tl::expected<std::string, std::string> BlockWriter::finish() && {
  if (!error_.empty()) return tl::unexpected(std::move(error_));
  return std::move(out_);
}

}  // namespace imsgate::ims2::rn
