// STA_STATUS data type (6.5.5, Table 53): station capability statistics over a report period.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <tl/expected.hpp>

#include "ims2/diagnostic.hpp"
#include "ims2/message.hpp"
#include "ims2/fixed_format.hpp"
#include "ims2/shi/layout.hpp"

namespace imsgate::ims2::shi {

struct StaStatusRecord {
  std::string station;
  std::optional<double> max_data_time;  // s for which data are expected
  // Minimum set of channels for mission capability, % of the report period.
  std::optional<double> availability;
  std::optional<double> timely_availability;
  std::optional<double> mission_capability;
  // Geophysical channels, % of the report period.
  std::optional<double> received;
  std::optional<double> geophysical_availability_unauthenticated;
  std::optional<double> geophysical_availability;
  bool operator==(const StaStatusRecord&) const = default;
};

struct StaStatus {
  ReportPeriod period;
  std::vector<StaStatusRecord> records;
  bool operator==(const StaStatus&) const = default;
};

StaStatus read_sta_status(const DataSection& section, Diagnostics& diagnostics);
tl::expected<std::string, std::string> write_sta_status(const StaStatus& status);

}  // namespace imsgate::ims2::shi

// Durations written as days and a time of day, "dddd hh:mm:ss" (Table 53) and "ddd hh:mm:ss.s" (Table 51,
// used by COMM_STATUS too). The field's decimals are those of the seconds; its width leaves the rest to the
// days.
namespace imsgate::ims2::shi::layout {

std::optional<double> read_day_time(const Line& line, const Field& f, Diagnostics& diagnostics,
                                    std::string_view rule);
std::optional<double> parse_day_time_words(std::string_view days, std::string_view time);
// False when the value is negative or not finite; one too long for the field is the writer's error.
bool write_day_time(FieldWriter& w, const Field& f, std::optional<double> seconds);

}  // namespace imsgate::ims2::shi::layout
