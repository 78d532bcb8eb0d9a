// RNPS, the Radionuclide Network Product Summary (7.8.4, Table 164; example I.32): the radionuclide products
// the IDC received in a period, one row per sample.
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

struct RnpsSample {
  std::string station;
  std::string detector;  // the column I.32 adds after Station; empty in Table 164's layout
  std::optional<std::int64_t> sample_id;
  std::string type;  // P particulate, G noble gas gamma, B beta-gamma, X beta-gamma high resolution
  std::optional<TimePoint> collection_start;
  std::optional<TimePoint> collection_stop;
  std::string level;                  // categorization after "Level ": "1".."5", "A".."C", "1/2" (I.32)
  std::string status;                 // A automatic, R reviewed
  std::vector<std::string> products;  // A ARR, R RRR, S SSREB, XA SAMPML, XR REVSAMP
  std::vector<std::string> relevant_nuclides;  // CTBT-relevant nuclides found
  bool operator==(const RnpsSample&) const = default;
};

struct Rnps {
  std::optional<TimePoint> created;
  std::optional<TimePoint> period_start;  // "received at the IDC between ... and ..."
  std::optional<TimePoint> period_end;
  std::vector<RnpsSample> samples;
  std::vector<TimePoint> time_stamps;  // TIME_STAMP lines: the first is written first, the others last
  bool operator==(const Rnps&) const = default;
};

// Nothing unless the section's DATA_TYPE is RNPS.
std::optional<Rnps> read_rnps_section(const DataSection& section, Diagnostics& diagnostics,
                                      Mode mode = Mode::lenient);
// The section body in the layout of I.32 (with the Detector column and four-digit years; see rnps.cpp).
tl::expected<std::string, std::string> write_rnps_section(const Rnps& rnps);

}  // namespace imsgate::ims2::rn
