#include <gtest/gtest.h>

#include "arr_test_support.hpp"

namespace imsgate::ims2::rn {
namespace {

using testing::dump;
using testing::example_section;

std::string text_of(std::optional<TimePoint> t) {
  return t ? write_fixed_date_time(*t, 0) : "none";
}

// ---- I.3: particulate ARR (elided in the spec: three ":" lines) ----

TEST(ArrParticulate, ReadsTheExampleI3) {
  Diagnostics d;
  const auto report = read_report_section(example_section("I.3-arr-particulate.msg"), d);
  ASSERT_TRUE(report);
  EXPECT_EQ(report->kind, ReportKind::automatic);
  EXPECT_EQ(report->variant, ReportVariant::particulate);
  ASSERT_EQ(report->time_stamps.size(), 2u);
  EXPECT_EQ(text_of(report->time_stamps[0]), "2022/05/19 09:51:20");

  // The three elision marks of the spec are kept verbatim, each a warning; nothing else is reported.
  EXPECT_FALSE(d.has_errors()) << dump(d);
  ASSERT_EQ(d.size(), 3u) << dump(d);
  EXPECT_EQ(d.items()[0].line, 100);
  EXPECT_EQ(d.items()[0].message, "elision mark: kept verbatim");
  EXPECT_EQ(d.items()[0].rule, "7.8.1.1");

  const auto& r = std::get<ParticulateReport>(report->body);
  EXPECT_EQ(text_of(r.title.creation), "2022/05/11 22:27:29");
  EXPECT_EQ(text_of(r.title.arrival), "2022/05/11 22:27:22");
  EXPECT_EQ(r.title.time_difference_hours, 0.0);

  const auto& s = r.sample;
  EXPECT_EQ(s.station, "AUP04");
  EXPECT_EQ(s.detector, "AUP04_005");
  EXPECT_EQ(s.authenticated, true);
  EXPECT_EQ(s.location, "Melbourne, VIC, Australia");
  EXPECT_EQ(s.detector_description, "Detector 05 at AUP04");
  EXPECT_EQ(s.sample_id, 6709060);
  EXPECT_EQ(s.geometry, "50mmX4.5mm");
  EXPECT_EQ(s.quantity_m3, 21750.0);
  EXPECT_EQ(s.sample_type, "Particulate");
  EXPECT_EQ(text_of(s.collection_start), "2022/05/08 23:22:00");
  EXPECT_EQ(text_of(s.collection_stop), "2022/05/09 23:04:00");
  EXPECT_EQ(text_of(s.acquisition_start), "2022/05/10 23:31:00");
  EXPECT_EQ(text_of(s.acquisition_stop), "2022/05/11 22:25:00");
  EXPECT_EQ(s.sampling_hours, 23.69);
  EXPECT_EQ(s.decay_hours, 24.45);
  EXPECT_EQ(s.acquisition_hours, 22.89);
  EXPECT_EQ(s.flow_rate_m3_per_hour, 918.11);
  ASSERT_EQ(s.station_comments.size(), 6u);
  EXPECT_EQ(s.station_comments[0], "----- UTC: 2022/05/11 22:06:13 -----");
  EXPECT_EQ(s.station_comments[5], "Sys Log: Archiving spectrum.spm");
  EXPECT_TRUE(s.analysis_comments.empty());

  EXPECT_EQ(r.categorization.spectrum_category, 2);
  EXPECT_EQ(r.categorization.description, "Anomalous Background Rad. Meas.");
  ASSERT_EQ(r.categorization.isotopes.size(), 1u);
  EXPECT_EQ(r.categorization.isotopes[0].nuclide, "AM-241");
  EXPECT_EQ(r.categorization.isotopes[0].category, 2);
  EXPECT_EQ(r.categorization.isotopes[0].comment, "Not Regularly Measured");

  const auto& a = r.activity;
  EXPECT_EQ(a.identified_not_quantified, (std::vector<std::string>{"BI-214", "PB-210", "PB-214"}));
  ASSERT_EQ(a.natural.size(), 2u);
  EXPECT_EQ(a.natural[0].nuclide, "BE-7");
  EXPECT_EQ(a.natural[0].half_life, (HalfLife{53.29, "D"}));
  EXPECT_EQ(a.natural[0].concentration, 2.13e3);
  EXPECT_EQ(a.natural[0].concentration_error, 2.32);
  EXPECT_EQ(a.natural[0].activity, 4.54e7);
  EXPECT_EQ(a.natural[0].activity_error, 2.32);
  EXPECT_EQ(a.natural[0].coincidence, std::nullopt);
  EXPECT_TRUE(a.activation.empty());
  ASSERT_EQ(a.fission.size(), 1u);
  EXPECT_EQ(a.fission[0].nuclide, "AM-241");
  EXPECT_EQ(a.fission[0].concentration, 7.78);
  EXPECT_EQ(a.fission[0].concentration_error, 21.72);
  EXPECT_EQ(a.fission[0].coincidence, false);

  ASSERT_EQ(r.mdc.nuclides.size(), 6u);
  EXPECT_EQ(r.mdc.nuclides[0].nuclide, "BA-140");
  EXPECT_EQ(r.mdc.nuclides[0].half_life, (HalfLife{12.752, "D"}));
  EXPECT_EQ(r.mdc.nuclides[0].mdc, 21.3);
  EXPECT_EQ(r.mdc.nuclides[0].mda, 4.27e5);
  EXPECT_EQ(r.mdc.nuclides[5].nuclide, "ZR-97");
  EXPECT_EQ(r.mdc.extra, (std::vector<std::string>{"   :"}));

  const auto& p = r.peaks;
  EXPECT_EQ(p.found, 91);
  EXPECT_EQ(p.associated, 73);
  EXPECT_EQ(p.not_associated, 18);
  EXPECT_EQ(p.percent_associated, 80);
  ASSERT_EQ(p.peaks.size(), 6u);
  EXPECT_EQ(p.peaks[0].energy, 27.79);
  EXPECT_EQ(p.peaks[0].width, 3);
  EXPECT_EQ(p.peaks[0].area, 11315.41);
  EXPECT_EQ(p.peaks[0].area_error, 1.35);
  EXPECT_EQ(p.peaks[0].nuclide, "");
  EXPECT_EQ(p.peaks[3].energy, 2614.30);
  EXPECT_EQ(p.peaks[3].background, 0.14);
  EXPECT_EQ(p.peaks[3].nuclide, "PB-212F");

  EXPECT_EQ(r.processing.risk_level_k, 4.26489);
  EXPECT_EQ(r.processing.baseline_algorithm, "Smoothing / Lawn Mowers");
  EXPECT_EQ(r.processing.detectability_threshold, 0.2);
  EXPECT_EQ(r.processing.energy_tolerance, "0.8 + 0 * FWHM");
  EXPECT_EQ(r.processing.background_subtraction, true);
  EXPECT_EQ(r.processing.background_sample_id, 6577190);
  EXPECT_EQ(r.processing.background_type, "blank");
  EXPECT_EQ(text_of(r.processing.background_acquisition_start), "2022/02/07 22:38:00");
  EXPECT_EQ(r.processing.background_acquisition_hours, 72.0);
  EXPECT_EQ(r.processing.irf_pb212f, true);

  EXPECT_EQ(r.calibration.area_threshold, 100);
  EXPECT_EQ(r.calibration.confidence_level, 95);
  EXPECT_EQ(r.calibration.ecr_updated, false);
  EXPECT_EQ(r.calibration.rer_updated, true);
  EXPECT_EQ(r.calibration.used_ecr, "MRP A");
  EXPECT_EQ(r.calibration.used_rer, "MRP M");

  EXPECT_EQ(r.timeliness.previous_sample_present, true);
  EXPECT_EQ(r.timeliness.decay_at_most_24_hours, true);  // printed YES for 24.45 h (DIGEST [X 61])
  EXPECT_EQ(r.timeliness.received_within_72_hours, true);

  ASSERT_EQ(r.quality.flags.size(), 4u);
  EXPECT_EQ(r.quality.flags[0], (ReportFlag{"Ba140_MDC", true, 21.3136, "", "<30"}));
  EXPECT_EQ(r.quality.flags[1].test, "<3*std deviation");
  EXPECT_EQ(r.quality.flags[3], (ReportFlag{"FlowRate", true, 918.109, "", ">500"}));

  EXPECT_EQ(r.equations.energy, (std::vector<double>{0.2271, 0.3415, -3.222e-08}));
  EXPECT_EQ(r.equations.resolution, (std::vector<double>{0.67, 0.002494, 4.089e-07}));
  EXPECT_EQ(r.equations.efficiency_type, "VGSL pairs");
  ASSERT_EQ(r.equations.efficiency.size(), 6u);
  EXPECT_EQ(r.equations.efficiency[0], (ReportEfficiencyPair{40, 0.238, 0.00297}));
  EXPECT_EQ(r.equations.efficiency[5], (ReportEfficiencyPair{2450, 0.0211, 0.000373}));

  ASSERT_TRUE(r.field_of_regard);
  EXPECT_EQ(r.field_of_regard->url, "https://swp.ctbto.org/FOR/AUP04/2022/05/10");
  EXPECT_FALSE(r.sroi_editing || r.peak_notes || r.event_screening);
}

TEST(ArrParticulate, RoundTripsAndWritesTheTablesColumns) {
  Diagnostics d;
  const auto report = read_report_section(example_section("I.3-arr-particulate.msg"), d);
  ASSERT_TRUE(report);
  testing::expect_round_trip(*report);
  const auto text = write_report_section(*report);
  ASSERT_TRUE(text);
  // Table 138: the sample ID right-justified in 23-30, the sampling hours in 63-67 and "hours" at 69.
  EXPECT_NE(text->find("\nSample ID:             6709060          Sample Geometry:    50mmX4.5mm\n"),
            std::string::npos)
      << *text;
  EXPECT_NE(text->find("\nCollection Start:   2022/05/08 23:22    Sampling Time:        23.69 hours\n"),
            std::string::npos);
  // Table 140: e11.2 concentrations ending at 51, f5.2 errors ending at 65.
  EXPECT_NE(text->find("\nBE-7               53.29 D                 2.13E+03          2.32"),
            std::string::npos);
  EXPECT_EQ(text->rfind("TIME_STAMP 2022/05/19 09:51:20\n\n           IDC GENERATED REPORT\n", 0), 0u);
}

TEST(ArrParticulate, HtmlShowsEveryValue) {
  Diagnostics d;
  const auto report = read_report_section(example_section("I.3-arr-particulate.msg"), d);
  ASSERT_TRUE(report);
  testing::expect_html_shows(*report);
  const auto html = write_report_html(*report);
  ASSERT_TRUE(html);
  EXPECT_NE(html->find("<p class=\"title\"><b>AUTOMATED RADIONUCLIDE REPORT</b></p>"), std::string::npos);
  EXPECT_NE(html->find("<tr><th>Station ID:</th><td>AUP04</td><th>Detector ID:</th><td>AUP04_005</td></tr>"),
            std::string::npos);
  EXPECT_NE(html->find("<td>&lt;30</td>"), std::string::npos);  // escaped
}

TEST(ArrParticulate, StrictModeMakesElisionsErrors) {
  Diagnostics d;
  read_report_section(example_section("I.3-arr-particulate.msg"), d, Mode::strict);
  EXPECT_EQ(d.error_count(), 3u) << dump(d);
}

// ---- I.2.1: beta-gamma noble gas ARR (complete) ----

TEST(ArrBetaGamma, ReadsTheExampleI21) {
  Diagnostics d;
  const auto report = read_report_section(example_section("I.2.1-arr-noble-gas-betagamma.msg"), d);
  ASSERT_TRUE(report);
  EXPECT_TRUE(d.empty()) << dump(d);
  EXPECT_EQ(report->kind, ReportKind::automatic);
  EXPECT_EQ(report->variant, ReportVariant::beta_gamma);
  const auto& r = std::get<NobleGasReport>(report->body);
  EXPECT_EQ(text_of(r.title.creation), "2022/06/02 03:54:30");
  EXPECT_EQ(r.title.time_difference_s, 17.0);

  const auto& s = r.sample;
  EXPECT_EQ(s.station, "USX75");
  EXPECT_EQ(s.detector, "USX75_007");
  EXPECT_EQ(s.location, "NG Charlottesville, VA, USA");
  EXPECT_EQ(s.detector_description, "Detector #7 in Charlottesville, VA, USA");
  EXPECT_EQ(s.system_technology, "SAUNA");
  EXPECT_EQ(s.sample_reference_id, "75202205312111X");
  EXPECT_EQ(s.sample_id, 6740102);
  EXPECT_EQ(s.xe_volume_ml, 2.75);
  EXPECT_EQ(s.sample_type, "Gas");
  EXPECT_EQ(text_of(s.collection_start), "2022/05/31 21:42:11");
  EXPECT_EQ(text_of(s.acquisition_stop), "2022/06/02 03:51:11");
  EXPECT_EQ(s.sampling_s, 12 * 3600 + 1);              // "12 h 1 s"
  EXPECT_EQ(s.processing_s, 6 * 3600 + 58 * 60 + 59);  // "6 h 58 m 59 s"
  EXPECT_EQ(s.acquisition_s, 11 * 3600 + 10 * 60);     // "11 h 10 m"
  EXPECT_FALSE(s.analysis_comments);

  ASSERT_EQ(r.categorization.isotopes.size(), 4u);
  EXPECT_EQ(r.categorization.isotopes[0], (XenonIsotopeCategory{"Xe-131m", false, 0.167, "A"}));
  EXPECT_EQ(r.categorization.spectrum_category, "A");
  EXPECT_EQ(r.categorization.description, "Clean spectrum - No Xenon is present in the sample");

  EXPECT_EQ(r.activity.radon_counts, 115.0);
  ASSERT_EQ(r.activity.tables.size(), 1u);
  EXPECT_EQ(r.activity.tables[0].method, "Beta gamma matrix (BGM) analysis method");
  ASSERT_EQ(r.activity.tables[0].rows.size(), 4u);
  const XenonActivity& xe131m = r.activity.tables[0].rows[0];
  EXPECT_EQ(xe131m.nuclide, "XE-131M");
  EXPECT_EQ(xe131m.half_life, (HalfLife{11.962, "D"}));
  EXPECT_EQ(xe131m.activity, -0.135);
  EXPECT_EQ(xe131m.activity_total_error, 318.62);
  EXPECT_EQ(xe131m.concentration, -4.43e-3);
  EXPECT_EQ(xe131m.concentration_stat_error, 317.81);
  EXPECT_EQ(xe131m.concentration_sys_error, 24.76);
  EXPECT_EQ(xe131m.lc, 2.38e-2);
  EXPECT_EQ(xe131m.mdc, 5.38e-2);

  const auto& p = r.processing_results;
  EXPECT_EQ(p.method, "Beta gamma matrix (BGM) analysis method");
  ASSERT_EQ(p.roi_results.size(), 6u);
  EXPECT_EQ(p.roi_results[0], (RoiNetCount{1, "PB-214", 47.70, 3.71, 19.53, std::nullopt, std::nullopt}));
  EXPECT_EQ(p.roi_results[4], (RoiNetCount{5, "XE-131M", -1.96, 2.49, 10.54, 0.67, 0.01}));
  ASSERT_EQ(p.roi_limits.size(), 10u);
  EXPECT_EQ(p.roi_limits[9], (RoiChannels{10, 1, 55, 8, 16}));
  EXPECT_TRUE(p.peaks.empty());

  EXPECT_EQ(r.processing.risk_level, 1.6449);
  EXPECT_EQ(r.processing.gas_background_used, true);
  EXPECT_EQ(r.processing.interference_corrections, true);
  EXPECT_EQ(r.processing.analysis_method, "BGM");
  EXPECT_EQ(r.calibration.gamma_energy_updated, true);
  EXPECT_EQ(r.calibration.beta_energy_updated, true);

  ASSERT_EQ(r.timeliness.flags.size(), 4u);
  EXPECT_EQ(r.timeliness.flags[0],
            (ReportFlag{"Previous Sample Present", true, 6739323, "", "-1/2 day sample available"}));
  EXPECT_EQ(r.timeliness.flags[3],
            (ReportFlag{"Response Time", true, 30.20, "", "sample received within 96h of collect start"}));
  ASSERT_EQ(r.quality.flags.size(), 3u);
  EXPECT_EQ(r.quality.flags[1], (ReportFlag{"SOH", std::nullopt, std::nullopt, "", "N/A"}));
  EXPECT_EQ(r.quality.flags[2], (ReportFlag{"Xe-133 MDC", true, 0.12, "", "less than 1 mBq/m3"}));

  const auto& e = r.event_screening;
  EXPECT_EQ(e.xenon_present, true);
  EXPECT_EQ(e.only_one_xenon, false);
  EXPECT_EQ(e.days_since_last_detection, 0);
  EXPECT_EQ(e.two_or_more_xenon, true);
  EXPECT_EQ(e.xe133_present, false);
  EXPECT_EQ(e.xe133_times_seen_365_days, 156);
  EXPECT_EQ(e.short_term_flag, "a - Clean spectrum - No Xenon is present in the sample");
  EXPECT_EQ(e.ratio_133m_133_above_0_3, false);

  ASSERT_EQ(r.equations.equations.size(), 2u);
  EXPECT_EQ(r.equations.equations[0],
            (CalibrationEquation{"Beta Energy To Channel", {-7.83515, 0.420477, -0.000163}}));
  EXPECT_EQ(r.equations.equations[1],
            (CalibrationEquation{"Gamma Energy To Channel", {0.0655633, 0.382069, -0.0000565}}));
}

TEST(ArrBetaGamma, RoundTripsAndWritesDurationsAsTheReportDoes) {
  Diagnostics d;
  const auto report = read_report_section(example_section("I.2.1-arr-noble-gas-betagamma.msg"), d);
  ASSERT_TRUE(report);
  testing::expect_round_trip(*report);
  testing::expect_html_shows(*report);
  const auto text = write_report_section(*report);
  ASSERT_TRUE(text);
  EXPECT_NE(text->find("Sampling Time:     12 h 1 s\n"), std::string::npos) << *text;
  EXPECT_NE(text->find("Processing Time:   6 h 58 m 59 s\n"), std::string::npos);
  EXPECT_NE(text->find("Acquisition Time:  11 h 10 m\n"), std::string::npos);
  EXPECT_NE(text->find("report creation: 17.0 s\n"), std::string::npos);
  EXPECT_NE(text->find("Beta Energy To Channel : C(E)= t0 + t1 E + t2 E^2\nt0 : -7.83515\n"),
            std::string::npos);
}

// ---- I.2.3: HPGe noble gas ARR (complete) ----

TEST(ArrHpge, ReadsTheExampleI23) {
  Diagnostics d;
  const auto report = read_report_section(example_section("I.2.3-arr-noble-gas-hpge.msg"), d);
  ASSERT_TRUE(report);
  EXPECT_TRUE(d.empty()) << dump(d);
  EXPECT_EQ(report->variant, ReportVariant::hpge);
  const auto& r = std::get<NobleGasReport>(report->body);
  EXPECT_EQ(r.title.time_difference_s, 12.0);
  EXPECT_EQ(r.sample.system_technology, "SPALAX");
  EXPECT_EQ(r.sample.sample_reference_id, "45202205282211G");
  EXPECT_EQ(r.sample.xe_volume_ml, 4.35);
  EXPECT_EQ(r.sample.sampling_s, 86400.0);  // "1 d"
  EXPECT_EQ(r.sample.processing_s, 3600.0 + 24 * 60 + 6);
  EXPECT_EQ(r.sample.acquisition_s, 22 * 3600.0 + 21 * 60 + 5);

  ASSERT_TRUE(r.activity.radon);
  EXPECT_EQ(*r.activity.radon, (RadonLevel{"Rn-222", {3.82, "D"}, 277.46, 8.02}));
  EXPECT_EQ(r.activity.radon_counts, std::nullopt);
  ASSERT_EQ(r.activity.tables.size(), 2u);
  EXPECT_EQ(r.activity.tables[0].method, "Peak Fit Method");
  EXPECT_EQ(r.activity.tables[1].method, "Decay Analysis Method");
  const XenonActivity& xe133 = r.activity.tables[0].rows[2];
  EXPECT_EQ(xe133.nuclide, "XE-133");
  EXPECT_EQ(xe133.activity, -0.251);
  EXPECT_EQ(xe133.activity_stat_error, 979.93);
  EXPECT_EQ(xe133.concentration, -5.39e-3);
  EXPECT_EQ(xe133.lc, std::nullopt);
  EXPECT_EQ(xe133.mdc, 0.292);  // the MDI/MDC column
  EXPECT_EQ(r.activity.tables[1].rows[3].concentration, 0.245);

  ASSERT_EQ(r.processing_results.peaks.size(), 1u);
  EXPECT_EQ(r.processing_results.peaks[0], (XenonPeak{29.66, 134.87, 3.00, 0.60, 12.72, 101.60, 27.88}));
  EXPECT_EQ(r.processing.risk_level, 4.26489);
  EXPECT_EQ(r.processing.baseline_algorithm, "Smoothing / Lawn Mowers");
  EXPECT_EQ(r.calibration.area_threshold, 100);
  EXPECT_EQ(r.calibration.confidence_level, 95);
  EXPECT_EQ(r.calibration.ecr_updated, true);
  EXPECT_EQ(r.calibration.used_ecr, "INITIAL");
  EXPECT_EQ(r.calibration.used_rer, "MRPM");
  EXPECT_EQ(r.event_screening.xe133_times_seen_365_days, 124);

  ASSERT_EQ(r.equations.equations.size(), 2u);
  EXPECT_EQ(r.equations.equations[0],
            (CalibrationEquation{"Energy", {0.07120749, 0.2193672, 2.677922e-7, 0}}));
  EXPECT_EQ(r.equations.equations[1], (CalibrationEquation{"Resolution", {0.3162, 0.001381, 4.614e-7}}));
}

TEST(ArrHpge, RoundTripsAndRendersHtml) {
  Diagnostics d;
  const auto report = read_report_section(example_section("I.2.3-arr-noble-gas-hpge.msg"), d);
  ASSERT_TRUE(report);
  testing::expect_round_trip(*report);
  testing::expect_html_shows(*report);
  const auto text = write_report_section(*report);
  ASSERT_TRUE(text);
  EXPECT_NE(text->find("Sampling Time:     1 d\n"), std::string::npos) << *text;
  EXPECT_NE(
      text->find("Resolution : R(E)= sqrt(t0 + t1 E + t2 E^2)\nt0 : 0.3162 t1 : 0.001381 t2 : 4.614e-07\n"),
      std::string::npos);
}

TEST(ArrSection, OnlyArrAndRrrSectionsAreReports) {
  Diagnostics d;
  EXPECT_FALSE(read_report_section(testing::section_of("SSREB", "anything\n"), d));
  EXPECT_TRUE(d.empty());
}

TEST(ArrWriter, RefusesAVariantThatDoesNotMatchTheBody) {
  RadionuclideReport r;
  r.variant = ReportVariant::hpge;  // with a particulate body
  EXPECT_FALSE(write_report_section(r));
  EXPECT_FALSE(write_report_html(r));
}

TEST(ArrWriter, AValueThatDoesNotFitIsAnError) {
  Diagnostics d;
  auto report = read_report_section(example_section("I.3-arr-particulate.msg"), d);
  ASSERT_TRUE(report);
  std::get<ParticulateReport>(report->body).sample.station = "AUP04-TOO-LONG";
  const auto text = write_report_section(*report);
  ASSERT_FALSE(text);
  EXPECT_EQ(text.error(), "system code 'AUP04-TOO-LONG' does not fit in columns 21-26");
}

// ---- Malformed reports: each with its diagnostic ----

namespace {

struct Mutated {
  DataSection section;
  int line = 0;  // where the change is
};

// An example with `from` replaced by `to` (first occurrence), and the number of the line changed.
Mutated mutate(const std::string& file, const std::string& from, const std::string& to) {
  std::string text = imsgate::testing::read_file(imsgate::testing::data_examples_dir() / file);
  const auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at == std::string::npos) return {};
  text.replace(at, from.size(), to);
  const int line = static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n')) + 1;
  const ReadResult read = read_messages(text);
  EXPECT_EQ(read.messages.size(), 1u);
  return {std::get<DataMessage>(read.messages.at(0)).sections.at(0), line};
}

const Diagnostic* find_rule(const Diagnostics& d, std::string_view rule) {
  for (const Diagnostic& x : d)
    if (x.rule == rule) return &x;
  return nullptr;
}

}  // namespace

TEST(ArrMalformed, AMissingSectionIsAnError) {
  const auto m = mutate("I.2.1-arr-noble-gas-betagamma.msg", "Data Quality Flags\n-----\n", "");
  Diagnostics d;
  read_report_section(m.section, d);
  ASSERT_EQ(d.size(), 1u) << dump(d);
  EXPECT_EQ(d.items()[0],
            (Diagnostic{Severity::error, 5, 1, "the report has no 'Data Quality Flags' section", "7.8.1.2"}));
}

TEST(ArrMalformed, TextInANumericColumnIsAnErrorAndTheRowIsKeptVerbatim) {
  const auto m = mutate("I.3-arr-particulate.msg", "2.13E+03", "2.13E+0x");
  Diagnostics d;
  const auto report = read_report_section(m.section, d);
  ASSERT_TRUE(report);
  const Diagnostic* e = find_rule(d, "7.8.1.1");
  ASSERT_EQ(d.error_count(), 1u) << dump(d);
  for (const Diagnostic& x : d) {
    if (x.severity != Severity::error) continue;
    EXPECT_EQ(x.line, m.line);
    EXPECT_EQ(x.column, 37);
    EXPECT_EQ(x.message, "'2.13E+0x' is not a valid activity concentration: expected a number");
    EXPECT_EQ(x.rule, "7.8.1.1");
  }
  ASSERT_NE(e, nullptr);
  const auto& r = std::get<ParticulateReport>(report->body);
  ASSERT_EQ(r.activity.natural.size(), 1u);  // PB-212F only
  ASSERT_EQ(r.activity.extra.size(), 1u);
  EXPECT_NE(r.activity.extra[0].find("2.13E+0x"), std::string::npos);
  // The kept text is written back, and read back to the same model (with its error again).
  const auto text = write_report_section(*report);
  ASSERT_TRUE(text);
  Diagnostics again;
  EXPECT_EQ(read_report_section(testing::section_of("ARR", *text), again), report);
  EXPECT_TRUE(again.has_errors());
}

TEST(ArrMalformed, AnInconsistentSamplingTimeIsADeviation) {
  const auto m = mutate("I.3-arr-particulate.msg", "23.69 hours", "20.69 hours");
  Diagnostics lenient;
  read_report_section(m.section, lenient);
  const Diagnostic* w = find_rule(lenient, "7.8.1.1 (Table 138)");
  ASSERT_NE(w, nullptr) << dump(lenient);
  EXPECT_EQ(w->severity, Severity::warning);
  EXPECT_EQ(w->line, m.line);
  EXPECT_EQ(w->column, 63);
  EXPECT_EQ(w->message, "sampling time 20.69 is not collection stop - collection start (23.7)");
  // The average flow rate no longer agrees either.
  EXPECT_EQ(lenient.warning_count(), 3u + 2u) << dump(lenient);
  Diagnostics strict;
  read_report_section(m.section, strict, Mode::strict);
  const Diagnostic* e = find_rule(strict, "7.8.1.1 (Table 138)");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->severity, Severity::error);
}

TEST(ArrMalformed, AnInconsistentDecayTimeIsADeviation) {
  const auto m = mutate("I.3-arr-particulate.msg", "24.45 hours", "26.45 hours");
  Diagnostics d;
  read_report_section(m.section, d);
  const Diagnostic* w = find_rule(d, "7.8.1.1 (Table 138)");
  ASSERT_NE(w, nullptr);
  EXPECT_EQ(w->line, m.line);
  EXPECT_EQ(w->message, "decay time 26.45 is not acquisition start - collection stop (24.45)");
}

TEST(ArrMalformed, AnInconsistentFlowRateIsADeviation) {
  const auto m = mutate("I.3-arr-particulate.msg", "918.11 m3/hr", "818.11 m3/hr");
  Diagnostics d;
  read_report_section(m.section, d);
  const Diagnostic* w = find_rule(d, "7.8.1.1 (Table 138)");
  ASSERT_NE(w, nullptr);
  EXPECT_EQ(w->line, m.line);
  EXPECT_EQ(w->message, "average flow rate 818.11 is not sample quantity / sampling time (918.1)");
}

TEST(ArrMalformed, AWrongPercentOfPeaksAssociatedIsADeviation) {
  const auto m = mutate("I.3-arr-particulate.msg", "    80 percent", "    60 percent");
  Diagnostics d;
  read_report_section(m.section, d);
  const Diagnostic* w = find_rule(d, "7.8.1.1 (Table 142)");
  ASSERT_NE(w, nullptr) << dump(d);
  EXPECT_EQ(w->severity, Severity::warning);
  EXPECT_EQ(w->line, m.line);
  EXPECT_EQ(w->column, 5);
  EXPECT_EQ(w->message, "percent of peaks associated 60 is not associated / found * 100 (80.22)");
}

TEST(ArrMalformed, ASpectrumCategoryBelowAnIsotopeCategoryIsADeviation) {
  const auto m = mutate("I.2.1-arr-noble-gas-betagamma.msg", "Xe-133 NO 5.23E-01 A", "Xe-133 NO 5.23E-01 C");
  Diagnostics d;
  read_report_section(m.section, d);
  ASSERT_EQ(d.size(), 1u) << dump(d);
  EXPECT_EQ(d.items()[0].rule, "7.8.1.2 (Figure 5)");
  EXPECT_EQ(d.items()[0].message, "spectrum category A is not the highest isotope category C");
  EXPECT_EQ(d.items()[0].column, 20);
}

TEST(ArrMalformed, NuclideDetectedMustMeanConcentrationAboveLc) {
  const auto m =
      mutate("I.2.1-arr-noble-gas-betagamma.msg", "Xe-133m NO 1.14E-01 A", "Xe-133m YES 1.14E-01 A");
  Diagnostics d;
  read_report_section(m.section, d);
  ASSERT_EQ(d.size(), 1u) << dump(d);
  EXPECT_EQ(d.items()[0],
            (Diagnostic{Severity::warning, m.line, 1,
                        "Xe-133m: 'Nuclide detected' is YES but Conc 0.0041 is not above LC 0.0174",
                        "7.8.1.2 (Table 148)"}));
}

TEST(ArrMalformed, ATotalErrorThatIsNotTheQuadratureIsADeviation) {
  const auto m = mutate("I.2.1-arr-noble-gas-betagamma.msg", "268.09 15.49 268.54", "268.09 15.49 288.54");
  Diagnostics d;
  read_report_section(m.section, d);
  ASSERT_EQ(d.size(), 1u) << dump(d);
  EXPECT_EQ(d.items()[0].line, m.line);
  EXPECT_EQ(d.items()[0].rule, "7.8.1.2 (Table 150)");
  EXPECT_EQ(d.items()[0].message,
            "XE-133M activity TotalErr 288.54 is not the quadrature of StatErr and SysErr (268.537)");
}

TEST(ArrMalformed, AnInconsistentProcessingTimeIsADeviation) {
  const auto m = mutate("I.2.1-arr-noble-gas-betagamma.msg", "6 h 58 m 59 s", "6 h 58 m 50 s");
  Diagnostics d;
  read_report_section(m.section, d);
  ASSERT_EQ(d.size(), 1u) << dump(d);
  EXPECT_EQ(d.items()[0],
            (Diagnostic{Severity::warning, m.line, 67,
                        "processing time 25130 is not acquisition start - collection stop (25139)",
                        "7.8.1.2 (Figure 4)"}));
}

TEST(ArrMalformed, AMalformedDurationIsAnError) {
  const auto m = mutate("I.2.1-arr-noble-gas-betagamma.msg", "12 h 1 s", "12 x 1 s");
  Diagnostics d;
  read_report_section(m.section, d);
  ASSERT_EQ(d.error_count(), 1u) << dump(d);
  EXPECT_EQ(d.items()[0].line, m.line);
  EXPECT_EQ(
      d.items()[0].message,
      "'12 x 1 s' is not a valid sampling time: expected a duration such as '12 h 1 s', '1 d' or '17.0 s'");
  EXPECT_EQ(d.items()[0].rule, "7.8.1.2");
}

TEST(ArrMalformed, AMalformedDateIsAnError) {
  const auto m = mutate("I.2.1-arr-noble-gas-betagamma.msg", "2022-05-31 21:42:11", "2022-13-31 21:42:11");
  Diagnostics d;
  read_report_section(m.section, d);
  ASSERT_GE(d.error_count(), 1u) << dump(d);
  EXPECT_EQ(d.items()[0].severity, Severity::error);
  EXPECT_EQ(d.items()[0].line, m.line);
  EXPECT_EQ(d.items()[0].column, 23);
  EXPECT_EQ(
      d.items()[0].message,
      "'2022-13-31 21:42:11' is not a valid collection start: expected yyyy/mm/dd hh:mm[:ss] or yyyy-mm-dd "
      "hh:mm:ss");
}

TEST(ArrMalformed, ANonYesNoAnswerIsAnError) {
  const auto m = mutate("I.3-arr-particulate.msg", "IRF for Pb-212F:             YES",
                        "IRF for Pb-212F:             MAYBE");
  Diagnostics d;
  read_report_section(m.section, d);
  ASSERT_EQ(d.error_count(), 1u) << dump(d);
  const Diagnostic* e = nullptr;
  for (const Diagnostic& x : d)
    if (x.severity == Severity::error) e = &x;
  EXPECT_EQ(*e, (Diagnostic{Severity::error, m.line, 30,
                            "'MAYBE' is not a valid IRF for Pb-212F: expected YES or NO", "7.8.1.1"}));
}

TEST(ArrMalformed, SectionsOutOfOrderAreADeviation) {
  const std::string file = "I.2.1-arr-noble-gas-betagamma.msg";
  const std::string calibration =
      "Calibration Parameters\n-----\n\nGamma energy calibration updated: YES\nBeta "
      "energy calibration updated: YES\n\n";
  auto m = mutate(file, calibration, "");
  std::string body = m.section.body;
  body.insert(body.find("Measurement Categorization\n"), calibration);
  m.section.body = body;
  Diagnostics d;
  const auto report = read_report_section(m.section, d);
  ASSERT_EQ(d.size(), 1u) << dump(d);
  EXPECT_EQ(d.items()[0].severity, Severity::warning);
  EXPECT_EQ(d.items()[0].line, 41);
  EXPECT_EQ(
      d.items()[0].message,
      "the section 'Measurement Categorization' comes after 'Calibration Parameters': the sections keep the "
      "order of the report");
  // The content is read wherever the section is.
  EXPECT_EQ(std::get<NobleGasReport>(report->body).calibration.beta_energy_updated, true);
}

TEST(ArrMalformed, AnUntypedLineIsKeptVerbatimWithAWarning) {
  const auto m = mutate("I.2.1-arr-noble-gas-betagamma.msg", "Analysis method: BGM\n",
                        "Analysis method: BGM\nAnalyst mood: cheerful\n");
  Diagnostics d;
  const auto report = read_report_section(m.section, d);
  ASSERT_EQ(d.size(), 1u) << dump(d);
  EXPECT_EQ(d.items()[0], (Diagnostic{Severity::warning, m.line + 1, 1,
                                      "a line the report layout does not define: kept verbatim", "7.8.1.2"}));
  const auto& r = std::get<NobleGasReport>(report->body);
  EXPECT_EQ(r.processing.extra, (std::vector<std::string>{"Analyst mood: cheerful"}));
  const auto text = write_report_section(*report);
  ASSERT_TRUE(text);
  EXPECT_NE(text->find("\nAnalyst mood: cheerful\n"), std::string::npos);
}

TEST(ArrMalformed, ATitleOfTheOtherKindIsADeviation) {
  const auto m = mutate("I.2.1-arr-noble-gas-betagamma.msg", "Automatic Radionuclide Report",
                        "Reviewed Radionuclide Report");
  Diagnostics d;
  read_report_section(m.section, d);
  ASSERT_EQ(d.size(), 1u) << dump(d);
  EXPECT_EQ(d.items()[0],
            (Diagnostic{Severity::warning, 8, 1,
                        "the title 'Reviewed Radionuclide Report' does not match the data type", "7.8.2"}));
}

TEST(ArrMalformed, GarbageNeverCrashes) {
  const std::string text =
      "#Header\n=====\n-----\nSAMPLE INFORMATION =====\nStation ID:\nSample ID: x\n"
      "Spectrum Category (\nNOTE :\n\xff\xfe\nt0 : t1\nXenon isotopes -\n1 2 3 4 5 6 7 8 9\n";
  for (const char* type : {"ARR", "RRR"}) {
    for (std::size_t cut = 0; cut <= text.size(); cut += 7) {
      Diagnostics d;
      const auto r = read_report_section(testing::section_of(type, text.substr(0, cut)), d);
      ASSERT_TRUE(r);
      (void)write_report_section(*r);
      (void)write_report_html(*r);
    }
  }
}

TEST(ArrWriter, DurationsOfEveryFormRoundTrip) {
  Diagnostics d;
  auto report = read_report_section(example_section("I.2.1-arr-noble-gas-betagamma.msg"), d);
  ASSERT_TRUE(report);
  auto& s = std::get<NobleGasReport>(report->body).sample;
  for (double seconds : {0.0, 59.0, 3600.0, 86400.0 + 61, -3602.0, 1e20}) {
    s.processing_s = seconds;
    const auto text = write_report_section(*report);
    ASSERT_TRUE(text);
    Diagnostics again;
    const auto back = read_report_section(testing::section_of("ARR", *text), again);
    ASSERT_TRUE(back);
    EXPECT_EQ(std::get<NobleGasReport>(back->body).sample.processing_s, seconds) << *text;
    EXPECT_FALSE(again.has_errors()) << dump(again);
  }
}

}  // namespace
}  // namespace imsgate::ims2::rn
