// CHAN_STATUS data type (6.5.2, Table 49): data received and available per channel over a report period.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <tl/expected.hpp>

#include "ims2/diagnostic.hpp"
#include "ims2/message.hpp"
#include "ims2/shi/layout.hpp"

namespace imsgate::ims2::shi {

struct ChanStatusRecord {
  std::string network;
  std::string station;
  std::string channel;
  std::optional<double> received;                   // % of data received
  std::optional<double> available_unauthenticated;  // %
  std::optional<double> available;                  // % available that passed authentication
  std::optional<std::int64_t> gaps;
  std::optional<std::int64_t> samples;
  std::optional<std::int64_t> constant;  // number of constant values
  std::optional<double> mean;            // nm
  std::optional<double> rms;             // nm
  bool operator==(const ChanStatusRecord&) const = default;
};

struct ChanStatus {
  ReportPeriod period;
  std::vector<ChanStatusRecord> records;
  bool operator==(const ChanStatus&) const = default;
};

ChanStatus read_chan_status(const DataSection& section, Diagnostics& diagnostics);
tl::expected<std::string, std::string> write_chan_status(const ChanStatus& status);

}  // namespace imsgate::ims2::shi
