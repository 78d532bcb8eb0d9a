// The blocks only the Radionuclide Laboratory Report has (7.3, Tables 81, 88, 94-118): sample preparation,
// calibration equations, peak analysis, results and conclusions.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "ims2/rn/lab_blocks.hpp"

namespace imsgate::ims2::rn {

enum class ReportType { preliminary, final };  // "PRE", "FIN"

// #Header (Table 81).
struct RlrHeader {
  std::optional<Priority> priority;
  std::string station;  // where the sample was collected
  std::string srid;     // of the whole sample, before splitting
  std::string lab;
  std::string detector;
  std::optional<ReportType> report_type;
  std::optional<std::int64_t> report_number;
  std::string category;  // "A" ... "XK", without the word "Category"
  std::optional<TimePoint> transmitted;
  bool operator==(const RlrHeader&) const = default;
};

// #X_Processing (Table 88).
struct XenonCellMeasurement {
  std::optional<double> cell_volume;  // cm3 STP
  std::optional<double> cell_volume_uncertainty;
  std::optional<double> transfer_efficiency;  // %
  std::optional<double> transfer_efficiency_uncertainty;
  bool operator==(const XenonCellMeasurement&) const = default;
};
struct ArchiveBottle {
  std::string container_id;
  std::optional<double> pressure;  // Pa
  std::string gas_composition;
  bool operator==(const ArchiveBottle&) const = default;
};
struct XenonProcessing {
  std::optional<double> archive_volume;  // cm3 STP
  std::optional<double> archive_volume_uncertainty;
  std::vector<XenonCellMeasurement> measurements;
  std::optional<ArchiveBottle> archive_bottle;  // optional last record
  bool operator==(const XenonProcessing&) const = default;
};

// #P_LabSample (Table 94; I.30 names it #g_LabSample).
struct ParticulateLabSample {
  std::optional<double> activity;  // Bq
  std::optional<double> diameter;
  std::optional<double> thickness;
  std::optional<double> width;
  std::optional<double> mass;
  std::optional<double> container_density;
  std::optional<double> container_thickness;
  std::string container_material;
  TextLines preparation;
  bool operator==(const ParticulateLabSample&) const = default;
};

// #X_LabSample (Table 95).
struct NobleGasLabSample {
  std::optional<double> activity;   // Bq
  std::optional<double> xe_volume;  // cm3
  TextLines preparation;
  bool operator==(const NobleGasLabSample&) const = default;
};

// #Test (Table 96).
struct LabTest {
  std::string type;
  std::optional<TimePoint> completed;  // a date
  TextLines purpose;
  bool operator==(const LabTest&) const = default;
};

// One equation of Tables 98-101; its type code is Table 97's (1 interpolation ... 9, 99 other).
struct LabCalibrationEquation {
  std::optional<std::int64_t> type;
  std::optional<double> energy_start;  // keV
  std::optional<double> energy_end;
  std::vector<std::optional<double>> parameters;  // p of them
  bool operator==(const LabCalibrationEquation&) const = default;
};
// #EnergyCalibrationEquation, #ShapeCalibrationEquation, #EfficiencyCalibrationEquation,
// #TotalEfficiencyCalibrationEquation. No equation is written "0" and one dummy equation (I.29.2, I.30).
struct LabCalibrationEquations {
  std::vector<LabCalibrationEquation> equations;
  bool operator==(const LabCalibrationEquations&) const = default;
};

// #PeaksMethod (Table 102).
struct PeaksMethod {
  std::string software;
  TextLines description;
  bool operator==(const PeaksMethod&) const = default;
};

// #PeakSearch (Table 103).
struct SearchedPeak {
  std::optional<std::int64_t> index;
  std::optional<double> channel;
  std::optional<double> channel_uncertainty;  // %
  std::optional<double> energy;               // keV
  std::optional<double> energy_uncertainty;   // %
  std::optional<double> sensitivity;
  std::string comment;  // A, I, M, m, IM (the examples also write IF)
  bool operator==(const SearchedPeak&) const = default;
};

// #PeakFitPart1 (Table 104).
struct PeakFit1 {
  std::optional<std::int64_t> index;
  std::optional<double> fwhm;       // keV
  std::optional<double> roi_start;  // channel
  std::optional<double> roi_end;
  std::optional<double> baseline;  // counts/channel
  std::optional<double> baseline_uncertainty;
  std::string background_type;            // Detector, Blank ...
  std::optional<double> background_rate;  // cps
  std::optional<double> background_rate_uncertainty;
  bool operator==(const PeakFit1&) const = default;
};

// #PeakFitPart2 (Table 105). Values as read: the examples do not agree on significance and efficiency units.
struct PeakFit2 {
  std::optional<std::int64_t> index;
  std::optional<double> area;  // counts, without background subtraction
  std::optional<double> area_uncertainty;
  std::optional<double> net_rate;  // cps
  std::optional<double> net_rate_uncertainty;
  std::optional<double> lc;
  std::optional<double> significance;
  std::optional<double> efficiency;
  std::optional<double> efficiency_uncertainty;
  bool operator==(const PeakFit2&) const = default;
};

// #AnalysisMethods (Table 106).
struct AnalysisMethods {
  std::string software;
  TextLines nuclides_method;
  TextLines baseline_method;
  TextLines lc_method;
  TextLines calibration_method;
  bool operator==(const AnalysisMethods&) const = default;
};

// #PeakAssociation (Table 107).
struct PeakAssociation {
  std::optional<std::int64_t> index;
  std::optional<double> explanation_level;
  std::string nuclide;  // may hold a blank: "below LC" (I.29.2)
  bool operator==(const PeakAssociation&) const = default;
};

// #References (Table 108).
struct References {
  std::string sample_mid;                     // ~SAMPLEPHD
  std::vector<std::string> calibration_mids;  // ~CALIBPHD
  TextLines physical_constants;
  bool operator==(const References&) const = default;
};

// A record of #P_Results / #X_Results (Tables 110, 111): Bq and Bq/m3 (P) or mBq and mBq/m3 (X). Senders
// write the coverage factor as a number and add a confidence level (%) after it (§6.3 item 39).
struct NuclideResult {
  std::string nuclide;
  std::optional<double> activity;
  std::optional<double> activity_uncertainty;  // %
  std::optional<double> activity_coverage;     // k
  std::optional<double> activity_confidence;   // %
  std::optional<double> concentration;
  std::optional<double> concentration_uncertainty;
  std::optional<double> concentration_coverage;
  std::optional<double> concentration_confidence;
  bool operator==(const NuclideResult&) const = default;
};
struct LabResults {
  std::optional<TimePoint> activity_reference;       // the lab acquisition start
  std::optional<TimePoint> concentration_reference;  // as the lab gives it
  std::vector<NuclideResult> nuclides;
  bool operator==(const LabResults&) const = default;
};

// #NuclideRatios (Table 112).
struct NuclideRatio {
  std::string nuclide1;
  std::string nuclide2;
  std::optional<double> ratio;  // A(nuclide 2) / A(nuclide 1)
  std::optional<double> uncertainty;
  std::optional<TimePoint> reference;
  std::optional<TimePoint> zero_time;           // start of daughter in-growth
  std::optional<double> zero_time_uncertainty;  // days
  bool operator==(const NuclideRatio&) const = default;
};

// #CoincidenceCorrection (Table 113).
struct CoincidenceCorrection {
  std::string nuclide;
  std::optional<double> energy;  // keV
  std::optional<double> factor;  // C_p
  std::optional<double> uncertainty;
  bool operator==(const CoincidenceCorrection&) const = default;
};

// #UncertaintyBudget (Table 114).
struct UncertaintyComponent {
  std::string nuclide;                // or a descriptor such as VOL
  std::optional<double> uncertainty;  // %
  std::string descriptor;             // the rest of the line (I.29.2 starts it with '%')
  bool operator==(const UncertaintyComponent&) const = default;
};
struct UncertaintyBudget {
  std::vector<UncertaintyComponent> uncertainties;
  TextLines calculation_methods;
  bool operator==(const UncertaintyBudget&) const = default;
};

// #Lc (Table 115).
struct CriticalLevel {
  std::string nuclide;
  std::optional<double> lc;  // mBq
  bool operator==(const CriticalLevel&) const = default;
};

// #P_MDA/MDC, #X_MDA/MDC (Tables 116, 117).
struct MinimumDetectable {
  std::string nuclide;
  std::optional<double> mda;
  std::optional<double> mdc;
  bool operator==(const MinimumDetectable&) const = default;
};

// #Conclusions (Table 118).
struct Conclusions {
  TextLines idc_summary;
  TextLines lab_summary;
  TextLines result_comparison;
  bool operator==(const Conclusions&) const = default;
};

RlrHeader read_rlr_header(const Block& b, Diagnostics& d, Mode mode);
XenonProcessing read_xenon_processing(const Block& b, Diagnostics& d, Mode mode);
ParticulateLabSample read_particulate_lab_sample(const Block& b, Diagnostics& d, Mode mode);
NobleGasLabSample read_noble_gas_lab_sample(const Block& b, Diagnostics& d, Mode mode);
LabTest read_lab_test(const Block& b, Diagnostics& d, Mode mode);
LabCalibrationEquations read_calibration_equations(const Block& b, Diagnostics& d, Mode mode);
PeaksMethod read_peaks_method(const Block& b, Diagnostics& d, Mode mode);
std::vector<SearchedPeak> read_peak_search(const Block& b, Diagnostics& d, Mode mode);
std::vector<PeakFit1> read_peak_fit1(const Block& b, Diagnostics& d, Mode mode);
std::vector<PeakFit2> read_peak_fit2(const Block& b, Diagnostics& d, Mode mode);
AnalysisMethods read_analysis_methods(const Block& b, Diagnostics& d, Mode mode);
std::vector<PeakAssociation> read_peak_association(const Block& b, Diagnostics& d, Mode mode);
References read_references(const Block& b, Diagnostics& d, Mode mode);
LabResults read_lab_results(const Block& b, Diagnostics& d, Mode mode);
std::vector<NuclideRatio> read_nuclide_ratios(const Block& b, Diagnostics& d, Mode mode);
std::vector<CoincidenceCorrection> read_coincidence_corrections(const Block& b, Diagnostics& d, Mode mode);
UncertaintyBudget read_uncertainty_budget(const Block& b, Diagnostics& d, Mode mode);
std::vector<CriticalLevel> read_critical_levels(const Block& b, Diagnostics& d, Mode mode);
std::vector<MinimumDetectable> read_minimum_detectable(const Block& b, Diagnostics& d, Mode mode);
Conclusions read_conclusions(const Block& b, Diagnostics& d, Mode mode);

void write_block(BlockWriter& w, const RlrHeader& h);
void write_block(BlockWriter& w, const XenonProcessing& p);
void write_block(BlockWriter& w, const ParticulateLabSample& s);
void write_block(BlockWriter& w, const NobleGasLabSample& s);
void write_block(BlockWriter& w, const LabTest& t);
void write_block(BlockWriter& w, std::string_view name, const LabCalibrationEquations& e);
void write_block(BlockWriter& w, const PeaksMethod& m);
void write_block(BlockWriter& w, const std::vector<SearchedPeak>& peaks);
void write_block(BlockWriter& w, const std::vector<PeakFit1>& fits);
void write_block(BlockWriter& w, const std::vector<PeakFit2>& fits);
void write_block(BlockWriter& w, const AnalysisMethods& m);
void write_block(BlockWriter& w, const std::vector<PeakAssociation>& associations);
void write_block(BlockWriter& w, const References& r);
void write_block(BlockWriter& w, std::string_view name, const LabResults& r);
void write_block(BlockWriter& w, const std::vector<NuclideRatio>& ratios);
void write_block(BlockWriter& w, const std::vector<CoincidenceCorrection>& corrections);
void write_block(BlockWriter& w, const UncertaintyBudget& b);
void write_block(BlockWriter& w, const std::vector<CriticalLevel>& levels);
void write_block(BlockWriter& w, std::string_view name, const std::vector<MinimumDetectable>& mdas);
void write_block(BlockWriter& w, const Conclusions& c);

}  // namespace imsgate::ims2::rn
