#include "ims2/rn/met.hpp"

#include <fmt/format.h>

#include "ims2/free_format.hpp"
#include "ims2/rn/record.hpp"
#include "ims2/rn/soh_fields.hpp"
#include "ims2/text.hpp"

namespace imsgate::ims2::rn {
namespace {

constexpr std::string_view kRule = "7.6";

// Table 136
constexpr Field kStation = text_field(1, 5, "station code");
constexpr Field kStartDate = text_field(1, 10, "met start date");
constexpr Field kStartTime = real_field(12, 21, 1, "met start time");
constexpr Field kEndDate = text_field(23, 32, "met end date");
constexpr Field kEndTime = real_field(34, 43, 1, "met end time");
constexpr Field kTemperature = real_field(45, 49, 1, "average outside temperature");
constexpr Field kWindDirection = integer_field(51, 53, "average wind direction");
constexpr Field kWindSpeed = real_field(55, 59, 1, "average wind speed");
constexpr Field kPressure = real_field(61, 67, 2, "average barometric reading");
constexpr Field kHumidity = integer_field(69, 71, "average relative humidity");
constexpr Field kRainfall = real_field(73, 77, 1, "rainfall");

// Table 136 gives no ranges: these are the physical ones (degrees, percent) and generous plausible bounds.
struct Range {
  double low;
  double high;
};
constexpr Range kTemperatureRange{-100, 70};
constexpr Range kWindDirectionRange{0, 360};
constexpr Range kWindSpeedRange{0, 150};
constexpr Range kPressureRange{300, 1100};
constexpr Range kHumidityRange{0, 100};
constexpr Range kRainfallRange{0, 1000};

// A station code line is one token that is not a date.
bool is_station_line(const std::vector<Token>& tokens) {
  return tokens.size() == 1 && tokens[0].text.find('/') == std::string_view::npos;
}

std::string when(TimePoint t) {
  return write_fixed_date_time(t, 1);
}

template <class T>
void check(Diagnostics& d, Position at, const Field& f, const std::optional<T>& v, Range range) {
  if (v && (*v < range.low || *v > range.high))
    d.error(at, fmt::format("{} {} is outside {} to {}", f.name, *v, range.low, range.high),
            std::string(kRule));
}

std::optional<MetRecord> read_record(const Line& line, Diagnostics& d, Mode mode) {
  RecordReader r(line, d, kRule, Missing::nines);
  const std::size_t errors = d.error_count();
  MetRecord m;
  const Position start_at = r.position();
  const auto start = soh::read_date_time(r, kStartDate, kStartTime, mode);
  const Position end_at = r.position();
  const auto end = start ? soh::read_date_time(r, kEndDate, kEndTime, mode) : std::nullopt;
  if (!start || !end) {
    if (d.error_count() == errors)
      d.error(start ? end_at : start_at, "a MET record has a start and an end date-time: record left out",
              std::string(kRule));
    return std::nullopt;
  }
  m.start = *start;
  m.end = *end;
  auto real = [&](const Field& f, std::optional<double>& value, Range range) {
    const Position at = r.position();
    value = soh::read_real(r, f, mode);
    check(d, at, f, value, range);
  };
  auto integer = [&](const Field& f, std::optional<std::int64_t>& value, Range range) {
    const Position at = r.position();
    value = r.integer(f);
    check(d, at, f, value, range);
  };
  real(kTemperature, m.temperature, kTemperatureRange);
  integer(kWindDirection, m.wind_direction, kWindDirectionRange);
  real(kWindSpeed, m.wind_speed, kWindSpeedRange);
  real(kPressure, m.pressure, kPressureRange);
  integer(kHumidity, m.humidity, kHumidityRange);
  real(kRainfall, m.rainfall, kRainfallRange);
  r.finish();
  if (m.end <= m.start)
    d.error(end_at, fmt::format("the met end {} is not after its start {}", when(m.end), when(m.start)),
            std::string(kRule));
  return m;
}

}  // namespace

std::optional<MetSection> read_met_section(const DataSection& section, Diagnostics& d, Mode mode) {
  if (!iequals(section.header.type, "MET")) return std::nullopt;
  MetSection out;
  std::vector<int> group_lines;
  MetGroup* group = nullptr;
  bool reported_orphans = false;
  for (const Line& line : section_lines(section)) {
    if (is_time_stamp_line(line.text)) {
      if (auto t = read_time_stamp(line, d)) out.time_stamps.push_back(*t);
      group = nullptr;
      continue;
    }
    if (trim(line.text).empty()) {
      d.warning({line.number, 1}, "blank line: radionuclide data messages have none outside free text",
                "3.5.5");
      continue;
    }
    if (soh::is_elision_mark(line.text)) {
      soh::report_elision_mark(line, d, std::string(kRule));
      continue;
    }
    const auto tokens = LogicalLine(line).tokens();
    if (is_station_line(tokens)) {
      group = &out.groups.emplace_back();
      group->station = std::string(tokens[0].text);
      group_lines.push_back(line.number);
      if (!soh::is_station_code(group->station))
        d.error(tokens[0].at,
                fmt::format("'{}' is not a station code: expected two letters, P, X or G and two digits",
                            group->station),
                "3.5.10");
      continue;
    }
    if (!group) {
      if (!reported_orphans)
        d.error({line.number, 1}, "a MET record before its station code line", std::string(kRule));
      reported_orphans = true;
      continue;
    }
    if (auto m = read_record(line, d, mode)) group->records.push_back(*m);
  }
  if (out.groups.empty())
    d.error({section.line.number, 1}, "a MET section has a station code line and at least one record",
            std::string(kRule));
  for (std::size_t i = 0; i < out.groups.size(); ++i) {
    if (out.groups[i].records.empty())
      d.error(
          {group_lines[i], 1},
          fmt::format("station {} has no MET record: at least one follows its line", out.groups[i].station),
          std::string(kRule));
  }
  return out;
}

tl::expected<std::string, std::string> write_met_section(const MetSection& section) {
  soh::BodyWriter out;
  for (const MetGroup& g : section.groups) {
    if (g.station.empty() || g.station.find('/') != std::string::npos)
      out.fail(fmt::format("'{}' cannot be written as a station code line", g.station));
    if (g.records.empty()) out.fail(fmt::format("station {} has no MET record", g.station));
    soh::LineWriter station;
    station.token(kStation, g.station);
    out.add(station.finish());
    for (const MetRecord& m : g.records) {
      soh::LineWriter w;
      w.date_time(kStartDate, kStartTime, m.start);
      w.date_time(kEndDate, kEndTime, m.end);
      w.real(kTemperature, m.temperature);
      w.integer(kWindDirection, m.wind_direction);
      w.real(kWindSpeed, m.wind_speed);
      w.real(kPressure, m.pressure);
      w.integer(kHumidity, m.humidity);
      w.real(kRainfall, m.rainfall);
      out.add(w.finish());
    }
  }
  return out.finish(section.time_stamps);
}

}  // namespace imsgate::ims2::rn
