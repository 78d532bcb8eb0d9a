// OUTAGE data type (6.5.4, Table 52): data gaps per channel over a report period.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <tl/expected.hpp>

#include "ims2/diagnostic.hpp"
#include "ims2/message.hpp"
#include "ims2/shi/layout.hpp"

namespace imsgate::ims2::shi {

struct OutageRecord {
  std::string network;
  std::string station;
  std::string channel;
  std::string aux;
  std::optional<TimePoint> start;  // last sample before the gap, or the report start
  std::optional<TimePoint> end;    // first sample after the gap, or the report end
  std::optional<double> duration;  // s
  std::string comment;
  bool operator==(const OutageRecord&) const = default;
};

struct Outage {
  ReportPeriod period;
  std::vector<OutageRecord> records;
  bool operator==(const Outage&) const = default;
};

struct OutageWriteOptions {
  // Table 52's report period (hh:mm:ss.sss, "to" at 44) instead of the IDC's practice in I.25 (the common
  // hh:mm:ss.s line of the other status types, then an "Outage" title line).
  bool table_52_report_period = false;
};

Outage read_outage(const DataSection& section, Diagnostics& diagnostics);
tl::expected<std::string, std::string> write_outage(const Outage& outage,
                                                    const OutageWriteOptions& options = {});

}  // namespace imsgate::ims2::shi
