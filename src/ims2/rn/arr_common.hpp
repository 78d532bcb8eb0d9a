// Parts shared by the particulate and noble gas ARR/RRR models (7.8.1, 7.8.2): half-lives, YES/NO and
// Pass/Fail flags, calibration parameters.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "ims2/datetime.hpp"

namespace imsgate::ims2::rn {

// "53.290 D", "9.143 H", "432.2 Y": a value and its unit letter(s) as printed.
struct HalfLife {
  std::optional<double> value;
  std::string unit;
  bool operator==(const HalfLife&) const = default;
};

// A row of Data Quality Flags (Tables 146, 156-157) or noble gas Timeliness Flags (Tables 154-155): the value
// is a number ("21.3136", "12.00", the previous SID), or text such as "Good" (SOH); neither is "N/A".
struct ReportFlag {
  std::string name;
  std::optional<bool> pass;  // PASS / FAIL; nothing for N/A
  std::optional<double> value;
  std::string value_text;  // a value that is not a number, as written ("Good", "Fair")
  std::string test;        // the criterion, e.g. "<30", "12h +- 10%"; empty for N/A
  bool operator==(const ReportFlag&) const = default;
};

// Calibration Parameters (Table 144; noble gas Figure 9). Particulate and HPGe use the first six, beta-gamma
// the last two.
struct CalibrationParameters {
  std::optional<std::int64_t> area_threshold;    // "SAreaThreshold:"
  std::optional<std::int64_t> confidence_level;  // %
  std::optional<bool> ecr_updated;               // energy vs channel regression updated
  std::optional<bool> rer_updated;               // resolution vs energy regression updated
  std::string used_ecr;                          // "MRP A", "CMD", "INITIAL", "MRPM" ...
  std::string used_rer;
  std::optional<bool> gamma_energy_updated;
  std::optional<bool> beta_energy_updated;
  std::vector<std::string> extra;  // lines the tables do not define, verbatim
  bool operator==(const CalibrationParameters&) const = default;
};

}  // namespace imsgate::ims2::rn
