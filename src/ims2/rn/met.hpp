// MET data type (7.6, Table 136): meteorological records of a radionuclide station, in groups that each begin
// with a station code line (I.22 repeats the line within one section).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <tl/expected.hpp>

#include "ims2/datetime.hpp"
#include "ims2/diagnostic.hpp"
#include "ims2/message.hpp"
#include "ims2/rn/block.hpp"

namespace imsgate::ims2::rn {

struct MetRecord {
  TimePoint start{};
  TimePoint end{};
  std::optional<double> temperature;           // average outside temperature, degC
  std::optional<std::int64_t> wind_direction;  // average, degrees from North
  std::optional<double> wind_speed;            // average, m/s
  std::optional<double> pressure;              // average barometric reading, hPa
  std::optional<std::int64_t> humidity;        // average relative humidity, %
  std::optional<double> rainfall;              // mm
  bool operator==(const MetRecord&) const = default;
};

struct MetGroup {
  std::string station;  // "CAP14"
  std::vector<MetRecord> records;
  bool operator==(const MetGroup&) const = default;
};

struct MetSection {
  std::vector<MetGroup> groups;
  std::vector<TimePoint> time_stamps;
  bool operator==(const MetSection&) const = default;
};

// Nothing if the section is not DATA_TYPE MET. A record whose start or end cannot be read is left out (with
// its error).
std::optional<MetSection> read_met_section(const DataSection& section, Diagnostics& diagnostics,
                                           Mode mode = Mode::lenient);
tl::expected<std::string, std::string> write_met_section(const MetSection& section);

}  // namespace imsgate::ims2::rn
