#include <gtest/gtest.h>

#include "arr_test_support.hpp"

namespace imsgate::ims2::rn {
namespace {

using testing::dump;
using testing::example_section;

std::string text_of(std::optional<TimePoint> t) {
  return t ? write_fixed_date_time(*t, 0) : "none";
}

// ---- I.33.1: beta-gamma noble gas RRR ----

TEST(RrrBetaGamma, ReadsTheExampleI331) {
  Diagnostics d;
  const auto report = read_report_section(example_section("I.33.1-rrr-noble-gas-betagamma.msg"), d);
  ASSERT_TRUE(report);
  EXPECT_TRUE(d.empty()) << dump(d);
  EXPECT_EQ(report->kind, ReportKind::reviewed);
  EXPECT_EQ(report->variant, ReportVariant::beta_gamma);
  const auto& r = std::get<NobleGasReport>(report->body);
  EXPECT_EQ(r.title.time_difference_s, 2 * 86400 + 6 * 3600 + 18 * 60 + 33.0);  // "2 d 6 h 18 m 33.0 s"
  EXPECT_EQ(r.sample.station, "AUX04");
  EXPECT_EQ(r.sample.sample_id, 6732658);
  EXPECT_EQ(r.sample.xe_volume_ml, 0.99);
  ASSERT_TRUE(r.sample.analysis_comments);
  EXPECT_EQ(text_of(r.sample.analysis_comments->entered), "2022/05/30 07:12:33");
  EXPECT_EQ(r.sample.analysis_comments->heading_text, "");
  ASSERT_EQ(r.sample.analysis_comments->lines.size(), 1u);
  EXPECT_EQ(r.sample.analysis_comments->lines[0].rfind("The sample is categorized at Level B", 0), 0u);

  EXPECT_EQ(r.categorization.isotopes[2], (XenonIsotopeCategory{"Xe-133", true, 0.517, "B"}));
  EXPECT_EQ(r.categorization.spectrum_category, "B");
  const XenonActivity& xe133 = r.activity.tables[0].rows[2];
  EXPECT_EQ(xe133.concentration, 0.193);
  EXPECT_EQ(xe133.concentration_total_error, 61.91);
  EXPECT_EQ(xe133.lc, 0.148);
  EXPECT_EQ(xe133.mdc, 0.319);
  EXPECT_EQ(r.quality.flags[1], (ReportFlag{"SOH", true, std::nullopt, "Fair",
                                            "SOH substantially meets operational requirements"}));
  EXPECT_EQ(r.event_screening.xe133_present, true);
  EXPECT_EQ(r.equations.equations[0].coefficients, (std::vector<double>{-3.62, 0.432138, -0.0001346}));
}

TEST(RrrBetaGamma, RoundTripsAndRendersHtml) {
  Diagnostics d;
  const auto report = read_report_section(example_section("I.33.1-rrr-noble-gas-betagamma.msg"), d);
  ASSERT_TRUE(report);
  testing::expect_round_trip(*report);
  testing::expect_html_shows(*report);
  const auto text = write_report_section(*report);
  ASSERT_TRUE(text);
  EXPECT_NE(text->find("\nReviewed Radionuclide Report\n"), std::string::npos);
  EXPECT_NE(text->find("\nIDC Analysis General Comments:2022-05-30 07:12:33\nThe sample"), std::string::npos);
  EXPECT_NE(text->find("report creation: 2 d 6 h 18 m 33.0 s\n"), std::string::npos);
}

// ---- I.33.3: HPGe noble gas RRR ----

TEST(RrrHpge, ReadsTheExampleI333) {
  Diagnostics d;
  const auto report = read_report_section(example_section("I.33.3-rrr-noble-gas-hpge.msg"), d);
  ASSERT_TRUE(report);
  EXPECT_TRUE(d.empty()) << dump(d);
  EXPECT_EQ(report->variant, ReportVariant::hpge);
  const auto& r = std::get<NobleGasReport>(report->body);
  EXPECT_EQ(r.title.time_difference_s, 10 * 3600 + 17 * 60 + 6.0);
  EXPECT_EQ(r.sample.location, "MNX45 , Mongolia");
  ASSERT_TRUE(r.sample.analysis_comments);
  EXPECT_EQ(r.sample.analysis_comments->entered, std::nullopt);
  EXPECT_EQ(r.sample.analysis_comments->heading_text, "None");
  EXPECT_EQ(r.sample.analysis_comments->lines, (std::vector<std::string>{"None"}));
  EXPECT_EQ(r.activity.tables[0].rows[0].activity, 28.3);
  EXPECT_EQ(r.activity.tables[0].rows[0].mdc, 0.274);
  EXPECT_EQ(r.calibration.rer_updated, false);
  EXPECT_EQ(r.calibration.used_rer, "MRPA");
  EXPECT_EQ(r.quality.flags[1].value_text, "Good");
  EXPECT_EQ(r.event_screening.days_since_last_detection, 1);
  EXPECT_EQ(r.equations.equations[0].coefficients[0], 0.07120926);
  EXPECT_EQ(r.processing_results.peaks[0].net_area, 106.10);
}

TEST(RrrHpge, RoundTripsAndRendersHtml) {
  Diagnostics d;
  const auto report = read_report_section(example_section("I.33.3-rrr-noble-gas-hpge.msg"), d);
  ASSERT_TRUE(report);
  testing::expect_round_trip(*report);
  testing::expect_html_shows(*report);
}

// ---- I.34: particulate RRR, damaged (ends in the efficiency pairs: no FIELD OF REGARD, no STOP) ----

TEST(RrrParticulate, ReadsTheDamagedExampleI34) {
  Diagnostics d;
  const auto report = read_report_section(testing::cut_section("I.34-rrr-particulate.damaged.msg", "RRR"), d);
  ASSERT_TRUE(report);
  // The lost end: the one error. The three elision marks: warnings.
  ASSERT_EQ(d.error_count(), 1u) << dump(d);
  EXPECT_EQ(d.items()[0],
            (Diagnostic{Severity::error, 5, 1, "the report has no 'FIELD OF REGARD' section", "7.8.2"}));
  EXPECT_EQ(d.warning_count(), 3u);
  EXPECT_EQ(report->kind, ReportKind::reviewed);
  EXPECT_TRUE(report->time_stamps.empty());
  const auto& r = std::get<ParticulateReport>(report->body);
  EXPECT_EQ(r.title.time_difference_hours, 12.0);
  EXPECT_EQ(r.sample.sample_id, 6710514);
  EXPECT_EQ(r.sample.sampling_hours, 24.29);
  EXPECT_EQ(r.sample.flow_rate_m3_per_hour, 907.58);
  EXPECT_EQ(r.sample.analysis_comments, (std::vector<std::string>{"IDC 2022/05/13 10:04:11"}));
  EXPECT_EQ(r.categorization.spectrum_category, 1);
  EXPECT_TRUE(r.categorization.isotopes.empty());  // no "Categorization Summary:" at Level 1
  EXPECT_EQ(r.activity.identified_not_quantified,
            (std::vector<std::string>{"K-40", "PB-206", "PB-210", "TH-234"}));
  EXPECT_EQ(r.activity.natural[1].concentration, 3.12e5);
  EXPECT_TRUE(r.activity.activation.empty() && r.activity.fission.empty());
  ASSERT_EQ(r.mdc.nuclides.size(), 13u);
  EXPECT_EQ(r.mdc.nuclides[12].nuclide, "ZR-97");
  EXPECT_EQ(r.mdc.nuclides[12].mda, 1.75e5);

  ASSERT_EQ(r.peaks.peaks.size(), 6u);
  EXPECT_EQ(r.peaks.peaks[1].nuclide, "");  // a false peak: only the note number
  EXPECT_EQ(r.peaks.peaks[1].notes, "1");
  EXPECT_EQ(r.peaks.peaks[5].nuclide, "PB-212F");
  EXPECT_EQ(r.peaks.peaks[5].notes, "10");

  ASSERT_TRUE(r.sroi_editing);
  EXPECT_EQ(r.sroi_editing->nuclide_id_changes, "");
  EXPECT_EQ(r.sroi_editing->average_concentration_differences, "none");
  ASSERT_EQ(r.sroi_editing->entering.size(), 6u);
  EXPECT_EQ(r.sroi_editing->entering[4], (SroiNuclide{"PB-212F", 311905.10, 2.01}));
  EXPECT_TRUE(r.sroi_editing->leaving.empty());

  ASSERT_TRUE(r.peak_notes);
  ASSERT_EQ(r.peak_notes->notes.size(), 4u);
  EXPECT_EQ(r.peak_notes->notes[2].number, 9);
  const PeakNote& ten = r.peak_notes->notes[3];
  EXPECT_EQ(ten.number, 10);
  ASSERT_EQ(ten.entries.size(), 2u);
  EXPECT_EQ(text_of(ten.entries[0].entered), "2022/05/13 10:03:31");
  EXPECT_EQ(ten.entries[0].analyst, "IDC");
  EXPECT_EQ(ten.entries[0].text.size(), 2u);
  EXPECT_EQ(ten.entries[1].text,
            (std::vector<std::string>{"PB-212F nuclide identity provided during review"}));
  EXPECT_EQ(r.peak_notes->extra, (std::vector<std::string>{"   :"}));

  EXPECT_EQ(r.calibration.used_ecr, "CMD");
  ASSERT_EQ(r.quality.flags.size(), 4u);
  EXPECT_EQ(r.quality.flags[0].value, 23.5646);
  ASSERT_TRUE(r.event_screening);
  EXPECT_EQ(r.event_screening->activation_products_present, false);
  EXPECT_EQ(r.event_screening->cs137_present, false);
  EXPECT_EQ(r.equations.efficiency.size(), 3u);
  EXPECT_FALSE(r.field_of_regard);
}

TEST(RrrParticulate, TheDamagedExampleRoundTrips) {
  Diagnostics d;
  const auto report = read_report_section(testing::cut_section("I.34-rrr-particulate.damaged.msg", "RRR"), d);
  ASSERT_TRUE(report);
  const auto written = write_report_section(*report);
  ASSERT_TRUE(written) << written.error();
  Diagnostics again;
  const auto read_back = read_report_section(testing::section_of("RRR", *written), again);
  ASSERT_TRUE(read_back);
  EXPECT_EQ(*read_back, *report);
  EXPECT_EQ(again.error_count(), 1u) << dump(again);  // still no FIELD OF REGARD
  EXPECT_EQ(write_report_section(*read_back), written);
  EXPECT_NE(written->find("\n     Activation Products present in this spectrum                 NO\n"),
            std::string::npos)
      << *written;  // Table 161: label at 6, answer at 67
  testing::expect_html_shows(*report);
}

}  // namespace
}  // namespace imsgate::ims2::rn
