#include "ims2/rn/rlr.hpp"

#include <array>

#include <fmt/format.h>

#include "ims2/text.hpp"

namespace imsgate::ims2::rn {
namespace {

constexpr const char* kRule = "7.3";

// Table 80, per report kind. `expected` is required by our reading but missing from real reports: #Lc of a
// beta-gamma report (I.29.1 has none) and #Conclusions (row lost from Table 80, §6.3 item 31); a deviation.
enum class Need { required, optional, unused, expected };
constexpr Need R = Need::required;
constexpr Need O = Need::optional;
constexpr Need U = Need::unused;
constexpr Need E = Need::expected;

struct BlockRule {
  std::string_view name;
  std::array<Need, 3> need;  // particulate, noble gas HPGe, noble gas beta-gamma
  void (*read)(Rlr&, const Block&, Diagnostics&, Mode);
  bool (*present)(const Rlr&);
};

TextLines read_text(const Block& b, Diagnostics&, Mode) {
  return read_free_text(b);
}

template <auto Member, auto Reader>
constexpr BlockRule rule(std::string_view name, Need p, Need g, Need bg) {
  return {name,
          {p, g, bg},
          [](Rlr& r, const Block& b, Diagnostics& d, Mode m) { r.*Member = Reader(b, d, m); },
          [](const Rlr& r) { return (r.*Member).has_value(); }};
}

const std::array kBlocks{
    rule<&Rlr::data_version, read_lab_data_version>("#LabDataVersion", R, R, R),
    rule<&Rlr::objective, read_objective>("#Objective", R, R, R),
    rule<&Rlr::p_activity_summary, read_particulate_activity_summary>("#P_IDCActivitySummary", O, U, U),
    rule<&Rlr::x_activity_summary, read_noble_gas_activity_summary>("#X_IDCActivitySummary", U, O, O),
    rule<&Rlr::p_screening_flags, read_particulate_screening_flags>("#P_IDCEventScreeningFlags", O, U, U),
    rule<&Rlr::x_screening_flags, read_noble_gas_screening_flags>("#X_IDCEventScreeningFlags", U, O, O),
    rule<&Rlr::collection, read_lab_collection>("#Collection", R, R, R),
    rule<&Rlr::x_processing, read_xenon_processing>("#X_Processing", U, R, R),
    rule<&Rlr::p_station_sample, read_particulate_station_sample>("#P_StationSample", R, U, U),
    rule<&Rlr::x_station_sample, read_noble_gas_station_sample>("#X_StationSample", U, R, R),
    rule<&Rlr::p_split, read_particulate_split>("#P_Split", O, U, U),
    rule<&Rlr::x_split, read_noble_gas_split>("#X_Split", U, O, O),
    rule<&Rlr::sample_receipt, read_sample_receipt>("#SampleReceipt", R, R, R),
    rule<&Rlr::p_lab_sample, read_particulate_lab_sample>("#P_LabSample", R, U, U),
    rule<&Rlr::x_lab_sample, read_noble_gas_lab_sample>("#X_LabSample", U, R, R),
    rule<&Rlr::test, read_lab_test>("#Test", R, R, R),
    rule<&Rlr::energy_calibration, read_calibration_equations>("#EnergyCalibrationEquation", R, R, O),
    rule<&Rlr::shape_calibration, read_calibration_equations>("#ShapeCalibrationEquation", R, R, O),
    rule<&Rlr::efficiency_calibration, read_calibration_equations>("#EfficiencyCalibrationEquation", R, R, O),
    rule<&Rlr::total_efficiency_calibration, read_calibration_equations>(
        "#TotalEfficiencyCalibrationEquation", R, O, O),
    rule<&Rlr::peaks_method, read_peaks_method>("#PeaksMethod", R, R, O),
    rule<&Rlr::peak_search, read_peak_search>("#PeakSearch", R, R, O),
    rule<&Rlr::peak_fit1, read_peak_fit1>("#PeakFitPart1", R, R, O),
    rule<&Rlr::peak_fit2, read_peak_fit2>("#PeakFitPart2", R, R, O),
    rule<&Rlr::analysis_methods, read_analysis_methods>("#AnalysisMethods", R, R, R),
    rule<&Rlr::peak_association, read_peak_association>("#PeakAssociation", R, R, O),
    rule<&Rlr::references, read_references>("#References", R, R, R),
    rule<&Rlr::interactive_analysis_log, read_text>("#InteractiveAnalysisLog", R, R, R),
    rule<&Rlr::p_results, read_lab_results>("#P_Results", R, U, U),
    rule<&Rlr::x_results, read_lab_results>("#X_Results", U, R, R),
    rule<&Rlr::nuclide_ratios, read_nuclide_ratios>("#NuclideRatios", R, R, R),
    rule<&Rlr::coincidence_correction, read_coincidence_corrections>("#CoincidenceCorrection", R, O, O),
    rule<&Rlr::uncertainty_budget, read_uncertainty_budget>("#UncertaintyBudget", R, R, R),
    rule<&Rlr::lc, read_critical_levels>("#Lc", O, O, E),
    rule<&Rlr::p_mda_mdc, read_minimum_detectable>("#P_MDA/MDC", R, U, U),
    rule<&Rlr::x_mda_mdc, read_minimum_detectable>("#X_MDA/MDC", U, R, R),
    rule<&Rlr::conclusions, read_conclusions>("#Conclusions", E, E, E),
    rule<&Rlr::comment, read_text>("#Comment", O, O, O),
};

const BlockRule* find_rule(std::string_view name) {
  for (const BlockRule& r : kBlocks) {
    if (iequals(r.name, name)) return &r;
  }
  return nullptr;
}

std::optional<SampleKind> prefix_kind(std::string_view name) {
  if (istarts_with(name, "#P_")) return SampleKind::particulate;
  if (istarts_with(name, "#X_")) return SampleKind::noble_gas;
  return std::nullopt;
}

std::optional<SampleKind> category_kind(std::string_view code) {
  if (code.empty()) return std::nullopt;
  return is_noble_gas_category(code) ? SampleKind::noble_gas : SampleKind::particulate;
}

std::string_view kind_name(SampleKind k) {
  return k == SampleKind::particulate ? "particulate" : "noble gas";
}

// Table 80 separates HPGe from beta-gamma noble gas reports, but no field says which: the type of test
// (Table 96) does ("Beta-gamma coincidence spectroscopy" in I.29.1).
bool is_beta_gamma(const Rlr& r) {
  if (!r.test) return false;
  const std::string type = to_lower(r.test->type);
  return type.find("beta") != std::string::npos || type.find("coincidence") != std::string::npos;
}

struct Found {
  const BlockRule* rule;
  int line;
};

void check_blocks(const Rlr& r, const std::vector<Found>& found, int header_line, Diagnostics& d, Mode mode) {
  std::optional<SampleKind> kind;
  for (const Found& f : found) {
    if ((kind = prefix_kind(f.rule->name))) break;
  }
  const auto by_category = category_kind(r.header.category);
  if (kind && by_category && *kind != *by_category) {
    d.error({header_line, 1},
            fmt::format("Category {} is a {} sample, but the report's blocks are {}", r.header.category,
                        kind_name(*by_category), kind_name(*kind)),
            std::string(kRule));
  }
  if (!kind) kind = by_category;
  if (!kind) {
    d.error({header_line, 1},
            "no P_/X_ block and no category: the report is neither particulate nor noble gas (Table 80)",
            std::string(kRule));
    return;
  }
  const std::size_t column = *kind == SampleKind::particulate ? 0 : is_beta_gamma(r) ? 2 : 1;
  const std::string_view report = column == 0   ? "a particulate"
                                  : column == 1 ? "an HPGe noble gas"
                                                : "a beta-gamma noble gas";
  for (const Found& f : found) {
    if (f.rule->need[column] == Need::unused) {
      d.error({f.line, 1}, fmt::format("{} is not a block of {} report (Table 80)", f.rule->name, report),
              std::string(kRule));
    }
  }
  for (const BlockRule& b : kBlocks) {
    if (b.present(r)) continue;
    const std::string message = fmt::format("{} report has no {} block (Table 80)", report, b.name);
    if (b.need[column] == Need::required) d.error({header_line, 1}, message, std::string(kRule));
    if (b.need[column] == Need::expected) deviation(d, mode, {header_line, 1}, message, std::string(kRule));
  }
}

Rlr read_rlr(const Product& p, Diagnostics& d, Mode mode) {
  Rlr r;
  std::vector<Found> found;
  for (const Block& b : p.blocks) {
    if (b.is("#Header")) {
      r.header = read_rlr_header(b, d, mode);
      continue;
    }
    const BlockRule* rule = find_rule(b.name);
    if (!rule && b.is("#g_LabSample")) {
      deviation(d, mode, {b.name_line.number, 1}, "'#g_LabSample' read as '#P_LabSample' (I.30)",
                std::string(kRule));
      rule = find_rule("#P_LabSample");
    }
    if (!rule) {
      r.unknown_blocks.push_back(raw_block(b));
      continue;
    }
    if (rule->present(r)) {
      d.error({b.name_line.number, 1},
              fmt::format("a second {} block: a report has one, the first is kept", rule->name),
              std::string(kRule));
      continue;
    }
    rule->read(r, b, d, mode);
    found.push_back({rule, b.name_line.number});
  }
  const int header_line = p.blocks.empty() ? 0 : p.blocks.front().name_line.number;
  check_blocks(r, found, header_line, d, mode);
  return r;
}

template <class T>
void put(BlockWriter& w, const std::optional<T>& block) {
  if (block) write_block(w, *block);
}

template <class T>
void put(BlockWriter& w, std::string_view name, const std::optional<T>& block) {
  if (block) write_block(w, name, *block);
}

tl::expected<std::string, std::string> write_rlr(const Rlr& r) {
  BlockWriter w;
  write_block(w, r.header);
  put(w, r.data_version);
  put(w, r.objective);
  put(w, r.p_activity_summary);
  put(w, r.x_activity_summary);
  put(w, r.p_screening_flags);
  put(w, r.x_screening_flags);
  put(w, r.collection);
  put(w, r.x_processing);
  put(w, r.p_station_sample);
  put(w, r.x_station_sample);
  put(w, r.p_split);
  put(w, r.x_split);
  put(w, r.sample_receipt);
  put(w, r.p_lab_sample);
  put(w, r.x_lab_sample);
  put(w, r.test);
  put(w, "#EnergyCalibrationEquation", r.energy_calibration);
  put(w, "#ShapeCalibrationEquation", r.shape_calibration);
  put(w, "#EfficiencyCalibrationEquation", r.efficiency_calibration);
  put(w, "#TotalEfficiencyCalibrationEquation", r.total_efficiency_calibration);
  put(w, r.peaks_method);
  put(w, r.peak_search);
  put(w, r.peak_fit1);
  put(w, r.peak_fit2);
  put(w, r.analysis_methods);
  put(w, r.peak_association);
  put(w, r.references);
  if (r.interactive_analysis_log)
    write_free_text_block(w, "#InteractiveAnalysisLog", *r.interactive_analysis_log);
  put(w, "#P_Results", r.p_results);
  put(w, "#X_Results", r.x_results);
  put(w, r.nuclide_ratios);
  put(w, r.coincidence_correction);
  put(w, r.uncertainty_budget);
  put(w, r.lc);
  put(w, "#P_MDA/MDC", r.p_mda_mdc);
  put(w, "#X_MDA/MDC", r.x_mda_mdc);
  put(w, r.conclusions);
  for (const LabRawBlock& b : r.unknown_blocks) w.raw(b);
  if (r.comment) write_free_text_block(w, "#Comment", *r.comment);
  return std::move(w).finish();
}

}  // namespace

bool is_lab_free_text_block(std::string_view name) {
  static constexpr std::array<std::string_view, 18> kFreeText{"#LabDataVersion",
                                                              "#Objective",
                                                              "#P_IDCActivitySummary",
                                                              "#P_Split",
                                                              "#X_Split",
                                                              "#SampleReceipt",
                                                              "#P_LabSample",
                                                              "#g_LabSample",
                                                              "#X_LabSample",
                                                              "#Test",
                                                              "#PeaksMethod",
                                                              "#AnalysisMethods",
                                                              "#References",
                                                              "#Recipient",
                                                              "#Conclusions",
                                                              "#UncertaintyBudget",
                                                              "#InteractiveAnalysisLog",
                                                              "#Comment"};
  for (std::string_view f : kFreeText) {
    if (iequals(f, name)) return true;
  }
  return false;
}

std::optional<SampleKind> sample_kind(const Rlr& report) {
  for (const BlockRule& b : kBlocks) {
    if (b.present(report) && prefix_kind(b.name)) return prefix_kind(b.name);
  }
  return category_kind(report.header.category);
}

std::optional<RlrSection> read_rlr_section(const DataSection& section, Diagnostics& diagnostics, Mode mode) {
  if (!iequals(section.header.type, "RLR")) return std::nullopt;
  SplitSection split = split_products(section, diagnostics, is_lab_free_text_block);
  if (split.products.empty()) {
    diagnostics.error({section.line.number, 1}, "an RLR section holds at least one report",
                      std::string(kRule));
    return std::nullopt;
  }
  RlrSection out;
  out.time_stamps = std::move(split.time_stamps);
  for (const Product& p : split.products) out.reports.push_back(read_rlr(p, diagnostics, mode));
  return out;
}

tl::expected<std::string, std::string> write_rlr_section(const RlrSection& section) {
  std::string out;
  for (TimePoint t : section.time_stamps) out += write_time_stamp(t) + "\n";
  for (const Rlr& r : section.reports) {
    auto text = write_rlr(r);
    if (!text) return tl::unexpected(fmt::format("RLR {}: {}", r.header.srid, text.error()));
    out += *text;
  }
  return out;
}

}  // namespace imsgate::ims2::rn
