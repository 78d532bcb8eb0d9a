// The particulate ARR and RRR (7.8.1.1, Tables 138-147; RRR additions 7.8.2, Tables 159-161): one struct
// per report section. Hours are numbers of hours, as the report prints them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "ims2/datetime.hpp"
#include "ims2/rn/arr_common.hpp"

namespace imsgate::ims2::rn {

// The title block: "IDC GENERATED REPORT" ... "Time difference from receipt of raw data to report creation".
struct ParticulateTitle {
  std::optional<TimePoint> creation;
  std::optional<TimePoint> arrival;
  std::optional<double> time_difference_hours;
  bool operator==(const ParticulateTitle&) const = default;
};

struct ParticulateSampleInformation {  // Table 138
  std::string station;
  std::string detector;
  std::optional<bool> authenticated;
  std::string location;
  std::string detector_description;
  std::optional<std::int64_t> sample_id;
  std::string geometry;
  std::optional<double> quantity_m3;  // air volume at STP
  std::string sample_type;            // "Particulate"
  std::optional<TimePoint> collection_start;
  std::optional<TimePoint> collection_stop;
  std::optional<TimePoint> acquisition_start;
  std::optional<TimePoint> acquisition_stop;
  std::optional<double> sampling_hours;
  std::optional<double> decay_hours;
  std::optional<double> acquisition_hours;
  std::optional<double> flow_rate_m3_per_hour;
  std::vector<std::string> station_comments;   // the PHD #Comment lines
  std::vector<std::string> analysis_comments;  // "IDC Analysis General Comments:" lines
  std::vector<std::string> extra;
  bool operator==(const ParticulateSampleInformation&) const = default;
};

struct ParticulateIsotopeCategory {  // Table 139 rec 17-
  std::string nuclide;
  std::optional<int> category;  // 1-5
  std::string comment;          // "Not Regularly Measured"
  bool operator==(const ParticulateIsotopeCategory&) const = default;
};

struct ParticulateCategorization {       // Table 139
  std::optional<int> spectrum_category;  // 1-5
  std::string description;               // "Anomalous Background Rad. Meas."
  std::vector<ParticulateIsotopeCategory> isotopes;
  std::vector<std::string> extra;
  bool operator==(const ParticulateCategorization&) const = default;
};

struct NuclideActivity {  // Table 140 data records
  std::string nuclide;
  HalfLife half_life;
  std::optional<double> concentration;        // uBq/m3
  std::optional<double> concentration_error;  // %
  std::optional<double> activity;             // uBq at acquisition start
  std::optional<double> activity_error;       // %
  std::optional<bool> coincidence;            // activation and fission products only
  bool operator==(const NuclideActivity&) const = default;
};

struct ActivitySummary {                               // Table 140
  std::vector<std::string> identified_not_quantified;  // natural nuclides, "BI-214, PB-210, PB-214"
  std::vector<NuclideActivity> natural;
  std::vector<NuclideActivity> activation;
  std::vector<NuclideActivity> fission;
  std::vector<std::string> extra;
  bool operator==(const ActivitySummary&) const = default;
};

struct KeyNuclideMdc {  // Table 141
  std::string nuclide;
  HalfLife half_life;
  std::optional<double> mdc;  // uBq/m3
  std::optional<double> mda;  // uBq
  bool operator==(const KeyNuclideMdc&) const = default;
};

struct MdcSummary {
  std::vector<KeyNuclideMdc> nuclides;
  std::vector<std::string> extra;
  bool operator==(const MdcSummary&) const = default;
};

struct ReportPeak {              // Table 142 data records, in the examples' column order
  std::optional<double> energy;  // keV
  bool multiplet = false;        // '*' after the energy
  std::optional<double> centroid;
  std::optional<std::int64_t> width;  // FWHM in channels
  std::optional<double> fwhm;         // keV
  std::optional<double> efficiency;
  std::optional<double> area;
  std::optional<double> background;  // %
  std::optional<double> area_error;  // %
  std::string nuclide;
  std::string notes;  // note numbers (RRR Peak Search Notes)
  bool operator==(const ReportPeak&) const = default;
};

struct PeakSearchResults {  // Table 142
  std::optional<std::int64_t> found;
  std::optional<std::int64_t> associated;
  std::optional<std::int64_t> not_associated;
  std::optional<std::int64_t> percent_associated;
  std::vector<ReportPeak> peaks;
  std::vector<std::string> extra;
  bool operator==(const PeakSearchResults&) const = default;
};

struct ParticulateProcessingParameters {  // Table 143
  std::optional<double> risk_level_k;
  std::string baseline_algorithm;
  std::optional<double> detectability_threshold;
  std::string energy_tolerance;  // "0.8 + 0 * FWHM"
  std::optional<bool> background_subtraction;
  std::optional<std::int64_t> background_sample_id;
  std::string background_type;  // "blank", "detector background"
  std::optional<TimePoint> background_acquisition_start;
  std::optional<double> background_acquisition_hours;
  std::optional<bool> irf_pb212f;
  std::vector<std::string> extra;
  bool operator==(const ParticulateProcessingParameters&) const = default;
};

struct ParticulateTimelinessFlags {  // Table 145
  std::optional<bool> previous_sample_present;
  std::optional<bool> collection_within_24_hours;
  std::optional<bool> acquisition_at_least_20_hours;
  std::optional<bool> decay_at_most_24_hours;
  std::optional<bool> received_within_72_hours;
  std::vector<std::string> extra;
  bool operator==(const ParticulateTimelinessFlags&) const = default;
};

struct QualityFlags {  // Table 146 (only the flags available)
  std::vector<ReportFlag> flags;
  std::vector<std::string> extra;
  bool operator==(const QualityFlags&) const = default;
};

struct SroiNuclide {  // Table 159 rec 7-
  std::string nuclide;
  std::optional<double> average_concentration;  // uBq/m3
  std::optional<double> error;                  // %
  bool operator==(const SroiNuclide&) const = default;
};

struct SroiEditing {                              // RRR, Table 159
  std::string nuclide_id_changes;                 // the text after "Nuclide ID Changes:"
  std::string average_concentration_differences;  // "YES" or "none"
  std::vector<SroiNuclide> entering;              // empty: "none"
  std::vector<SroiNuclide> leaving;
  std::vector<std::string> extra;
  bool operator==(const SroiEditing&) const = default;
};

struct PeakNoteEntry {
  std::optional<TimePoint> entered;
  std::string analyst;
  std::vector<std::string> text;
  bool operator==(const PeakNoteEntry&) const = default;
};

struct PeakNote {  // RRR, Table 160: one note may hold several dated entries
  std::int64_t number = 0;
  std::vector<PeakNoteEntry> entries;
  bool operator==(const PeakNote&) const = default;
};

struct PeakSearchNotes {
  std::vector<PeakNote> notes;
  std::vector<std::string> extra;
  bool operator==(const PeakSearchNotes&) const = default;
};

struct ParticulateEventScreening {  // RRR, Table 161
  std::optional<bool> activation_products_present;
  std::optional<bool> only_one_fission_product;
  std::optional<bool> two_or_more_fission_products;
  std::optional<bool> cs137_present;
  std::vector<std::string> extra;
  bool operator==(const ParticulateEventScreening&) const = default;
};

struct ReportEfficiencyPair {    // Table 147 rec 23-
  std::optional<double> energy;  // keV
  std::optional<double> efficiency;
  std::optional<double> uncertainty;
  bool operator==(const ReportEfficiencyPair&) const = default;
};

// Table 147. E(c) = c0 + c1*c + c2*c^2 ...; FWHM(E) = SQRT(r0 + r1*E + r2*E^2 ...).
struct ParticulateCalibrationEquations {
  std::vector<double> energy;      // coefficients of channel powers 0, 1, 2 ...
  std::vector<double> resolution;  // coefficients under the square root, powers of E 0, 1, 2 ...
  std::string efficiency_type;     // "VGSL pairs"
  std::vector<ReportEfficiencyPair> efficiency;
  std::vector<std::string> extra;
  bool operator==(const ParticulateCalibrationEquations&) const = default;
};

struct FieldOfRegard {
  std::string url;
  std::vector<std::string> extra;
  bool operator==(const FieldOfRegard&) const = default;
};

struct ParticulateReport {
  ParticulateTitle title;
  std::vector<std::string> title_extra;  // untyped lines of the title block
  ParticulateSampleInformation sample;
  ParticulateCategorization categorization;
  ActivitySummary activity;
  MdcSummary mdc;
  PeakSearchResults peaks;
  std::optional<SroiEditing> sroi_editing;    // RRR
  std::optional<PeakSearchNotes> peak_notes;  // RRR
  ParticulateProcessingParameters processing;
  CalibrationParameters calibration;
  ParticulateTimelinessFlags timeliness;
  QualityFlags quality;
  std::optional<ParticulateEventScreening> event_screening;  // RRR
  ParticulateCalibrationEquations equations;
  std::optional<FieldOfRegard> field_of_regard;  // absent from the damaged RRR I.34
  bool operator==(const ParticulateReport&) const = default;
};

}  // namespace imsgate::ims2::rn
