#include "ims2/rn/record.hpp"

#include <fmt/format.h>

#include "ims2/text.hpp"

namespace imsgate::ims2::rn {

std::string nines(int width) {
  return width < 2 ? std::string("0") : "-" + std::string(width - 1, '9');
}

bool is_nines(std::string_view token) {
  if (token.size() < 4 || token.front() != '-') return false;
  return token.find_first_not_of('9', 1) == std::string_view::npos;
}

RecordReader::RecordReader(const Line& line, Diagnostics& diagnostics, std::string_view rule, Missing missing)
    : line_(line),
      tokens_(LogicalLine(line).tokens()),
      diagnostics_(diagnostics),
      rule_(rule),
      missing_(missing) {}

Position RecordReader::position() const {
  if (!at_end()) return tokens_[next_].at;
  return {line_.number, static_cast<int>(trim_right(line_.text).size()) + 1};
}

const Token* RecordReader::take(const Field& f) {
  if (at_end()) {
    diagnostics_.error(position(), fmt::format("the line ends before the {}", f.name), rule_);
    return nullptr;
  }
  return &tokens_[next_++];
}

void RecordReader::bad(const Token& t, const Field& f, std::string_view expected) {
  diagnostics_.error(t.at, fmt::format("'{}' is not a valid {}: expected {}", t.text, f.name, expected),
                     rule_);
}

std::string RecordReader::text(const Field& f) {
  const Token* t = take(f);
  return t ? std::string(t->text) : std::string();
}

std::optional<double> RecordReader::real(const Field& f) {
  const Token* t = take(f);
  if (!t) return std::nullopt;
  if (missing_ == Missing::nines && (is_nines(t->text) || t->text == nines(f.width()))) return std::nullopt;
  if (auto x = parse_real(t->text)) return x;
  bad(*t, f, "a number");
  return std::nullopt;
}

std::optional<std::int64_t> RecordReader::integer(const Field& f) {
  const Token* t = take(f);
  if (!t) return std::nullopt;
  if (missing_ == Missing::nines && (is_nines(t->text) || t->text == nines(f.width()))) return std::nullopt;
  if (auto x = parse_integer(t->text)) return x;
  bad(*t, f, "an integer");
  return std::nullopt;
}

std::optional<TimePoint> RecordReader::date_time(const Field& date, const Field& time) {
  const Token* d = take(date);
  if (!d) return std::nullopt;
  if (d->text == "0") return std::nullopt;
  const Token* t = take(time);
  if (!t) return std::nullopt;
  if (auto parsed = parse_fixed_date_time(d->text, t->text)) return *parsed;
  if (auto loose = parse_date_time(d->text, t->text)) {
    diagnostics_.warning(d->at, "a fixed-format date-time keeps its leading zeros: yyyy/mm/dd hh:mm:ss",
                         "3.5.9");
    return loose->time;
  }
  if (!parse_fixed_date_time(d->text, "00:00:00")) {
    bad(*d, date, "yyyy/mm/dd");
  } else {
    bad(*t, time, "hh:mm:ss[.s]");
  }
  return std::nullopt;
}

std::optional<TimePoint> RecordReader::date(const Field& f) {
  const Token* d = take(f);
  if (!d || d->text == "0") return std::nullopt;
  if (auto parsed = parse_fixed_date_time(d->text, "00:00:00")) return *parsed;
  bad(*d, f, "yyyy/mm/dd");
  return std::nullopt;
}

std::string RecordReader::rest() {
  if (at_end()) return {};
  const std::string_view from = tokens_[next_].text;
  const std::size_t offset = from.data() - line_.text.data();
  next_ = tokens_.size();
  return std::string(trim(line_.text.substr(offset)));
}

void RecordReader::finish() {
  if (at_end()) return;
  diagnostics_.warning(tokens_[next_].at,
                       fmt::format("'{}' after the last field of the record, ignored", tokens_[next_].text),
                       rule_);
  next_ = tokens_.size();
}

void write_real(FieldWriter& w, const Field& f, std::optional<double> value, Missing missing) {
  if (value) return w.real(f, value);
  w.right_justified(f, missing == Missing::nines ? nines(f.width()) : "0");
}

void write_integer(FieldWriter& w, const Field& f, std::optional<std::int64_t> value, Missing missing) {
  if (value) return w.integer(f, value);
  w.right_justified(f, missing == Missing::nines ? nines(f.width()) : "0");
}

void write_date_time(FieldWriter& w, const Field& date, const Field& time, std::optional<TimePoint> value) {
  if (value) return w.date_time(date, time, value);
  w.text(date, "0");
}

void write_text(FieldWriter& w, const Field& f, std::string_view value) {
  w.text(f, value.empty() ? std::string_view("0") : value);
}

}  // namespace imsgate::ims2::rn
