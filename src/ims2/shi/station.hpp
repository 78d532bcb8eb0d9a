// STATION data type (6.2.3, Table 14): station locations and periods of operation.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <tl/expected.hpp>

#include "ims2/datetime.hpp"
#include "ims2/diagnostic.hpp"
#include "ims2/message.hpp"

namespace imsgate::ims2::shi {

struct StationRecord {
  std::string network;
  std::string station;
  std::string type;  // 1C, 3C, hfa (high-frequency array), lpa (long-period array)
  std::optional<double> latitude;
  std::optional<double> longitude;
  std::string coordinate_system;
  std::optional<double> elevation;  // km
  std::optional<TimePoint> on_date;
  std::optional<TimePoint> off_date;  // nothing while open
  bool operator==(const StationRecord&) const = default;
};

struct Station {
  std::vector<StationRecord> records;
  bool operator==(const Station&) const = default;
};

Station read_station(const DataSection& section, Diagnostics& diagnostics);
tl::expected<std::string, std::string> write_station(const Station& station);

}  // namespace imsgate::ims2::shi
