// ALERT data types (7.7, Table 137): ALERT_FLOW, ALERT_SYSTEM, ALERT_TEMP, ALERT_UPS (7.7's ALERT_POWER) and
// ALERT_PRESSURE; a section holds one alert or several, each a header line and free text.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <tl/expected.hpp>

#include "ims2/datetime.hpp"
#include "ims2/diagnostic.hpp"
#include "ims2/message.hpp"
#include "ims2/rn/block.hpp"

namespace imsgate::ims2::rn {

struct Alert {
  std::string station;  // "AUP06"
  std::string type;     // "ALERT_FLOW", as written
  std::optional<TimePoint> time;
  std::vector<std::string> text;  // at least one line; blank lines allowed
  bool operator==(const Alert&) const = default;
};

struct AlertSection {
  std::string data_type;  // the section's DATA_TYPE: "ALERT_FLOW", ...
  std::vector<Alert> alerts;
  std::vector<TimePoint> time_stamps;
  bool operator==(const AlertSection&) const = default;
};

// True for the alert data types; ALERT_POWER and ALERT_UPS are one type (DIGEST §6.1 item 3).
bool is_alert_data_type(std::string_view type);

// Nothing if the section is not one of the alert data types.
std::optional<AlertSection> read_alert_section(const DataSection& section, Diagnostics& diagnostics,
                                               Mode mode = Mode::lenient);
// The body after the DATA_TYPE line (which names data_type).
tl::expected<std::string, std::string> write_alert_section(const AlertSection& section);

}  // namespace imsgate::ims2::rn
