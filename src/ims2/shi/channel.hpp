// CHANNEL data type (6.2.1, Table 12): one line per channel and period of validity.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <tl/expected.hpp>

#include "ims2/datetime.hpp"
#include "ims2/diagnostic.hpp"
#include "ims2/message.hpp"

namespace imsgate::ims2::shi {

struct ChannelRecord {
  std::string network;
  std::string station;
  std::string channel;
  std::string aux;
  std::optional<double> latitude;   // degrees, south negative
  std::optional<double> longitude;  // degrees, west negative
  std::string coordinate_system;
  std::optional<double> elevation;         // km
  std::optional<double> depth;             // emplacement depth, km
  std::optional<double> horizontal_angle;  // degrees clockwise from north; -1.0 for vertical channels
  std::optional<double> vertical_angle;    // degrees from vertical
  std::optional<double> sample_rate;       // samples/s
  std::string instrument;
  std::optional<TimePoint> on_date;
  std::optional<TimePoint> off_date;  // nothing while still valid
  bool operator==(const ChannelRecord&) const = default;
};

struct Channel {
  std::vector<ChannelRecord> records;
  bool operator==(const Channel&) const = default;
};

Channel read_channel(const DataSection& section, Diagnostics& diagnostics);
tl::expected<std::string, std::string> write_channel(const Channel& channel);

}  // namespace imsgate::ims2::shi
