#include "ims2/rn/alert.hpp"

#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "ims2/free_format.hpp"
#include "ims2/rn/record.hpp"
#include "ims2/rn/soh_fields.hpp"
#include "ims2/text.hpp"

namespace imsgate::ims2::rn {
namespace {

constexpr std::string_view kRule = "7.7";

// Table 137. The type field is a12 but ALERT_PRESSURE has 14 characters: a longer type moves the date-time
// along (DIGEST §6.1 item 3).
constexpr Field kStation = text_field(1, 5, "station code");
constexpr Field kType = text_field(7, 18, "alert type");
constexpr Field kDate = text_field(20, 29, "alert date");
constexpr Field kTime = real_field(31, 40, 1, "alert time");
constexpr std::size_t kTextWidth = 80;

constexpr std::array<std::string_view, 6> kTypes{"ALERT_FLOW", "ALERT_SYSTEM", "ALERT_TEMP",
                                                 "ALERT_UPS",  "ALERT_POWER",  "ALERT_PRESSURE"};

constexpr Field shifted(Field f, int by) {
  f.first += by;
  f.last += by;
  return f;
}
constexpr Field widened(Field f, int by) {
  f.last += by;
  return f;
}

// ALERT_POWER (7.7) and ALERT_UPS (Table 54, I.1.4) are one type.
std::string canonical_type(std::string_view type) {
  const std::string upper = to_upper(type);
  return upper == "ALERT_POWER" ? std::string("ALERT_UPS") : upper;
}

// "STA01 ALERT_X yyyy/mm/dd ..." (DIGEST §3.5): the line that opens an alert.
bool is_alert_line(const std::vector<Token>& tokens) {
  return tokens.size() >= 3 && tokens[0].text.size() == 5 && istarts_with(tokens[1].text, "ALERT_") &&
         tokens[2].text.find('/') != std::string_view::npos;
}

Alert read_alert_line(const Line& line, std::string_view data_type, Diagnostics& d, Mode mode) {
  RecordReader r(line, d, kRule, Missing::nines);
  Alert a;
  const Position station_at = r.position();
  a.station = r.text(kStation);
  const Position type_at = r.position();
  a.type = r.text(kType);
  const Position time_at = r.position();
  const std::size_t errors = d.error_count();
  a.time = soh::read_date_time(r, kDate, kTime, mode);
  if (!a.time && d.error_count() == errors)
    d.error(time_at, "an alert line gives the date and time of the alert", std::string(kRule));
  r.finish();
  if (!soh::is_station_code(a.station))
    d.error(
        station_at,
        fmt::format("'{}' is not a station code: expected two letters, P, X or G and two digits", a.station),
        "3.5.10");
  if (std::none_of(kTypes.begin(), kTypes.end(), [&](std::string_view t) { return iequals(t, a.type); })) {
    d.error(type_at,
            fmt::format("'{}' is not an alert type: expected ALERT_FLOW, ALERT_SYSTEM, ALERT_TEMP, ALERT_UPS "
                        "(ALERT_POWER) or ALERT_PRESSURE",
                        a.type),
            std::string(kRule));
  } else if (canonical_type(a.type) != canonical_type(data_type)) {
    d.error(type_at, fmt::format("alert type {} in a DATA_TYPE {} section", a.type, data_type),
            std::string(kRule));
  }
  return a;
}

}  // namespace

bool is_alert_data_type(std::string_view type) {
  return std::any_of(kTypes.begin(), kTypes.end(), [&](std::string_view t) { return iequals(t, type); });
}

std::optional<AlertSection> read_alert_section(const DataSection& section, Diagnostics& d, Mode mode) {
  if (!is_alert_data_type(section.header.type)) return std::nullopt;
  AlertSection out;
  out.data_type = to_upper(section.header.type);
  std::vector<int> alert_lines;
  Alert* alert = nullptr;
  bool reported_orphans = false;
  for (const Line& line : section_lines(section)) {
    if (is_time_stamp_line(line.text)) {
      if (auto t = read_time_stamp(line, d)) out.time_stamps.push_back(*t);
      alert = nullptr;
      continue;
    }
    const auto tokens = LogicalLine(line).tokens();
    if (is_alert_line(tokens)) {
      alert = &out.alerts.emplace_back(read_alert_line(line, out.data_type, d, mode));
      alert_lines.push_back(line.number);
      continue;
    }
    if (!alert) {
      if (tokens.empty()) {
        d.warning({line.number, 1}, "blank line: radionuclide data messages have none outside free text",
                  "3.5.5");
      } else if (!reported_orphans) {
        d.error({line.number, 1}, "text before the first alert line 'STA01 ALERT_TYPE yyyy/mm/dd hh:mm:ss.s'",
                std::string(kRule));
        reported_orphans = true;
      }
      continue;
    }
    const std::string_view text = trim_right(line.text);
    if (text.size() > kTextWidth)
      deviation(d, mode, {line.number, static_cast<int>(kTextWidth) + 1},
                fmt::format("alert text of {} characters: the free text is a80", text.size()),
                std::string(kRule));
    alert->text.emplace_back(text);
  }
  if (out.alerts.empty())
    d.error({section.line.number, 1}, "an ALERT section holds at least one alert", std::string(kRule));
  for (std::size_t i = 0; i < out.alerts.size(); ++i) {
    const auto& text = out.alerts[i].text;
    if (std::all_of(text.begin(), text.end(), [](const std::string& t) { return trim(t).empty(); }))
      d.error({alert_lines[i], 1}, "an alert has at least one line of free text describing it",
              std::string(kRule));
  }
  return out;
}

tl::expected<std::string, std::string> write_alert_section(const AlertSection& section) {
  soh::BodyWriter out;
  for (const Alert& a : section.alerts) {
    if (!a.time) out.fail(fmt::format("the {} alert of {} has no time", a.type, a.station));
    if (a.station.size() != 5) out.fail(fmt::format("'{}' is not a five-character station code", a.station));
    if (!istarts_with(a.type, "ALERT_")) out.fail(fmt::format("'{}' is not an alert type", a.type));
    if (std::all_of(a.text.begin(), a.text.end(), [](const std::string& t) { return trim(t).empty(); }))
      out.fail(fmt::format("the {} alert of {} has no text", a.type, a.station));
    const int shift = std::max(0, static_cast<int>(a.type.size()) - kType.width());
    soh::LineWriter w;
    w.token(kStation, a.station);
    w.token(widened(kType, shift), a.type);
    w.date_time(shifted(kDate, shift), shifted(kTime, shift), a.time);
    out.add(w.finish());
    for (const std::string& line : a.text) {
      if (line.size() > kTextWidth)
        out.fail(fmt::format("alert text '{}' is longer than {} characters", line, kTextWidth));
      if (line != trim_right(line)) out.fail(fmt::format("alert text '{}' ends with a blank", line));
      if (is_alert_line(LogicalLine(Line{line, 0, 0, false}).tokens()))
        out.fail(fmt::format("alert text '{}' would read as the line of a new alert", line));
      out.add_text(line);
    }
  }
  return out.finish(section.time_stamps);
}

}  // namespace imsgate::ims2::rn
