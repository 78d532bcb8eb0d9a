#include "ims2/rn/rlr.hpp"

#include <gtest/gtest.h>

#include "ims2/rn/lab_test_support.hpp"

namespace imsgate::ims2::rn {
namespace {

using testing::at;
using testing::describe;
using testing::example_text;
using testing::first_section;
using testing::text_section;

constexpr std::string_view kBetaGamma = "I.29.1-rlr-noble-gas-betagamma.msg";
constexpr std::string_view kHpge = "I.29.2-rlr-noble-gas-hpge.msg";
constexpr std::string_view kParticulate = "I.30-rlr-particulate.msg";

struct Read {
  std::optional<RlrSection> section;
  Diagnostics diagnostics;
};

Read read_text(const std::string& text, Mode mode = Mode::lenient) {
  Read r;
  r.section = read_rlr_section(first_section(text), r.diagnostics, mode);
  return r;
}

// write(m) reads back to m, and writing that again gives the same text.
// `complete`: the report has every block Table 80 asks for, so reading it back finds no error.
void expect_round_trip(const RlrSection& section, bool complete = true) {
  const auto written = write_rlr_section(section);
  ASSERT_TRUE(written) << written.error();
  Diagnostics d;
  const auto again = read_rlr_section(text_section("RLR", *written), d);
  ASSERT_TRUE(again);
  if (complete) {
    EXPECT_FALSE(d.has_errors()) << describe(d) << *written;
  }
  EXPECT_EQ(*again, section) << *written;
  const auto rewritten = write_rlr_section(*again);
  ASSERT_TRUE(rewritten);
  EXPECT_EQ(*rewritten, *written);
}

// Reads I.29.1 after replacing `from` by `to` (which must occur).
Read read_changed(std::string_view from, std::string_view to, Mode mode = Mode::lenient) {
  std::string text = example_text(kBetaGamma);
  const auto pos = text.find(from);
  EXPECT_NE(pos, std::string::npos) << from;
  if (pos != std::string::npos) text.replace(pos, from.size(), to);
  return read_text(text, mode);
}

// The diagnostics other than the #Lc warning that every I.29.1 reading has.
std::vector<Diagnostic> besides_lc(const Diagnostics& d) {
  std::vector<Diagnostic> out;
  for (const Diagnostic& item : d) {
    if (item.message != "a beta-gamma noble gas report has no #Lc block (Table 80)") out.push_back(item);
  }
  return out;
}

TEST(RlrExamples, BetaGammaReportI291) {
  const Read r = read_text(example_text(kBetaGamma));
  ASSERT_TRUE(r.section);
  ASSERT_EQ(r.section->reports.size(), 1u);
  const Rlr& rlr = r.section->reports[0];
  // I.29.1 is complete: its only deviation is the missing #Lc of a beta-gamma report.
  ASSERT_EQ(r.diagnostics.size(), 1u) << describe(r.diagnostics);
  EXPECT_EQ(r.diagnostics.items()[0].severity, Severity::warning);
  EXPECT_EQ(r.diagnostics.items()[0].line, 6);
  EXPECT_EQ(r.diagnostics.items()[0].rule, "7.3");
  EXPECT_EQ(sample_kind(rlr), SampleKind::noble_gas);

  EXPECT_EQ(rlr.header.priority, Priority::routine);
  EXPECT_EQ(rlr.header.station, "AUX09");
  EXPECT_EQ(rlr.header.srid, "09201912030811X");
  EXPECT_EQ(rlr.header.lab, "GBL15");
  EXPECT_EQ(rlr.header.detector, "GBL15_00X");
  EXPECT_EQ(rlr.header.report_type, ReportType::final);
  EXPECT_EQ(rlr.header.report_number, 1);
  EXPECT_EQ(rlr.header.category, "XA");
  EXPECT_EQ(rlr.header.transmitted, at("2020/01/15", "14:17:42.5"));
  ASSERT_TRUE(rlr.data_version);
  EXPECT_EQ(rlr.data_version->version, "IMS2.0_IDCR8");
  EXPECT_EQ(rlr.data_version->notes, TextLines{"IMS Laboratory Communication Software Version 1.3.1"});
  ASSERT_TRUE(rlr.objective);
  EXPECT_EQ(rlr.objective->analysis_purpose,
            TextLines{"verifying AUX09 results as part of the revalidation process"});
  EXPECT_EQ(rlr.objective->special_instructions, TextLines{"-"});

  ASSERT_TRUE(rlr.collection);
  EXPECT_EQ(rlr.collection->start, at("2019/12/03", "07:55:39.9"));
  EXPECT_EQ(rlr.collection->stop, at("2019/12/03", "19:55:38.6"));
  EXPECT_DOUBLE_EQ(*rlr.collection->air_volume, 14.251403);
  ASSERT_TRUE(rlr.x_processing);
  EXPECT_EQ(rlr.x_processing->archive_volume, 2.0);
  ASSERT_EQ(rlr.x_processing->measurements.size(), 2u);
  EXPECT_EQ(rlr.x_processing->measurements[1].cell_volume, 2.2);
  EXPECT_EQ(rlr.x_processing->measurements[1].transfer_efficiency, 80.0);
  EXPECT_FALSE(rlr.x_processing->archive_bottle);
  ASSERT_TRUE(rlr.x_station_sample);
  EXPECT_EQ(rlr.x_station_sample->activity_category, "spikesample");
  EXPECT_EQ(rlr.x_station_sample->xe_volume, std::nullopt);  // -9999
  EXPECT_EQ(rlr.x_station_sample->container_type, "SAUNA");
  EXPECT_EQ(rlr.x_station_sample->bottle_description, "bottle stainless steel");
  ASSERT_TRUE(rlr.sample_receipt);
  EXPECT_EQ(rlr.sample_receipt->srid, "09201912030811X");
  EXPECT_EQ(rlr.sample_receipt->seal_number, "99999");
  EXPECT_EQ(rlr.sample_receipt->received, at("2019/12/16", "13:30:00"));
  EXPECT_EQ(rlr.sample_receipt->seal_condition, TextLines{"N/A"});
  ASSERT_TRUE(rlr.x_lab_sample);
  EXPECT_EQ(rlr.x_lab_sample->activity, std::nullopt);
  EXPECT_EQ(rlr.x_lab_sample->preparation, TextLines{"example comment"});
  ASSERT_TRUE(rlr.test);
  EXPECT_EQ(rlr.test->type, "Beta-gamma coincidence spectroscopy");
  EXPECT_EQ(rlr.test->completed, at("2020/01/15", "00:00:00"));
  ASSERT_TRUE(rlr.analysis_methods);
  EXPECT_EQ(rlr.analysis_methods->software, "Xecon OSI");
  EXPECT_EQ(rlr.analysis_methods->lc_method, TextLines{"0"});  // "~LCMethod" is "~LcMethod"
  ASSERT_TRUE(rlr.references);
  EXPECT_EQ(rlr.references->sample_mid, "");
  EXPECT_TRUE(rlr.references->calibration_mids.empty());
  ASSERT_TRUE(rlr.interactive_analysis_log);
  EXPECT_EQ(rlr.interactive_analysis_log->size(), 2u);

  ASSERT_TRUE(rlr.x_results);
  EXPECT_EQ(rlr.x_results->activity_reference, at("2019/12/16", "16:46:00"));
  EXPECT_EQ(rlr.x_results->concentration_reference, at("2019/12/03", "19:55:39"));
  ASSERT_EQ(rlr.x_results->nuclides.size(), 3u);
  const NuclideResult& xe133 = rlr.x_results->nuclides[1];
  EXPECT_EQ(xe133.nuclide, "XE-133");
  EXPECT_EQ(xe133.activity, 2.6434e+01);
  EXPECT_EQ(xe133.activity_uncertainty, 1.32);
  EXPECT_EQ(xe133.activity_coverage, 1.0);
  EXPECT_EQ(xe133.activity_confidence, 68.0);
  EXPECT_EQ(xe133.concentration, 1.3085e+01);
  EXPECT_EQ(xe133.concentration_uncertainty, 6.53);
  ASSERT_TRUE(rlr.nuclide_ratios);
  ASSERT_EQ(rlr.nuclide_ratios->size(), 3u);
  const NuclideRatio& ratio = (*rlr.nuclide_ratios)[2];
  EXPECT_EQ(ratio.nuclide1, "XE-131M");
  EXPECT_EQ(ratio.nuclide2, "XE-133M");
  EXPECT_EQ(ratio.ratio, 0.366);
  EXPECT_EQ(ratio.uncertainty, 10.15);
  EXPECT_EQ(ratio.reference, at("2019/12/16", "16:46:00"));
  EXPECT_EQ(ratio.zero_time, std::nullopt);  // 1970/01/01 00:00:00.0
  EXPECT_EQ(ratio.zero_time_uncertainty, 0.0);
  ASSERT_TRUE(rlr.coincidence_correction);
  ASSERT_EQ(rlr.coincidence_correction->size(), 1u);
  EXPECT_EQ((*rlr.coincidence_correction)[0].factor, 0.0);
  ASSERT_TRUE(rlr.x_mda_mdc);
  ASSERT_EQ(rlr.x_mda_mdc->size(), 4u);
  EXPECT_EQ((*rlr.x_mda_mdc)[3].nuclide, "XE-135");
  EXPECT_EQ((*rlr.x_mda_mdc)[3].mda, 2.6334e-03);
  EXPECT_EQ((*rlr.x_mda_mdc)[3].mdc, 5.4098e+03);
  ASSERT_TRUE(rlr.conclusions);
  EXPECT_EQ(rlr.conclusions->lab_summary, TextLines{"GBL15 FINDINGS"});
  ASSERT_TRUE(rlr.comment);
  EXPECT_EQ(rlr.comment->front(), "Re-measured January 2020.");
  EXPECT_EQ((*rlr.comment)[18], "XE-133 0.000 (0.00 %) 50490.7230.000");
  EXPECT_FALSE(rlr.p_results || rlr.p_lab_sample || rlr.lc || rlr.energy_calibration);
  EXPECT_TRUE(rlr.unknown_blocks.empty());

  expect_round_trip(*r.section);
}

TEST(RlrExamples, HpgeNobleGasReportI292) {
  const Read r = read_text(example_text(kHpge));
  ASSERT_TRUE(r.section);
  ASSERT_EQ(r.section->reports.size(), 1u);
  const Rlr& rlr = r.section->reports[0];
  // What the elision costs (the rest of #AnalysisMethods), and the nines written without '-' (§6.3).
  std::vector<std::string> messages;
  for (const Diagnostic& d : r.diagnostics) messages.push_back(d.message);
  EXPECT_EQ(messages,
            (std::vector<std::string>{
                "#AnalysisMethods has no '~BaselineMethod'",
                "#AnalysisMethods has no '~LcMethod'",
                "#AnalysisMethods has no '~CalibrationMethod'",
                "'99999999' read as a missing energy: a missing number is '-' followed by nines",
                "'99999999' read as a missing coincidence correction factor: a missing number is '-' "
                "followed by nines",
                "'999999' read as a missing coincidence correction uncertainty: a missing number is "
                "'-' followed by nines",
            }))
      << describe(r.diagnostics);

  EXPECT_EQ(rlr.header.lab, "ATL03");
  EXPECT_EQ(rlr.header.category, "XE");
  EXPECT_EQ(rlr.collection->air_volume, 8.30);
  EXPECT_EQ(rlr.x_station_sample->xe_volume_uncertainty, std::nullopt);  // "-999" for an f5.2
  EXPECT_EQ(rlr.x_station_sample->bottle_description, "Archive bottle 1");
  EXPECT_EQ(rlr.sample_receipt->seal_number, "-");

  ASSERT_TRUE(rlr.energy_calibration);
  ASSERT_EQ(rlr.energy_calibration->equations.size(), 1u);
  const LabCalibrationEquation& energy = rlr.energy_calibration->equations[0];
  EXPECT_EQ(energy.type, 2);
  EXPECT_EQ(energy.energy_start, 22.0);
  EXPECT_EQ(energy.energy_end, 2700.0);
  EXPECT_EQ(energy.parameters,
            (std::vector<std::optional<double>>{0.0, 1.7001e-01, -8.0000e-10}));  // the fourth slot is unused
  const LabCalibrationEquation& efficiency = rlr.efficiency_calibration->equations.at(0);
  EXPECT_EQ(efficiency.type, 6);
  ASSERT_EQ(efficiency.parameters.size(), 7u);
  EXPECT_EQ(efficiency.parameters[6], -1.0306e-02);
  EXPECT_TRUE(rlr.total_efficiency_calibration->equations.empty());  // "0" and a dummy equation

  ASSERT_EQ(rlr.peak_search->size(), 10u);
  const SearchedPeak& peak10 = (*rlr.peak_search)[9];
  EXPECT_EQ(peak10.index, 10);
  EXPECT_EQ(peak10.channel, 964.87);
  EXPECT_EQ(peak10.channel_uncertainty, std::nullopt);
  EXPECT_EQ(peak10.energy, 164.038);
  EXPECT_EQ(peak10.sensitivity, 2.0);
  EXPECT_EQ(peak10.comment, "");  // "0"
  EXPECT_EQ((*rlr.peak_search)[0].comment, "M");
  const PeakFit1& fit7 = (*rlr.peak_fit1)[6];
  EXPECT_EQ(fit7.roi_start, 452.0);
  EXPECT_EQ(fit7.background_type, "BLANK");
  EXPECT_EQ(fit7.background_rate, 2.2711e-04);
  EXPECT_EQ(fit7.background_rate_uncertainty, 25.73);
  EXPECT_EQ((*rlr.peak_fit1)[1].fwhm, std::nullopt);
  const PeakFit2& fit1 = (*rlr.peak_fit2)[0];
  EXPECT_EQ(fit1.area, 6.4940e+04);
  EXPECT_EQ(fit1.lc, 1.6389e+02);
  EXPECT_EQ(fit1.significance, 501.35);
  EXPECT_EQ(fit1.efficiency, 2.4376e+01);
  EXPECT_EQ((*rlr.peak_fit2)[6].net_rate_uncertainty, 100.0);
  EXPECT_EQ((*rlr.peak_association)[6].explanation_level, std::nullopt);
  EXPECT_EQ((*rlr.peak_association)[6].nuclide, "below LC");
  EXPECT_EQ(rlr.references->sample_mid, "ATL03_004-2019/12/16-10:22:55.0");
  EXPECT_EQ(rlr.references->calibration_mids, std::vector<std::string>{"ATL03_004-2014/10/20-14:26:35.0"});

  const NuclideResult& xe131m = rlr.x_results->nuclides.at(0);
  EXPECT_EQ(xe131m.activity, 1.9265e+03);
  EXPECT_EQ(xe131m.activity_coverage, 1.0);
  EXPECT_EQ(xe131m.activity_confidence, 68.27);
  EXPECT_EQ(xe131m.concentration, 4.2292e+02);
  EXPECT_EQ(xe131m.concentration_coverage, std::nullopt);
  EXPECT_EQ(rlr.x_results->concentration_reference, at("2019/12/05", "19:55:45"));
  EXPECT_EQ((*rlr.nuclide_ratios)[0].ratio, 1.0697);
  EXPECT_EQ((*rlr.nuclide_ratios)[1].nuclide1, "");  // the dummy record
  EXPECT_EQ((*rlr.nuclide_ratios)[1].ratio, std::nullopt);
  EXPECT_EQ((*rlr.coincidence_correction)[0].nuclide, "00000000");
  EXPECT_EQ((*rlr.coincidence_correction)[0].energy, std::nullopt);
  const UncertaintyComponent& volume = rlr.uncertainty_budget->uncertainties.at(0);
  EXPECT_EQ(volume.nuclide, "VOL");
  EXPECT_EQ(volume.uncertainty, 4.00);
  EXPECT_EQ(volume.descriptor, "% unc. of sample volume");
  EXPECT_EQ((*rlr.x_mda_mdc)[3].mdc, 3.4329e+08);
  EXPECT_EQ(rlr.conclusions->lab_summary.size(), 5u);
  EXPECT_EQ(rlr.conclusions->idc_summary, TextLines{"0"});
  EXPECT_EQ(std::count(rlr.comment->begin(), rlr.comment->end(), ""), 5);  // blank lines of free text

  expect_round_trip(*r.section);
}

TEST(RlrExamples, ParticulateReportI30) {
  const Read r = read_text(example_text(kParticulate));
  ASSERT_TRUE(r.section);
  const Rlr& rlr = r.section->reports.at(0);
  std::vector<std::string> messages;
  for (const Diagnostic& d : r.diagnostics) {
    EXPECT_EQ(d.severity, Severity::warning);
    messages.push_back(d.message);
  }
  EXPECT_EQ(messages, (std::vector<std::string>{
                          "'#g_LabSample' read as '#P_LabSample' (I.30)",
                          "centroid channel 596.2 is below the previous peak's at a higher energy: an "
                          "overflowing f8.3 field?",
                          "one nuclide name: a ratio names two nuclides",
                      }))
      << describe(r.diagnostics);
  EXPECT_EQ(sample_kind(rlr), SampleKind::particulate);
  EXPECT_EQ(rlr.header.station, "AUP09");
  EXPECT_EQ(rlr.header.srid, "09202111060511");
  EXPECT_EQ(rlr.header.category, "A");

  ASSERT_TRUE(rlr.p_activity_summary);
  EXPECT_EQ(rlr.p_activity_summary->nuclides_not_quantified, TextLines{"GE-71M, GE-75M, K-40, PB-206"});
  ASSERT_EQ(rlr.p_activity_summary->natural.size(), 2u);
  EXPECT_EQ(rlr.p_activity_summary->natural[0].nuclide, "BE-7");
  EXPECT_EQ(rlr.p_activity_summary->natural[0].half_life, "53.290 D");
  EXPECT_EQ(rlr.p_activity_summary->natural[0].concentration, 3.3858e-3);
  EXPECT_EQ(rlr.p_activity_summary->activation.at(0).uncertainty, 26.17);
  ASSERT_EQ(rlr.p_activity_summary->fission.size(), 1u);  // "0 0 -9999999999 -9999": an empty list
  EXPECT_EQ(rlr.p_activity_summary->fission[0], NuclideConcentration{});
  ASSERT_TRUE(rlr.p_screening_flags);
  EXPECT_EQ(rlr.p_screening_flags->activation_products, (ScreeningFlag{true, "168"}));
  EXPECT_EQ(rlr.p_screening_flags->cs137, (ScreeningFlag{false, ""}));
  EXPECT_EQ(rlr.collection->air_volume, 20872.0);
  ASSERT_TRUE(rlr.p_station_sample);
  EXPECT_EQ(rlr.p_station_sample->diameter, 5.0);
  EXPECT_EQ(rlr.p_station_sample->width, std::nullopt);
  EXPECT_EQ(rlr.p_station_sample->mass, 8.8);
  EXPECT_EQ(rlr.p_station_sample->container_material, "PVC");
  EXPECT_EQ(rlr.p_station_sample->geometry, "Compressed cylinder");
  ASSERT_TRUE(rlr.p_lab_sample);
  EXPECT_EQ(rlr.p_lab_sample->thickness, 0.65);
  EXPECT_EQ(rlr.p_lab_sample->mass, 8.81);
  EXPECT_EQ(rlr.p_lab_sample->preparation, TextLines{"3M filter"});

  ASSERT_EQ(rlr.efficiency_calibration->equations.size(), 2u);
  const LabCalibrationEquation& high = rlr.efficiency_calibration->equations[1];
  EXPECT_EQ(high.energy_start, 122.1);
  EXPECT_EQ(high.energy_end, 2714.86);
  ASSERT_EQ(high.parameters.size(), 6u);
  EXPECT_EQ(high.parameters[0], -2.2985e+02);
  EXPECT_EQ(high.parameters[5], 1.6434e-02);
  EXPECT_EQ(rlr.shape_calibration->equations.at(0).type, 3);

  ASSERT_EQ(rlr.peak_search->size(), 6u);  // 1-3 and 16-18: the others are elided
  const SearchedPeak& peak17 = (*rlr.peak_search)[4];
  EXPECT_EQ(peak17.index, 17);
  EXPECT_EQ(peak17.channel, 596.2);  // 10596.2 that lost its first digit
  EXPECT_EQ(peak17.energy, 1764.77);
  EXPECT_EQ(peak17.comment, "IF");
  EXPECT_EQ((*rlr.peak_fit1)[4].roi_end, 607.0);
  EXPECT_EQ((*rlr.peak_fit2)[5].significance, 4.49);
  EXPECT_EQ((*rlr.peak_association)[5].nuclide, "Tl-208");
  EXPECT_EQ(rlr.analysis_methods->lc_method,
            TextLines{"L.A. Currie Method Canberra Genie Algorithms 5% risk at type 1 errors"});

  ASSERT_TRUE(rlr.p_results);
  EXPECT_EQ(rlr.p_results->activity_reference, at("2021/11/22", "21:21:31"));
  ASSERT_EQ(rlr.p_results->nuclides.size(), 1u);
  const NuclideResult& be7 = rlr.p_results->nuclides[0];
  EXPECT_EQ(be7.nuclide, "Be-7");
  EXPECT_EQ(be7.activity, 5.9822e+01);
  EXPECT_EQ(be7.activity_uncertainty, 5.58);
  EXPECT_EQ(be7.concentration, 3.5379e-03);
  EXPECT_EQ(be7.concentration_confidence, 68.0);
  ASSERT_EQ(rlr.nuclide_ratios->size(), 1u);
  EXPECT_EQ((*rlr.nuclide_ratios)[0].ratio, 0.0);
  EXPECT_EQ((*rlr.nuclide_ratios)[0].zero_time_uncertainty, 0.0);
  EXPECT_EQ((*rlr.coincidence_correction)[0], CoincidenceCorrection{});  // all missing
  EXPECT_EQ(rlr.uncertainty_budget->uncertainties.back().descriptor, "Systematic Uncertainty");
  EXPECT_EQ(rlr.uncertainty_budget->calculation_methods.back(), "");  // a blank line of free text
  ASSERT_EQ(rlr.p_mda_mdc->size(), 5u);
  EXPECT_EQ(rlr.p_mda_mdc->back().nuclide, "Zr-97");
  EXPECT_EQ(rlr.p_mda_mdc->back().mdc, 7.3269e+00);
  EXPECT_EQ(rlr.conclusions->result_comparison, TextLines{"Be-7 Difference: 4.5 %"});

  expect_round_trip(*r.section);
}

TEST(RlrExamples, StrictModeMakesDeviationsErrors) {
  const Read r = read_text(example_text(kParticulate), Mode::strict);
  EXPECT_EQ(r.diagnostics.error_count(), 3u) << describe(r.diagnostics);
}

TEST(RlrWriter, WritesTheTablesColumns) {
  const Read r = read_text(example_text(kBetaGamma));
  ASSERT_TRUE(r.section);
  const auto text = write_rlr_section(*r.section);
  ASSERT_TRUE(text);
  EXPECT_NE(text->find("#Header\nRoutine\nAUX09 09201912030811X\nGBL15 GBL15_00X\nFIN  1\nCategory XA\n"
                       "2020/01/15 14:17:42.5\n"),
            std::string::npos)
      << *text;
  EXPECT_NE(text->find("#Collection\n2019/12/03 07:55:39.9 2019/12/03 19:55:38.6  14.251403\n"),
            std::string::npos);
  EXPECT_NE(text->find("#X_Processing\n 2.00000  5.00000\n2\n 1.80000  5.00000 80.00000  5.00000\n"),
            std::string::npos);
  // Nine fields when a confidence level is given; missing dates "0"; "~LcMethod" as Table 106 spells it.
  EXPECT_NE(text->find("XE-133    2.6434e+01  1.32 1.00 68.00  1.3085e+01  6.53 1.00 68.00\n"),
            std::string::npos);
  EXPECT_NE(
      text->find("XE-133   XE-131M     0.022  2.86 2019/12/16 16:46:00.0 0                        0.000\n"),
      std::string::npos);
  EXPECT_NE(text->find("~LcMethod\n0\n"), std::string::npos);
  EXPECT_NE(
      text->find("#X_StationSample\nspikesample\n-9999 -9999\nSAUNA           bottle stainless steel\n"),
      std::string::npos);
}

TEST(RlrWriter, WritesTheTableFormOfResultsAndEquationDummies) {
  RlrSection section;
  Rlr& r = section.reports.emplace_back();
  r.header.category = "A";
  r.p_results = LabResults{at("2021/11/22", "21:21:31"),
                           std::nullopt,
                           {{"Be-7", 59.822, 5.58, 2.0, std::nullopt, 3.5379e-3, 5.58, 2.0, std::nullopt}}};
  r.total_efficiency_calibration = LabCalibrationEquations{};
  const auto text = write_rlr_section(section);
  ASSERT_TRUE(text) << text.error();
  EXPECT_NE(
      text->find("#P_Results\n2021/11/22 21:21:31.0 0\nBe-7      5.9822e+01  5.58 2  3.5379e-03  5.58 2\n"),
      std::string::npos)
      << *text;
  EXPECT_NE(
      text->find("#TotalEfficiencyCalibrationEquation\n0\n 0  0    0.00    0.00\n-9999999999 -9999999999 "
                 "-9999999999 -9999999999\n"),
      std::string::npos)
      << *text;
  expect_round_trip(section, false);
}

TEST(RlrWriter, ValuesThatDoNotFitAreErrors) {
  RlrSection section;
  Rlr& r = section.reports.emplace_back();
  r.peak_search = std::vector<SearchedPeak>{{123456, 1.0, 1.0, 1.0, 1.0, 1.0, "A"}};
  auto text = write_rlr_section(section);
  ASSERT_FALSE(text);
  EXPECT_NE(text.error().find("peak index '123456' does not fit in columns 1-5"), std::string::npos)
      << text.error();

  r.peak_search.reset();
  r.comment = TextLines{"fine", "#Header in a comment"};
  text = write_rlr_section(section);
  ASSERT_FALSE(text);
  EXPECT_NE(text.error().find("would open a block"), std::string::npos);

  r.comment.reset();
  r.objective = Objective{{"~TestsAuthorized"}, {}, {}};
  EXPECT_FALSE(write_rlr_section(section));

  // A number that would read back as missing, and a record that would read as a keyword.
  r.objective.reset();
  r.lc = std::vector<CriticalLevel>{{"XE-133", -9999999999.0}};
  text = write_rlr_section(section);
  ASSERT_FALSE(text);
  EXPECT_EQ(text.error(), "RLR : LC -9999999999 would read as a missing value");
  r.lc = std::vector<CriticalLevel>{{"~XE-133", 1.0}};
  text = write_rlr_section(section);
  ASSERT_FALSE(text);
  EXPECT_NE(text.error().find("would read as a block, a keyword or a TIME_STAMP"), std::string::npos);
}

TEST(RlrWriter, OverflowingChannelsAreWrittenWithFewerDecimals) {
  RlrSection section;
  Rlr& r = section.reports.emplace_back();
  r.peak_search = std::vector<SearchedPeak>{{17, 10596.2, 0.01, 1764.77, 0.0, 2.2, "IF"}};
  const auto text = write_rlr_section(section);
  ASSERT_TRUE(text);
  EXPECT_NE(text->find("\n   17  10596.2  0.01 1764.770        0.00   2.200 IF\n"), std::string::npos)
      << *text;
}

TEST(RlrWriter, KeepsUnknownBlocksAndTimeStamps) {
  std::string text = example_text(kBetaGamma);
  text.replace(text.find("#Conclusions"), 0, "#LabExtra one\nfree   text\n");
  text.replace(text.find("#Header"), 0, "TIME_STAMP 2020/01/16 00:00:01\n");
  const Read r = read_text(text);
  ASSERT_TRUE(r.section);
  EXPECT_TRUE(besides_lc(r.diagnostics).empty()) << describe(r.diagnostics);
  ASSERT_EQ(r.section->time_stamps.size(), 1u);
  ASSERT_EQ(r.section->reports[0].unknown_blocks.size(), 1u);
  EXPECT_EQ(r.section->reports[0].unknown_blocks[0], (LabRawBlock{"#LabExtra one", {"free   text"}}));
  expect_round_trip(*r.section);
}

TEST(RlrSection, ReadsSeveralReports) {
  std::string text = example_text(kBetaGamma);
  const auto first = text.find("#Header");
  const auto stop = text.find("STOP");
  text.insert(stop, text.substr(first, stop - first));
  const Read r = read_text(text);
  ASSERT_TRUE(r.section);
  ASSERT_EQ(r.section->reports.size(), 2u);
  EXPECT_EQ(r.section->reports[0], r.section->reports[1]);
}

// The catalogue of malformed reports: I.29.1 with one change each.
struct Malformed {
  std::string_view name;
  std::string_view from;
  std::string_view to;
  Severity severity;
  int line;
  int column;
  std::string_view message;
  std::string_view rule;
};

class RlrMalformed : public ::testing::TestWithParam<Malformed> {};

TEST_P(RlrMalformed, IsReportedWhereItIs) {
  const Malformed& m = GetParam();
  const Read r = read_changed(m.from, m.to);
  ASSERT_TRUE(r.section);
  const auto found = besides_lc(r.diagnostics);
  ASSERT_FALSE(found.empty()) << m.name;
  const Diagnostic& d = found.front();
  EXPECT_EQ(d.severity, m.severity) << describe(r.diagnostics);
  EXPECT_EQ(d.line, m.line) << describe(r.diagnostics);
  EXPECT_EQ(d.column, m.column) << describe(r.diagnostics);
  EXPECT_EQ(d.message, m.message);
  EXPECT_EQ(d.rule, m.rule);
}

INSTANTIATE_TEST_SUITE_P(
    Catalogue, RlrMalformed,
    ::testing::Values(
        Malformed{"missing_required_block",
                  "#References\n~SAMPLEPHD\n0\n~CALIBPHD\n0\n~PhysicalConstants\n0\n", "", Severity::error, 6,
                  1, "a beta-gamma noble gas report has no #References block (Table 80)", "7.3"},
        Malformed{"wrong_keyword", "~TestsAuthorized", "~TestAuthorized", Severity::warning, 19, 1,
                  "'~TestAuthorized' is not a keyword of #Objective (~AnalysisPurpose, ~TestsAuthorized, "
                  "~SpecialInstructions): read as text",
                  "7.3"},
        Malformed{"keywords_out_of_order", "~IDCSummary\nIDC FINDINGS\n~LabSummary\nGBL15 FINDINGS\n",
                  "~LabSummary\nGBL15 FINDINGS\n~IDCSummary\nIDC FINDINGS\n", Severity::error, 94, 1,
                  "'~IDCSummary' missing before '~LabSummary' in #Conclusions", "7.3"},
        Malformed{"text_in_numeric_field", "19:55:38.6 14.251403", "19:55:38.6 14.25l403", Severity::error,
                  24, 45, "'14.25l403' is not a valid air volume: expected a number", "7.3"},
        Malformed{
            "bad_category", "Category XA", "Category XB", Severity::error, 11, 1,
            "'Category XB' is not a sample category: expected 'Category' and one of A, B, C, D, E, K, XA, "
            "XC, XD, XE, XK",
            "7.3"},
        Malformed{"bad_report_type", "FIN 1", "FIX 1", Severity::error, 10, 1,
                  "'FIX' is not a report type: expected PRE or FIN", "7.3"},
        Malformed{"bad_priority", "#Header\nRoutine", "#Header\nNormal", Severity::error, 7, 1,
                  "'Normal' is not a priority: expected Urgent or Routine", "7.3"},
        Malformed{"blank_line", "XE-133M 7.4826E-03", "\nXE-133M 7.4826E-03", Severity::warning, 90, 1,
                  "blank line: radionuclide data messages have none outside free text", "3.5.5"},
        Malformed{"collection_stop_before_start", "2019/12/03 19:55:38.6", "2019/12/02 19:55:38.6",
                  Severity::error, 24, 23, "the collection stop is not after the collection start", "7.2.11"},
        Malformed{"bad_date", "2019/12/16 13:30:00.0", "2019/13/16 13:30:00.0", Severity::error, 37, 1,
                  "'2019/13/16' is not a valid receipt date: expected yyyy/mm/dd", "7.3"},
        Malformed{"short_record", "#X_StationSample\nspikesample\n-9999 -9999\n",
                  "#X_StationSample\nspikesample\n-9999\n", Severity::error, 32, 6,
                  "the line ends before the stable xenon volume uncertainty", "7.3"},
        Malformed{"missing_record", "SAUNA bottle stainless steel\n", "", Severity::error, 30, 1,
                  "block #X_StationSample ends before the container type record", "7.3"},
        Malformed{
            "results_field_count", "XE-133 2.6434E+01 1.32 1.00 68.00", "XE-133 2.6434E+01 1.32 1.00",
            Severity::error, 75, 1,
            "a result record has 8 fields: expected 7 (Tables 110, 111), 9 (with confidence levels) or 5 "
            "(no coverage factors)",
            "7.3"},
        Malformed{"block_of_the_other_kind", "#SampleReceipt",
                  "#P_Split\n1.00 20000 5.00\nhalf\n#SampleReceipt", Severity::error, 34, 1,
                  "#P_Split is not a block of a beta-gamma noble gas report (Table 80)", "7.3"},
        Malformed{"category_of_the_other_kind", "Category XA", "Category A", Severity::error, 6, 1,
                  "Category A is a particulate sample, but the report's blocks are noble gas", "7.3"},
        Malformed{"second_block", "#Conclusions", "#Test\nother\n2020/01/15\n#Conclusions", Severity::error,
                  93, 1, "a second #Test block: a report has one, the first is kept", "7.3"},
        Malformed{"bad_flag_of_version", "IMS2.0_IDCR8", "GSE2.0", Severity::error, 14, 1,
                  "'GSE2.0' is not a format version code: expected IMS2.0", "7.3"},
        Malformed{"bad_equation_count", "#Conclusions", "#EnergyCalibrationEquation\nx\n#Conclusions",
                  Severity::error, 94, 1, "'x' is not a valid number of equations: expected an integer",
                  "7.3"}),
    [](const ::testing::TestParamInfo<Malformed>& info) { return std::string(info.param.name); });

TEST(RlrMalformedInput, ANonRlrSectionOrGarbageNeverCrashes) {
  for (std::string_view body :
       {"", "garbage\n", "#Header\n", "#Header\n#X_Results\n\n1 2 3\n",
        "#Header\n#EnergyCalibrationEquation\n9\n99 99 1 1\n", "#Header\n#X_Processing\n1 1\n9\n",
        "#Header\n#Objective\n~SpecialInstructions\n"}) {
    Diagnostics d;
    const auto section = read_rlr_section(text_section("RLR", std::string(body)), d);
    EXPECT_TRUE(d.has_errors()) << body;
    if (section) (void)write_rlr_section(*section);  // whatever was read can be written or refused
  }
}

}  // namespace
}  // namespace imsgate::ims2::rn
