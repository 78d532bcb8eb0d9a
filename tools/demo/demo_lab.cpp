// The laboratory's report (RLR, 7.3) on the first particulate sample of the data set: the sample's SRID,
// collection and filter as the station sent them, the laboratory's own count and results.
#include <cmath>

#include <fmt/format.h>

#include "demo_internal.hpp"
#include "demo_spectra.hpp"

namespace imsgate::demo::detail {
namespace {

using namespace ims2::rn;

// One peak the laboratory found: what it is and what the fit gave.
struct LabPeak {
  std::string nuclide;
  double kev;
  double area;
};

void add_peak_analysis(Rlr& r, const std::vector<LabPeak>& peaks, double live_time) {
  r.peak_search.emplace();
  r.peak_fit1.emplace();
  r.peak_fit2.emplace();
  r.peak_association.emplace();
  std::int64_t index = 0;
  for (const LabPeak& p : peaks) {
    ++index;
    const double relative = 100.0 / std::sqrt(p.area);  // %, counting statistics
    const double channel = hpge_channel(p.kev);
    r.peak_search->push_back(
        {index, round_to(channel, 3), 0.01, round_to(p.kev, 3), 0.01, 2.2, index == 1 ? "M" : "A"});
    r.peak_fit1->push_back({index, round_to(hpge_fwhm(p.kev), 2), std::round(channel - 12),
                            std::round(channel + 12), round_to(p.area * 0.02, 1), 8.0, "BLANK", std::nullopt,
                            std::nullopt});
    r.peak_fit2->push_back(
        {index, round_to(p.area, 0), round_to(relative, 2), round_to(p.area / live_time, 5),
         round_to(relative, 2), round_to(3 * std::sqrt(p.area * 0.02 * 24), 1),
         round_to(p.area / std::sqrt(p.area * 1.5), 2), round_to(hpge_efficiency(p.kev), 4), 3.0});
    r.peak_association->push_back({index, 100.0, p.nuclide});
  }
}

}  // namespace

Status add_laboratory(const Window& window, Random random, Drafts& drafts) {
  const SampleRun sample = particulate_runs(window).front();
  const std::string detector = fmt::format("{}_001", kLaboratory);
  const TimePoint received = std::chrono::floor<minutes>(sample.acquisition_stop() + hours(2));
  const TimePoint counted = received + hours(1);
  constexpr double kRealTime = 28800, kLiveTime = 28731;
  const TimePoint sent = counted + seconds(std::int64_t(kRealTime)) + hours(1);
  if (!window.holds(sent)) return {};

  const double be7 = round_to(random.uniform(13.5, 15.0), 2);  // Bq
  // Bq/m3, to the four digits the e11.4 fields keep.
  const auto concentration = [&](double activity) {
    return std::stod(fmt::format("{:.3e}", activity / sample.air_volume));
  };

  Rlr r;
  r.header = {Priority::routine,
              std::string(kParticulateStation),
              sample.srid,
              std::string(kLaboratory),
              detector,
              ReportType::final,
              1,
              "A",
              sent};
  r.data_version = LabDataVersion{"IMS2.0", {"imsgate demo laboratory software 1.0"}};
  r.objective = Objective{{"Quality control of the station's automatic results"},
                          {"High resolution gamma spectrometry is authorized for this sample"},
                          {"None"}};
  r.p_activity_summary =
      ParticulateActivitySummary{{"K-40"},
                                 {{"BE-7", "53.22 D", concentration(be7 * 1.02), 6.1},
                                  {"PB-212", "10.64 H", concentration(random.uniform(75, 95)), 4.0}},
                                 {},
                                 {}};
  r.p_screening_flags = ParticulateScreeningFlags{
      {false, "Never Seen"}, {false, "Never Seen"}, {false, "Never Seen"}, {false, "0"}};
  r.collection = LabCollection{sample.collection_start, sample.collection_stop, sample.air_volume};
  r.p_station_sample =
      ParticulateStationSample{"Environmental sample", 5.7,          0.45, std::nullopt,         8.8,
                               std::nullopt,           std::nullopt, "PE", "Compressed cylinder"};
  r.sample_receipt = SampleReceipt{sample.srid, "IMS-2026-0412", received, {"Good"}, {"Intact"}, {"Good"}};
  r.p_lab_sample = ParticulateLabSample{std::nullopt, 5.7,  0.45,
                                        std::nullopt, 8.81, std::nullopt,
                                        std::nullopt, "PE", {"Counted as received, without preparation"}};
  r.test = LabTest{"High resolution gamma spectrometry",
                   std::chrono::floor<days>(sent),
                   {"Verification of the station's automatic results"}};
  r.energy_calibration = LabCalibrationEquations{{{2, 20.0, 2700.0, {-0.12, 0.32955}}}};
  r.shape_calibration = LabCalibrationEquations{{{3, 20.0, 2700.0, {0.866, 0.0018}}}};
  r.efficiency_calibration = LabCalibrationEquations{
      {{2, 20.0, 120.0, {-2.41, 0.9, 0.0, 0.0}}, {2, 120.0, 2700.0, {-2.465, -0.78, 0.0, 0.0}}}};
  r.total_efficiency_calibration = LabCalibrationEquations{};
  r.peaks_method = PeaksMethod{
      "imsgate demo peak analysis 1.0",
      {"Second difference peak search, sensitivity 2.2", "Gaussian peaks on a linear step baseline"}};
  // Three days after the collection the thoron daughters are gone: Be-7 is what is left to compare.
  add_peak_analysis(r, {{"PB-210", 46.539, 310}, {"BE-7", 477.595, 1320}, {"K-40", 1460.822, 120}},
                    kLiveTime);
  r.analysis_methods = AnalysisMethods{"imsgate demo analysis 1.0",
                                       {"Library of 140 nuclides, tolerance 1.0 keV"},
                                       {"Linear step under each peak"},
                                       {"Currie, 5 % risk of a type 1 error"},
                                       {"Efficiency from a mixed source in the sample's geometry"}};
  r.references = References{
      mid(detector, counted), {mid(detector, counted - days(120))}, {"DDEP recommended data, reviewed 2024"}};
  r.interactive_analysis_log = TextLines{"No interactive changes."};
  r.p_results = LabResults{
      counted, sample.collection_start, {{"BE-7", be7, 6.1, 1.0, 68.0, concentration(be7), 6.1, 1.0, 68.0}}};
  // No fission products, so no ratio to give: the block's one empty record, as I.30 writes it.
  r.nuclide_ratios = std::vector<NuclideRatio>{{}};
  r.coincidence_correction = std::vector<CoincidenceCorrection>{{"BE-7", 477.595, 1.0, 0.1}};
  r.uncertainty_budget = UncertaintyBudget{
      {{"BE-7", 3.9, "Peak area"}, {"BE-7", 4.5, "Efficiency"}, {"BE-7", 0.6, "Emission probability"}},
      {"Components combined in quadrature, k = 1."}};
  r.p_mda_mdc = std::vector<MinimumDetectable>{{"CS-137", 0.021, concentration(0.021)},
                                               {"I-131", 0.034, concentration(0.034)},
                                               {"BA-140", 0.088, concentration(0.088)},
                                               {"ZR-95", 0.041, concentration(0.041)}};
  r.conclusions = Conclusions{{fmt::format("BE-7 IDC result: {:.3E} Bq/m3", concentration(be7 * 1.02))},
                              {fmt::format("BE-7 {} result: {:.3E} Bq/m3", kLaboratory, concentration(be7))},
                              {"The laboratory confirms the station's results."}};
  r.comment = TextLines{"imsgate demo data: a synthetic laboratory report."};
  return add_draft(drafts, kLaboratory, sent, rn_section(RlrSection{{r}, {}}, "RLR"));
}

}  // namespace imsgate::demo::detail
