// COMM_STATUS data type (6.5.3, Tables 50-51): communication link statistics over a report period and, in the
// long sub-format, each link's outages.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <tl/expected.hpp>

#include "ims2/diagnostic.hpp"
#include "ims2/message.hpp"
#include "ims2/shi/layout.hpp"

namespace imsgate::ims2::shi {

struct CommLink {
  std::string far_end;           // link code of the end farthest from the IDC
  std::string near_end;          // link code of the end closest to the IDC
  std::optional<double> speed;   // nominal, kbit/s
  std::string mode;              // "full" or "half" duplex
  std::optional<double> uptime;  // %
  // Use of the link (data rate / speed) from each end, each after that end's link code.
  std::string far_from;
  std::optional<double> far_use;
  std::string near_from;
  std::optional<double> near_use;
  bool operator==(const CommLink&) const = default;
};

struct CommOutage {
  std::optional<TimePoint> start;
  std::optional<TimePoint> end;
  std::optional<double> duration;  // s
  bool operator==(const CommOutage&) const = default;
};

// "<far> - <near> link outages" and its outages.
struct CommLinkOutages {
  std::string far_end;
  std::string near_end;
  std::vector<CommOutage> outages;
  bool operator==(const CommLinkOutages&) const = default;
};

struct CommStatus {
  ReportPeriod period;
  std::vector<CommLink> links;                // Table 50
  std::vector<CommLinkOutages> link_outages;  // Table 51, long sub-format only
  bool operator==(const CommStatus&) const = default;
};

CommStatus read_comm_status(const DataSection& section, Diagnostics& diagnostics);
tl::expected<std::string, std::string> write_comm_status(const CommStatus& status);

}  // namespace imsgate::ims2::shi
