// The noble gas ARR and RRR, beta-gamma and HPGe (7.8.1.2, Tables 148-158, Figures 3-13; 7.8.2): one struct
// per report section. Durations are seconds (written "12 h 1 s", "1 d", "17.0 s").
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "ims2/datetime.hpp"
#include "ims2/rn/arr_common.hpp"

namespace imsgate::ims2::rn {

struct NobleGasTitle {  // Figure 3
  std::optional<TimePoint> creation;
  std::optional<TimePoint> arrival;
  std::optional<double> time_difference_s;
  bool operator==(const NobleGasTitle&) const = default;
};

// RRR: "IDC Analysis General Comments:2022-05-30 07:12:33" or "...:None", then the analyst's lines.
struct AnalysisComments {
  std::optional<TimePoint> entered;
  std::string heading_text;  // what follows the colon when it is not a date-time ("None")
  std::vector<std::string> lines;
  bool operator==(const AnalysisComments&) const = default;
};

struct NobleGasSampleInformation {  // Figure 4
  std::string station;
  std::string detector;
  std::optional<bool> authenticated;
  std::string location;
  std::string detector_description;
  std::string system_technology;  // SAUNA, SPALAX ...
  std::string sample_reference_id;
  std::optional<std::int64_t> sample_id;
  std::optional<double> xe_volume_ml;
  std::string sample_type;  // "Gas"
  std::optional<TimePoint> collection_start;
  std::optional<TimePoint> collection_stop;
  std::optional<TimePoint> acquisition_start;
  std::optional<TimePoint> acquisition_stop;
  std::optional<double> sampling_s;
  std::optional<double> processing_s;
  std::optional<double> acquisition_s;
  std::optional<AnalysisComments> analysis_comments;  // RRR
  std::vector<std::string> extra;
  bool operator==(const NobleGasSampleInformation&) const = default;
};

struct XenonIsotopeCategory {  // Table 148
  std::string isotope;         // "Xe-131m"
  std::optional<bool> detected;
  std::optional<double> abnormal_limit;  // mBq/m3
  std::string category;                  // A, B, C
  bool operator==(const XenonIsotopeCategory&) const = default;
};

struct NobleGasCategorization {  // Figure 5
  std::vector<XenonIsotopeCategory> isotopes;
  std::string spectrum_category;  // A, B, C
  std::string description;        // "Clean spectrum - No Xenon is present in the sample"
  std::vector<std::string> extra;
  bool operator==(const NobleGasCategorization&) const = default;
};

struct XenonActivity {  // Tables 149 (HPGe) and 150 (beta-gamma)
  std::string nuclide;
  HalfLife half_life;
  std::optional<double> activity;  // mBq at acquisition start
  std::optional<double> activity_stat_error;
  std::optional<double> activity_sys_error;
  std::optional<double> activity_total_error;
  std::optional<double> concentration;  // mBq/m3
  std::optional<double> concentration_stat_error;
  std::optional<double> concentration_sys_error;
  std::optional<double> concentration_total_error;
  std::optional<double> lc;   // beta-gamma only, mBq/m3
  std::optional<double> mdc;  // MDC (mBq/m3); HPGe: the MDI/MDC column
  bool operator==(const XenonActivity&) const = default;
};

struct XenonActivityTable {
  std::string
      method;  // "Beta gamma matrix (BGM) analysis method", "Peak Fit Method", "Decay Analysis Method"
  std::vector<XenonActivity> rows;
  bool operator==(const XenonActivityTable&) const = default;
};

struct RadonLevel {  // HPGe: "Radon level in Xenon sample"
  std::string nuclide;
  HalfLife half_life;
  std::optional<double> area;  // counts of the 352 keV peak
  std::optional<double> area_error;
  bool operator==(const RadonLevel&) const = default;
};

struct NobleGasActivitySummary {
  std::optional<double> radon_counts;  // beta-gamma: "Radon counts in Xenon sample:"
  std::optional<RadonLevel> radon;     // HPGe
  std::vector<XenonActivityTable> tables;
  std::vector<std::string> extra;
  bool operator==(const NobleGasActivitySummary&) const = default;
};

struct XenonPeak {  // Table 151 (HPGe)
  std::optional<double> energy;
  std::optional<double> centroid;
  std::optional<double> width;
  std::optional<double> fwhm;
  std::optional<double> efficiency;
  std::optional<double> net_area;
  std::optional<double> area_error;
  bool operator==(const XenonPeak&) const = default;
};

struct RoiNetCount {  // Table 152 (beta-gamma)
  std::optional<std::int64_t> roi;
  std::string nuclide;
  std::optional<double> net_counts;
  std::optional<double> net_error;
  std::optional<double> lc;
  std::optional<double> efficiency;  // N/A for ROI 1
  std::optional<double> efficiency_error;
  bool operator==(const RoiNetCount&) const = default;
};

struct RoiChannels {  // Table 153 (beta-gamma)
  std::optional<std::int64_t> roi;
  std::optional<std::int64_t> beta_low;
  std::optional<std::int64_t> beta_high;
  std::optional<std::int64_t> gamma_low;
  std::optional<std::int64_t> gamma_high;
  bool operator==(const RoiChannels&) const = default;
};

struct ProcessingSpecificResults {  // Figure 7
  std::vector<XenonPeak> peaks;     // HPGe "Xenon Peak Data"
  std::string method;               // beta-gamma: "Beta gamma matrix (BGM) analysis method"
  std::vector<RoiNetCount> roi_results;
  std::vector<RoiChannels> roi_limits;
  std::vector<std::string> extra;
  bool operator==(const ProcessingSpecificResults&) const = default;
};

struct NobleGasProcessingParameters {  // Figure 8
  std::optional<double> risk_level;
  std::string baseline_algorithm;  // HPGe
  std::optional<bool> gas_background_used;
  std::optional<bool> detector_background_used;
  std::optional<bool> interference_corrections;
  std::string analysis_method;  // beta-gamma: NCC, BGM
  std::vector<std::string> extra;
  bool operator==(const NobleGasProcessingParameters&) const = default;
};

struct FlagTable {  // Tables 154-157
  std::vector<ReportFlag> flags;
  std::vector<std::string> extra;
  bool operator==(const FlagTable&) const = default;
};

struct NobleGasEventScreening {  // Table 158
  std::optional<bool> xenon_present;
  std::optional<bool> only_one_xenon;
  std::optional<std::int64_t> days_since_last_detection;
  std::optional<bool> two_or_more_xenon;
  std::optional<bool> xe133_present;
  std::optional<std::int64_t> xe133_times_seen_365_days;
  std::string short_term_flag;  // "a - Clean spectrum - No Xenon is present in the sample"
  std::optional<bool> ratio_133m_131m_above_2;
  std::optional<bool> ratio_135_133_above_5;
  std::optional<bool> ratio_133m_133_above_0_3;
  std::vector<std::string> extra;
  bool operator==(const NobleGasEventScreening&) const = default;
};

// Figure 13: beta-gamma "Beta/Gamma Energy To Channel" C(E) = t0 + t1 E + t2 E^2; HPGe "Energy"
// E(C) = t0 + t1 C + t2 C^2 + t3 C^3 and "Resolution" R(E) = sqrt(t0 + t1 E + t2 E^2).
struct CalibrationEquation {
  std::string name;                  // "Beta Energy To Channel", "Energy", "Resolution"
  std::vector<double> coefficients;  // t0, t1, ...
  bool operator==(const CalibrationEquation&) const = default;
};

struct NobleGasCalibrationEquations {
  std::vector<CalibrationEquation> equations;
  std::vector<std::string> extra;
  bool operator==(const NobleGasCalibrationEquations&) const = default;
};

struct NobleGasReport {
  NobleGasTitle title;
  std::vector<std::string> title_extra;
  NobleGasSampleInformation sample;
  NobleGasCategorization categorization;
  NobleGasActivitySummary activity;
  ProcessingSpecificResults processing_results;
  NobleGasProcessingParameters processing;
  CalibrationParameters calibration;
  FlagTable timeliness;
  FlagTable quality;
  NobleGasEventScreening event_screening;
  NobleGasCalibrationEquations equations;
  bool operator==(const NobleGasReport&) const = default;
};

}  // namespace imsgate::ims2::rn
