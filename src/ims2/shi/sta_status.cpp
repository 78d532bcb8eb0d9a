#include "ims2/shi/sta_status.hpp"

#include <array>
#include <cmath>
#include <cstdint>

#include <fmt/format.h>

#include "ims2/text.hpp"

namespace imsgate::ims2::shi {

namespace layout {
namespace {

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

int digits_value(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

}  // namespace

std::optional<double> parse_day_time_words(std::string_view days, std::string_view time) {
  // At most 9 digits of days and 6 of decimals keep the count of units within 64 bits.
  if (!all_digits(days) || days.size() > 9) return std::nullopt;
  if (time.size() < 8 || time[2] != ':' || time[5] != ':') return std::nullopt;
  const std::string_view hh = time.substr(0, 2), mm = time.substr(3, 2), ss = time.substr(6, 2);
  std::string_view fraction;
  if (time.size() > 8) {
    if (time[8] != '.') return std::nullopt;
    fraction = time.substr(9);
    if (fraction.size() > 6 || (!fraction.empty() && !all_digits(fraction))) return std::nullopt;
  }
  if (!all_digits(hh) || !all_digits(mm) || !all_digits(ss)) return std::nullopt;
  if (digits_value(hh) > 23 || digits_value(mm) > 59 || digits_value(ss) > 59) return std::nullopt;
  std::int64_t seconds = 0;
  for (char c : days) seconds = seconds * 10 + (c - '0');
  seconds = seconds * 86400 + digits_value(hh) * 3600 + digits_value(mm) * 60 + digits_value(ss);
  // Counted in units of the last decimal and divided once, so that "14.3" gives the double nearest 14.3.
  std::int64_t scale = 1;
  std::int64_t units = seconds;
  for (char c : fraction) {
    scale *= 10;
    units = units * 10 + (c - '0');
  }
  return static_cast<double>(units) / static_cast<double>(scale);
}

std::optional<double> read_day_time(const Line& line, const Field& f, Diagnostics& diagnostics,
                                    std::string_view rule) {
  const FieldReader r(line, diagnostics, rule);
  const std::string_view raw = r.raw(f);
  const std::string_view v = trim(raw);
  if (v.empty()) return std::nullopt;
  const std::size_t blank = v.find(' ');
  std::optional<double> seconds;
  if (blank != std::string_view::npos)
    seconds = parse_day_time_words(v.substr(0, blank), trim(v.substr(blank)));
  if (!seconds) {
    const int lead = static_cast<int>(raw.find_first_not_of(" \t"));
    const std::string_view expected = f.decimals > 0 ? "ddd hh:mm:ss.s" : "dddd hh:mm:ss";
    diagnostics.error(
        {line.number, f.first + lead},
        fmt::format("{} '{}' (columns {}-{}) is not a duration {}", f.name, v, f.first, f.last, expected),
        std::string(rule));
  }
  return seconds;
}

bool write_day_time(FieldWriter& w, const Field& f, std::optional<double> seconds) {
  if (!seconds) return true;
  if (!std::isfinite(*seconds) || *seconds < 0 || *seconds > 1e12) return false;
  const int decimals = f.decimals;
  std::int64_t scale = 1;
  for (int i = 0; i < decimals; ++i) scale *= 10;
  const std::int64_t units = std::llround(*seconds * static_cast<double>(scale));
  const std::int64_t whole = units / scale;
  const int day_digits = f.width() - 9 - (decimals > 0 ? decimals + 1 : 0);
  std::string s = fmt::format("{:0{}d} {:02d}:{:02d}:{:02d}", whole / 86400, day_digits, whole % 86400 / 3600,
                              whole % 3600 / 60, whole % 60);
  if (decimals > 0) s += fmt::format(".{:0{}d}", units % scale, decimals);
  w.text(f, s);  // as wide as the field unless the days overflow it, which the writer reports
  return true;
}

}  // namespace layout

namespace {

using namespace layout;

constexpr std::string_view kRule = "6.5.5";
constexpr std::string_view kTable = "Table 53 (STA_STATUS)";
constexpr std::string_view kTitle = "Station Status";

// Records 3-7 of Table 53. The table gives each record's extent only; the labels are centred over the data
// fields below them, which reproduces every extent the table gives (e.g. record 5 at 22-66 and 70-113).
const std::array<std::string, 5>& headers() {
  static const std::array<std::string, 5> h{
      header_line({{1, "Sta"},
                   {7, "Max_Exp_Time"},
                   {21, "----- Minimum Channels -----"},
                   {69, "----- Geophysical Channels -----"}}),
      header_line(
          {{26, "Data"}, {39, "Timely Data"}, {57, "Mission"}, {74, "Data"}, {90, "Data"}, {106, "Data"}}),
      header_line({{22, "Availability"},
                   {38, "Availability"},
                   {53, "Capability (%)"},
                   {70, "Received (%)"},
                   {86, "Availability"},
                   {102, "Availability"}}),
      header_line({{27, "(%)"}, {43, "(%)"}, {85, "Unauthenticated"}, {107, "(%)"}}),
      header_line({{91, "(%)"}})};
  return h;
}

// The header records vary between senders (I.40 has a "(%)" under every column): a line made only of words of
// the canonical header records is one of them. A data line always has numbers, which no header word is.
bool is_sta_header_line(std::string_view text) {
  const auto words = split_words(text);
  if (words.empty()) return false;
  for (const Word& w : words) {
    bool known = false;
    for (const std::string& h : headers())
      for (const Word& label : split_words(h)) known = known || iequals(w.text, label.text);
    if (!known) return false;
  }
  return true;
}

constexpr Field kStation = text_field(1, 5, "station code");
constexpr Field kMaxTime = text_field(7, 19, "maximum data time");
constexpr Field kAvailability = real_field(25, 31, 3, "data availability");
constexpr Field kTimely = real_field(41, 47, 3, "timely data availability");
constexpr Field kMission = real_field(57, 63, 3, "mission capability");
constexpr Field kReceived = real_field(73, 79, 3, "geophysical data received");
constexpr Field kGeoUnauthenticated =
    real_field(89, 95, 3, "geophysical data availability (unauthenticated)");
constexpr Field kGeoAvailability = real_field(105, 111, 3, "geophysical data availability");
constexpr std::array kFields{kStation, kMaxTime,  kAvailability,       kTimely,
                             kMission, kReceived, kGeoUnauthenticated, kGeoAvailability};

StaStatusRecord by_columns(const Line& line, Diagnostics& d) {
  FieldReader r(line, d, kRule);
  StaStatusRecord s;
  s.station = r.text(kStation);
  s.max_data_time = read_day_time(line, kMaxTime, d, kRule);
  s.availability = r.real(kAvailability);
  s.timely_availability = r.real(kTimely);
  s.mission_capability = r.real(kMission);
  s.received = r.real(kReceived);
  s.geophysical_availability_unauthenticated = r.real(kGeoUnauthenticated);
  s.geophysical_availability = r.real(kGeoAvailability);
  require(!s.station.empty(), line, kStation, d, kRule);
  return s;
}

// sta dddd hh:mm:ss and six numbers: every field present, as I.40 has them.
std::optional<StaStatusRecord> by_words(const std::vector<Word>& words, const Line&) {
  if (words.size() != 9) return std::nullopt;
  WordCursor w(words);
  StaStatusRecord s;
  s.station = w.take();
  const std::string_view days = w.take(), time = w.take();
  s.max_data_time = parse_day_time_words(days, time);
  if (!s.max_data_time) return std::nullopt;
  for (std::size_t i = 0; i < w.remaining(); ++i)
    if (!is_number_word(w.peek(i))) return std::nullopt;
  s.availability = parse_real(w.take());
  s.timely_availability = parse_real(w.take());
  s.mission_capability = parse_real(w.take());
  s.received = parse_real(w.take());
  s.geophysical_availability_unauthenticated = parse_real(w.take());
  s.geophysical_availability = parse_real(w.take());
  return s;
}

}  // namespace

StaStatus read_sta_status(const DataSection& section, Diagnostics& diagnostics) {
  StaStatus status;
  bool have_period = false;
  for (const Line& line : section_lines(section)) {
    if (is_blank_line(line.text) || is_sta_header_line(line.text)) continue;
    if (iequals(trim(line.text), kTitle)) continue;
    if (is_report_period_line(line.text)) {
      status.period = read_report_period(line, diagnostics, kRule);
      have_period = true;
      continue;
    }
    if (auto s =
            read_data_line<StaStatusRecord>(line, kFields, by_columns, by_words, diagnostics, kTable, kRule))
      status.records.push_back(std::move(*s));
  }
  if (!have_period)
    diagnostics.error({section.first_body_line(), 1}, "STA_STATUS begins with a 'Report period' line",
                      std::string(kRule));
  return status;
}

tl::expected<std::string, std::string> write_sta_status(const StaStatus& status) {
  TextBuilder out;
  write_report_period(out, status.period);
  out.add(kTitle);
  for (const std::string& h : headers()) out.add(h);
  for (const StaStatusRecord& s : status.records) {
    FieldWriter w;
    w.text(kStation, s.station);
    if (!write_day_time(w, kMaxTime, s.max_data_time))
      out.fail(fmt::format("maximum data time {} s of {} is not a duration", *s.max_data_time, s.station));
    w.real(kAvailability, s.availability);
    w.real(kTimely, s.timely_availability);
    w.real(kMission, s.mission_capability);
    w.real(kReceived, s.received);
    w.real(kGeoUnauthenticated, s.geophysical_availability_unauthenticated);
    w.real(kGeoAvailability, s.geophysical_availability);
    out.add(w);
  }
  return out.finish();
}

}  // namespace imsgate::ims2::shi
