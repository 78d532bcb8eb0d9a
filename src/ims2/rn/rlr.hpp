// RLR, the Radionuclide Laboratory Report (7.3, Tables 80-119): preliminary (PRE) or final (FIN), for a
// particulate (P_ blocks) or a noble gas (X_ blocks) sample.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <tl/expected.hpp>

#include "ims2/message.hpp"
#include "ims2/rn/block.hpp"
#include "ims2/rn/lab_blocks.hpp"
#include "ims2/rn/rlr_blocks.hpp"

namespace imsgate::ims2::rn {

// One report: the blocks of Table 80 (with #Conclusions and #Comment, whose rows the converted table lost),
// each absent when the report does not have it.
struct Rlr {
  RlrHeader header;
  std::optional<LabDataVersion> data_version;
  std::optional<Objective> objective;
  std::optional<ParticulateActivitySummary> p_activity_summary;
  std::optional<LabXenonActivitySummary> x_activity_summary;
  std::optional<ParticulateScreeningFlags> p_screening_flags;
  std::optional<NobleGasScreeningFlags> x_screening_flags;
  std::optional<LabCollection> collection;
  std::optional<XenonProcessing> x_processing;
  std::optional<ParticulateStationSample> p_station_sample;
  std::optional<NobleGasStationSample> x_station_sample;
  std::optional<ParticulateSplit> p_split;
  std::optional<NobleGasSplit> x_split;
  std::optional<SampleReceipt> sample_receipt;
  std::optional<ParticulateLabSample> p_lab_sample;
  std::optional<NobleGasLabSample> x_lab_sample;
  std::optional<LabTest> test;
  std::optional<LabCalibrationEquations> energy_calibration;
  std::optional<LabCalibrationEquations> shape_calibration;
  std::optional<LabCalibrationEquations> efficiency_calibration;
  std::optional<LabCalibrationEquations> total_efficiency_calibration;
  std::optional<PeaksMethod> peaks_method;
  std::optional<std::vector<SearchedPeak>> peak_search;
  std::optional<std::vector<PeakFit1>> peak_fit1;
  std::optional<std::vector<PeakFit2>> peak_fit2;
  std::optional<AnalysisMethods> analysis_methods;
  std::optional<std::vector<PeakAssociation>> peak_association;
  std::optional<References> references;
  std::optional<TextLines> interactive_analysis_log;
  std::optional<LabResults> p_results;  // Bq, Bq/m3
  std::optional<LabResults> x_results;  // mBq, mBq/m3
  std::optional<std::vector<NuclideRatio>> nuclide_ratios;
  std::optional<std::vector<CoincidenceCorrection>> coincidence_correction;
  std::optional<UncertaintyBudget> uncertainty_budget;
  std::optional<std::vector<CriticalLevel>> lc;
  std::optional<std::vector<MinimumDetectable>> p_mda_mdc;
  std::optional<std::vector<MinimumDetectable>> x_mda_mdc;
  std::optional<Conclusions> conclusions;
  std::optional<TextLines> comment;
  std::vector<LabRawBlock> unknown_blocks;  // in input order, written after the known ones
  bool operator==(const Rlr&) const = default;
};

struct RlrSection {
  std::vector<Rlr> reports;  // one per #Header
  std::vector<TimePoint> time_stamps;
  bool operator==(const RlrSection&) const = default;
};

// The sample kind: from the P_/X_ blocks, else from the category code; nothing when neither tells.
std::optional<SampleKind> sample_kind(const Rlr& report);

// Reads a "DATA_TYPE RLR" section and checks it against Tables 80-119. Nothing only when the section holds no
// report; otherwise the reports as far as they could be read, problems in the diagnostics.
std::optional<RlrSection> read_rlr_section(const DataSection& section, Diagnostics& diagnostics,
                                           Mode mode = Mode::lenient);

// The section's body (the lines after DATA_TYPE): time stamps first, then each report's blocks in the order
// of Table 80, unknown blocks before #Comment.
tl::expected<std::string, std::string> write_rlr_section(const RlrSection& section);

// Blocks of lab messages that hold free text, where blank lines are allowed (3.5.5).
bool is_lab_free_text_block(std::string_view block_name);

}  // namespace imsgate::ims2::rn
