#include "ims2/rn/soh_fields.hpp"

#include <cmath>

#include <fmt/format.h>

#include "ims2/free_format.hpp"
#include "ims2/rn/block.hpp"
#include "ims2/text.hpp"

namespace imsgate::ims2::rn::soh {
namespace {

bool is_letter(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// What a field holds once written: the probe keeps FieldWriter's own rules (fewer decimals to fit).
tl::expected<std::string, std::string> written_form(const Field& f, double value) {
  FieldWriter probe;
  probe.real(f, value);
  return probe.finish().map([](const std::string& s) { return std::string(trim(s)); });
}

// The smallest step of a time field: 0.1 s for hh:mm:ss.s.
std::chrono::microseconds time_step(const Field& time) {
  std::int64_t step = 1000000;
  for (int i = 0; i < time.decimals && step > 1; ++i) step /= 10;
  return std::chrono::microseconds(step);
}

bool reads_as_missing(const Field& f, std::string_view written) {
  return written == nines(f.width()) || is_nines(written);
}

}  // namespace

bool is_station_code(std::string_view code) {
  return code.size() == 5 && is_letter(code[0]) && is_letter(code[1]) &&
         std::string_view("PXG").find(ascii_upper(code[2])) != std::string_view::npos && is_digit(code[3]) &&
         is_digit(code[4]);
}

bool is_elision_mark(std::string_view text) {
  const std::string_view t = trim(text);
  return !t.empty() && (t == "\u22ee" || t.find_first_not_of(":.") == std::string_view::npos);
}

void report_elision_mark(const Line& line, Diagnostics& diagnostics, std::string rule) {
  const std::string_view t = trim(line.text);
  const int column = static_cast<int>(t.data() - line.text.data()) + 1;
  diagnostics.error(
      {line.number, column},
      fmt::format("'{}' is an elision mark of a listing, not a record: the message is incomplete", t),
      std::move(rule));
}

std::optional<double> read_real(RecordReader& r, const Field& f, Mode mode) {
  const std::string_view token = r.peek();
  const Position at = r.position();
  const auto value = r.real(f);
  if (value && !std::isfinite(*value)) {
    r.diagnostics().error(at, fmt::format("'{}' is not a valid {}: expected a finite number", token, f.name),
                          std::string(r.rule()));
    return std::nullopt;
  }
  if (value) {
    const auto written = written_form(f, *value);
    if (written && parse_real(*written) != value)
      deviation(r.diagnostics(), mode, at,
                fmt::format("{} '{}' has more digits than the field keeps: it would be written '{}'", f.name,
                            token, *written),
                std::string(r.rule()));
  }
  return value;
}

std::optional<TimePoint> read_date_time(RecordReader& r, const Field& date, const Field& time, Mode mode) {
  const Position at = r.position();
  const auto t = r.date_time(date, time);
  if (t && t->time_since_epoch() % time_step(time) != std::chrono::microseconds(0))
    deviation(r.diagnostics(), mode, at,
              fmt::format("{} has more decimals of seconds than hh:mm:ss.s keeps", time.name), "3.5.9");
  return t;
}

std::string read_text(RecordReader& r, const Field& f) {
  std::string t = r.text(f);
  return t == "0" ? std::string() : t;
}

std::optional<std::string> free_text_problem(std::string_view line) {
  if (line.size() > kMaxLineLength)
    return fmt::format("a line of {} characters is longer than {} (3.5.2)", line.size(), kMaxLineLength);
  if (!line.empty() && line.front() == '#')
    return fmt::format("the text line '{}' begins with '#' and would open a block", line);
  if (is_time_stamp_line(line))
    return fmt::format("the text line '{}' would read as a TIME_STAMP line", line);
  const std::string_view first = line.substr(0, std::min(line.find_first_of(" \t"), line.size()));
  for (const std::string_view keyword : {"DATA_TYPE", "STOP", "BEGIN"}) {
    if (iequals(first, keyword)) return fmt::format("the text line '{}' would end the section", line);
  }
  return std::nullopt;
}

void LineWriter::fail(std::string message) {
  if (error_.empty()) error_ = std::move(message);
}

void LineWriter::real(const Field& f, std::optional<double> value) {
  if (!value) return w_.right_justified(f, nines(f.width()));
  if (!std::isfinite(*value)) return fail(fmt::format("{} {} is not a finite number", f.name, *value));
  const auto written = written_form(f, *value);
  if (!written) return fail(written.error());
  if (reads_as_missing(f, *written))
    return fail(fmt::format("{} {} would be written '{}', which reads as missing", f.name, *value, *written));
  if (parse_real(*written) != value)
    return fail(
        fmt::format("{} {} would be written '{}', which does not keep its value", f.name, *value, *written));
  w_.real(f, value);
}

void LineWriter::integer(const Field& f, std::optional<std::int64_t> value) {
  if (!value) return w_.right_justified(f, nines(f.width()));
  const std::string written = fmt::format("{}", *value);
  if (reads_as_missing(f, written)) return fail(fmt::format("{} {} reads as missing", f.name, written));
  w_.integer(f, value);
}

void LineWriter::token(const Field& f, std::string_view value) {
  if (value.find_first_of(" \t") != std::string_view::npos)
    return fail(fmt::format("{} '{}' holds a blank: it is read as one token", f.name, value));
  if (value == "0") return fail(fmt::format("{} '0' reads as missing", f.name));
  w_.text(f, value.empty() ? std::string_view("0") : value);
}

void LineWriter::text(const Field& f, std::string_view value) {
  if (value != trim(value)) return fail(fmt::format("{} '{}' begins or ends with a blank", f.name, value));
  if (value == "0") return fail(fmt::format("{} '0' reads as missing", f.name));
  w_.text(f, value.empty() ? std::string_view("0") : value);
}

void LineWriter::date_time(const Field& date, const Field& time, std::optional<TimePoint> value) {
  if (value && value->time_since_epoch() % time_step(time) != std::chrono::microseconds(0))
    return fail(fmt::format("{} {} has more decimals of seconds than the field keeps", time.name,
                            write_fixed_date_time(*value, 6)));
  write_date_time(w_, date, time, value);
}

void LineWriter::separated(const Field& f, std::string_view written) {
  if (static_cast<int>(written.size()) >= f.width())
    fail(fmt::format("{} '{}' fills columns {}-{} and would run into the next field", f.name, written,
                     f.first, f.last));
}

tl::expected<std::string, std::string> LineWriter::finish() const {
  if (!error_.empty()) return tl::unexpected(error_);
  return w_.finish();
}

void BodyWriter::fail(std::string message) {
  if (error_.empty()) error_ = std::move(message);
}

void BodyWriter::add(const tl::expected<std::string, std::string>& line) {
  if (!line) return fail(line.error());
  if (line->size() > kMaxLineLength)
    return fail(
        fmt::format("a line of {} characters is longer than {} (3.5.2)", line->size(), kMaxLineLength));
  body_ += *line;
  body_ += '\n';
}

void BodyWriter::add_line(std::string_view line) {
  body_ += line;
  body_ += '\n';
}

void BodyWriter::add_text(std::string_view line) {
  if (auto problem = free_text_problem(line)) return fail(std::move(*problem));
  body_ += line;
  body_ += '\n';
}

tl::expected<std::string, std::string> BodyWriter::finish(const std::vector<TimePoint>& time_stamps) const {
  if (!error_.empty()) return tl::unexpected(error_);
  std::string out;
  if (!time_stamps.empty()) out = write_time_stamp(time_stamps.front()) + "\n";
  out += body_;
  for (std::size_t i = 1; i < time_stamps.size(); ++i) out += write_time_stamp(time_stamps[i]) + "\n";
  return out;
}

}  // namespace imsgate::ims2::rn::soh
