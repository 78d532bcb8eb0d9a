// The blocks of pulse height data (7.2.11, Tables 58-79): one struct per block. PHD messages zero-fill
// missing values (3.5.7), so numbers are plain values; a date written "0" (3.5.9) is an empty optional.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "ims2/datetime.hpp"

namespace imsgate::ims2::rn {

enum class SystemType { particulate, noble_gas_hpge, beta_gamma };  // P, G, B (Table 58)
enum class Qualifier { preliminary, full };                         // PREL, FULL
enum class DecayMode { none, beta, conversion_electron };           // 0, B, C (Tables 66, 79)

// Table 58.
struct PhdHeader {
  std::string designator = "3";  // format version identifier: every example writes 3
  std::string station;           // AUP09
  std::string detector;          // AUP09_007
  SystemType system_type = SystemType::particulate;
  std::string geometry;  // free text, may hold blanks
  Qualifier qualifier = Qualifier::full;
  std::string srid;
  std::string mid;                            // this measurement
  std::string detector_background_mid = "0";  // or the latest blank filter for particulate samples
  std::string gas_background_mid = "0";       // memory effect of beta-gamma cells
  std::optional<TimePoint> transmitted;
  bool operator==(const PhdHeader&) const = default;
};

struct PhdComment {  // Table 59: free text, blank lines kept
  std::vector<std::string> lines;
  bool operator==(const PhdComment&) const = default;
};

struct PhdCollection {  // Table 60
  std::optional<TimePoint> start;
  std::optional<TimePoint> stop;
  double air_volume = 0;  // m3 at STP
  bool operator==(const PhdCollection&) const = default;
};

struct PhdAcquisition {  // Table 61
  std::optional<TimePoint> start;
  double real_time = 0;  // s
  double live_time = 0;  // s
  bool operator==(const PhdAcquisition&) const = default;
};

struct PhdProcessing {   // Table 62 (noble gas)
  double xe_volume = 0;  // cm3 of stable xenon
  double xe_volume_uncertainty = 0;
  double xe_yield = 0;  // record 3, optional and zero-filled
  double xe_yield_uncertainty = 0;
  std::string archive_bottle;
  bool operator==(const PhdProcessing&) const = default;
};

struct PhdSample {        // Tables 63, 64: the meaning of the dimensions depends on the geometry
  double dimension1 = 0;  // cm
  double dimension2 = 0;  // cm
  bool operator==(const PhdSample&) const = default;
};

struct GEnergyPair {
  double energy = 0;   // keV
  double channel = 0;  // centroid
  double uncertainty = 0;
  bool operator==(const GEnergyPair&) const = default;
};
struct GEnergy {  // Table 65; not necessarily sorted
  std::vector<GEnergyPair> pairs;
  bool operator==(const GEnergy&) const = default;
};

struct BEnergyPair {
  double energy = 0;  // keV
  DecayMode mode = DecayMode::beta;
  double channel = 0;
  double uncertainty = 0;
  bool operator==(const BEnergyPair&) const = default;
};
struct BEnergy {  // Table 66
  std::vector<BEnergyPair> pairs;
  bool operator==(const BEnergy&) const = default;
};

struct ResolutionPair {
  double energy = 0;  // keV
  double fwhm = 0;    // keV
  double uncertainty = 0;
  bool operator==(const ResolutionPair&) const = default;
};
struct Resolution {  // Tables 67 (#g_Resolution) and 68 (#b_Resolution): one layout
  std::vector<ResolutionPair> pairs;
  bool operator==(const Resolution&) const = default;
};

struct EfficiencyPair {
  double energy = 0;  // keV
  double efficiency = 0;
  double uncertainty = 0;
  bool operator==(const EfficiencyPair&) const = default;
};
struct Efficiency {  // Tables 69 (#g_Efficiency) and 73 (#g_TotalEfficiency): one layout
  std::vector<EfficiencyPair> pairs;
  bool operator==(const Efficiency&) const = default;
};

struct RoiLimit {
  int roi = 0;            // 1..10
  double beta_start = 0;  // keV
  double beta_stop = 0;
  double gamma_start = 0;
  double gamma_stop = 0;
  bool operator==(const RoiLimit&) const = default;
};
struct RoiLimits {  // Table 70
  std::vector<RoiLimit> limits;
  bool operator==(const RoiLimits&) const = default;
};

struct BgEfficiencyRecord {
  std::string nuclide;  // XE-133
  int roi = 0;
  double efficiency = 0;
  double uncertainty = 0;
  bool operator==(const BgEfficiencyRecord&) const = default;
};
struct BgEfficiency {  // Table 72
  std::vector<BgEfficiencyRecord> records;
  bool operator==(const BgEfficiency&) const = default;
};

struct Ratio {
  std::string id;    // as written; the meaning is in the ROI numbers (DIGEST §2.16)
  int from_roi = 0;  // the higher-energy ROI, source of the interference
  int to_roi = 0;
  double ratio = 0;
  double uncertainty = 0;
  bool operator==(const Ratio&) const = default;
};
struct Ratios {  // Table 74
  std::vector<Ratio> ratios;
  bool operator==(const Ratios&) const = default;
};

// Tables 75 (#g_Spectrum) and 76 (#b_Spectrum). The channel count is counts.size().
struct Spectrum {
  int energy_span = 0;  // keV
  std::int64_t first_channel = 0;
  std::vector<std::int64_t> counts;
  std::size_t channels() const { return counts.size(); }
  bool operator==(const Spectrum&) const = default;
};

// Table 77: beta-gamma coincidences; gamma_channels rows of beta_channels counts, row-major in counts.
struct Histogram {
  int gamma_channels = 0;  // b, the number of rows
  int beta_channels = 0;   // a, the values per row
  int gamma_span = 0;      // keV
  int beta_span = 0;       // keV
  std::vector<std::int64_t> counts;
  std::int64_t at(int gamma, int beta) const { return counts[std::size_t(gamma) * beta_channels + beta]; }
  bool operator==(const Histogram&) const = default;
};

struct PhdCalibration {  // Table 78: when the calibration was computed
  std::optional<TimePoint> time;
  bool operator==(const PhdCalibration&) const = default;
};

struct CertificateLine {
  std::string nuclide;
  std::string half_life;            // "value unit", unit S, H, D or Y
  double activity = 0;              // at the assay time
  double activity_uncertainty = 0;  // %
  double gamma_energy = 0;          // keV
  double gamma_intensity = 0;       // %
  DecayMode decay_mode = DecayMode::none;
  double electron_energy = 0;     // maximum beta or CE energy, keV
  double electron_intensity = 0;  // %
  bool operator==(const CertificateLine&) const = default;
};
struct Certificate {          // Table 79
  double total_activity = 0;  // Bq
  std::optional<TimePoint> assay_time;
  std::vector<CertificateLine> lines;
  bool operator==(const Certificate&) const = default;
};

// A block this reader does not know (7.1 allows new ones), or a known block kept as written because it is
// not in its table's form at all (a real sender's one-word #Certificate): its lines verbatim.
struct VerbatimBlock {
  std::string name_line;  // "#Name designator"
  std::vector<std::string> lines;
  bool operator==(const VerbatimBlock&) const = default;
};

}  // namespace imsgate::ims2::rn
