// The PHD examples of Appendix I: decoded values, the diagnostics of their elisions and damage, round trips.
#include "ims2/rn/phd.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "phd_test_support.hpp"

namespace imsgate::ims2::rn {
namespace {

using namespace testing;

std::vector<Diagnostic> errors(const Diagnostics& d) {
  std::vector<Diagnostic> out;
  for (const auto& x : d)
    if (x.severity == Severity::error) out.push_back(x);
  return out;
}

void expect_elision(const Diagnostic& d, int line, int column, std::string_view mark = ":") {
  EXPECT_EQ(d.severity, Severity::error);
  EXPECT_EQ(d.line, line);
  EXPECT_EQ(d.column, column);
  EXPECT_EQ(d.message,
            fmt::format("'{}' is an elision mark, not a data record: data are left out here", mark));
  EXPECT_EQ(d.rule, "7.2.11");
}

TEST(PhdType, NamesTheSevenTypesAndTheDeliveredSampleNames) {
  EXPECT_EQ(phd_type("SAMPLEPHD"), PhdType::sample);
  EXPECT_EQ(phd_type("sphdf"), PhdType::sample);
  EXPECT_EQ(phd_type("SPHDP"), PhdType::sample);
  EXPECT_EQ(phd_type("BLANKPHD"), PhdType::blank);
  EXPECT_EQ(phd_type("DETBKPHD"), PhdType::detector_background);
  EXPECT_EQ(phd_type("GASBKPHD"), PhdType::gas_background);
  EXPECT_EQ(phd_type("CALIBPHD"), PhdType::calibration);
  EXPECT_EQ(phd_type("QCPHD"), PhdType::quality_control);
  EXPECT_EQ(phd_type("SPIKEPHD"), PhdType::spike);
  EXPECT_EQ(phd_type("ARR"), std::nullopt);
  EXPECT_EQ(phd_type_name(PhdType::detector_background), "DETBKPHD");
  Diagnostics d;
  EXPECT_EQ(read_phd_section(section_from("RMSSOH", "#Header 3\n"), d), std::nullopt);
  EXPECT_TRUE(d.empty());
}

TEST(PhdExamples, I6BlankAfterALogSection) {
  const auto sections = sections_of(example_text("I.6-blankphd.msg"));
  ASSERT_EQ(sections.size(), 2u);
  EXPECT_EQ(read_phd_section(sections[0], *std::make_unique<Diagnostics>()), std::nullopt);  // the LOG
  const Read r = read(sections[1]);
  ASSERT_EQ(r.diagnostics.size(), 1u) << describe(r.diagnostics);
  expect_elision(r.diagnostics.items()[0], 78, 7);
  EXPECT_EQ(r.section.type, PhdType::blank);
  ASSERT_EQ(r.section.time_stamps.size(), 2u);
  EXPECT_EQ(r.section.time_stamps[0], time_of("2021/12/09", "15:40:11"));
  ASSERT_EQ(r.section.products.size(), 1u);
  const Phd& p = r.section.products[0];
  EXPECT_EQ(p.header.station, "BRP11");
  EXPECT_EQ(p.header.detector, "BRP11_002");
  EXPECT_EQ(p.header.system_type, SystemType::particulate);
  EXPECT_EQ(p.header.geometry, "RASA");
  EXPECT_EQ(p.header.qualifier, Qualifier::full);
  EXPECT_EQ(p.header.srid, "11000000000131");
  EXPECT_EQ(p.header.mid, "BRP11_002-2021/11/25-19:53:40");
  EXPECT_EQ(p.header.detector_background_mid, "0");
  EXPECT_EQ(p.header.gas_background_mid, "0");  // left out: zero-filled
  EXPECT_EQ(p.header.transmitted, time_of("2021/11/29", "14:30:02"));
  ASSERT_TRUE(p.comment);
  EXPECT_EQ(p.comment->lines.size(), 4u);
  EXPECT_EQ(p.comment->lines[3], "Ortec 50-TP42122A 3800V");
  ASSERT_TRUE(p.acquisition);
  EXPECT_EQ(p.acquisition->start, time_of("2021/11/25", "19:53:40"));
  EXPECT_EQ(p.acquisition->real_time, 300619.52);
  EXPECT_EQ(p.acquisition->live_time, 300197.32);
  EXPECT_EQ(p.calibration->time, time_of("2021/11/24", "21:04:04"));
  ASSERT_EQ(p.g_energy->pairs.size(), 14u);
  EXPECT_EQ(p.g_energy->pairs[13], (GEnergyPair{1836.05, 5371.66, 0}));
  EXPECT_EQ(p.g_resolution->pairs.size(), 14u);
  ASSERT_EQ(p.g_efficiency->pairs.size(), 12u);
  EXPECT_EQ(p.g_efficiency->pairs[0], (EfficiencyPair{59.54, 0.0057, 0.00015}));
  // The spectrum: 8192 channels from 1; what the elision leaves out reads as zeros.
  ASSERT_TRUE(p.g_spectrum);
  EXPECT_EQ(p.g_spectrum->channels(), 8192u);
  EXPECT_EQ(p.g_spectrum->first_channel, 1);
  EXPECT_EQ(p.g_spectrum->energy_span, 2900);
  EXPECT_EQ(sum(p.g_spectrum->counts), 114);
  EXPECT_EQ(p.g_spectrum->counts[8190], 16);  // channel 8191
  EXPECT_EQ(p.g_spectrum->counts[8180], 10);  // channel 8181
  expect_round_trip(r.section);
}

TEST(PhdExamples, I9TwoCalibrationPhdsInOneSection) {
  const auto sections = sections_of(example_text("I.9-calibphd.msg"));
  ASSERT_EQ(sections.size(), 1u);
  const Read r = read(sections[0]);
  const auto e = errors(r.diagnostics);
  ASSERT_EQ(e.size(), 11u) << describe(r.diagnostics);
  expect_elision(e[0], 22, 7);
  // The first spectrum prints 4 counts on its first lines.
  EXPECT_EQ(e[3].message, "a spectrum line has 5 counts; only the last may have fewer");
  EXPECT_EQ(e[3].line, 60);
  EXPECT_EQ(count_if(r.diagnostics, Severity::warning, "'B' after the last field of the record, ignored"),
            2u);
  ASSERT_EQ(r.section.products.size(), 2u);
  const Phd& a = r.section.products[0];
  EXPECT_EQ(a.header.srid, "11999999990002");
  EXPECT_EQ(a.acquisition->start, time_of("2021/11/24", "17:24:27.0"));
  EXPECT_EQ(a.acquisition->real_time, 15848.0);
  EXPECT_EQ(a.acquisition->live_time, 15749.1);
  EXPECT_EQ(a.g_energy->pairs.size(), 6u);
  EXPECT_EQ(a.g_resolution->pairs.size(), 6u);
  EXPECT_EQ(a.g_efficiency->pairs.size(), 6u);
  ASSERT_TRUE(a.certificate);
  EXPECT_EQ(a.certificate->total_activity, 10558);
  EXPECT_EQ(a.certificate->assay_time, time_of("2020/10/01", "17:00:00.0"));
  ASSERT_EQ(a.certificate->lines.size(), 12u);
  const CertificateLine& am = a.certificate->lines[0];
  EXPECT_EQ(am.nuclide, "Am-241");
  EXPECT_EQ(am.half_life, "432.904 Y");
  EXPECT_EQ(am.activity, 308.0);
  EXPECT_EQ(am.activity_uncertainty, 1.85);
  EXPECT_EQ(am.gamma_energy, 59.54);
  EXPECT_EQ(am.gamma_intensity, 35.92);
  EXPECT_EQ(am.decay_mode, DecayMode::none);
  EXPECT_EQ(a.certificate->lines[9].gamma_energy, 1173.23);  // Co-60, one line per gamma line
  EXPECT_EQ(a.certificate->lines[10].gamma_energy, 1332.49);
  EXPECT_EQ(a.g_spectrum->channels(), 8192u);
  EXPECT_EQ(sum(a.g_spectrum->counts), 5);
  // The blocks come in another order than Table 57's: kept.
  EXPECT_FALSE(a.order.empty());
  EXPECT_EQ(a.order.back(), PhdBlockKind::g_spectrum);
  const Phd& b = r.section.products[1];
  EXPECT_EQ(b.header.station, "GBL15");
  EXPECT_EQ(b.header.geometry, "RASA_7028mm_D_Top");
  EXPECT_EQ(b.header.mid, "GBL15_143-2021/11/03-16:21:38.0");
  EXPECT_FALSE(b.comment);
  EXPECT_EQ(b.g_energy->pairs.size(), 6u);
  EXPECT_EQ(b.g_energy->pairs.back(), (GEnergyPair{2505.7, 7154.078, 0.08329}));
  EXPECT_EQ(b.g_efficiency->pairs.size(), 7u);
  EXPECT_EQ(b.certificate->total_activity, 5358);
  ASSERT_EQ(b.certificate->lines.size(), 15u);
  EXPECT_EQ(b.certificate->lines[0].half_life, "8108.55 D");
  EXPECT_EQ(b.g_spectrum->channels(), 8192u);  // "8191 0 0 0 0 0": zero padding past 8192 dropped
  EXPECT_EQ(r.section.time_stamps.size(), 2u);
  expect_round_trip(r.section);
}

TEST(PhdExamples, I10FragmentHasBlocksOnly) {
  const std::string text = example_text("I.10-calibphd-vgsl-calibration-blocks.msg");
  const Read r = read(section_from("CALIBPHD", text));
  const auto e = errors(r.diagnostics);
  ASSERT_EQ(e.size(), 1u + 3u + 4u) << describe(r.diagnostics);
  EXPECT_EQ(e[0].line, 2);
  EXPECT_EQ(e[0].message, "'#g_Energy' before '#Header': '#Header' is the first block");
  expect_elision(e[1], 6, 1, "\u22ee");
  for (std::string_view block : {"#Acquisition", "#g_Spectrum", "#Calibration", "#Certificate"})
    EXPECT_EQ(count_if(r.diagnostics, Severity::error,
                       fmt::format("{} is required in a particulate (P) CALIBPHD (Table 57)", block)),
              1u)
        << block;
  EXPECT_EQ(count_if(r.diagnostics, Severity::error, "the MID of the measurement is missing"), 0u);
  ASSERT_EQ(r.section.products.size(), 1u);
  const Phd& p = r.section.products[0];
  ASSERT_EQ(p.g_energy->pairs.size(), 6u);
  EXPECT_EQ(p.g_energy->pairs[0], (GEnergyPair{40, 122.111, 0}));
  EXPECT_EQ(p.g_resolution->pairs[5], (ResolutionPair{2420, 2.309101124, 0}));
  EXPECT_EQ(p.g_efficiency->pairs[3], (EfficiencyPair{2220, 0.013835, 0.070331}));
}

TEST(PhdExamples, I15DetectorBackground) {
  const Read r = read(sections_of(example_text("I.15-detbkphd.msg")).at(0));
  const auto e = errors(r.diagnostics);
  ASSERT_EQ(e.size(), 7u) << describe(r.diagnostics);
  expect_elision(e[0], 20, 7);
  // The elisions leave 4 of the at least 5 calibration pairs.
  EXPECT_EQ(e[4].message, "#g_Energy has 4 data records: at least 5");
  EXPECT_EQ(e[4].line, 17);
  const Phd& p = r.section.products.at(0);
  EXPECT_EQ(p.header.srid, "16111111110040");
  EXPECT_EQ(p.header.geometry, "RL16_01_EmptyCave");
  EXPECT_EQ(p.acquisition->start, time_of("2021/01/15", "13:50:47.0"));
  EXPECT_EQ(p.acquisition->real_time, 605323.83);
  EXPECT_EQ(p.comment->lines.size(), 3u);
  EXPECT_EQ(p.g_energy->pairs.size(), 4u);
  EXPECT_EQ(p.g_spectrum->channels(), 8192u);  // "8191 9 0 0 0 0": padding dropped
  EXPECT_EQ(p.g_spectrum->counts.back(), 0);
  EXPECT_EQ(p.g_spectrum->counts[8190], 9);
  EXPECT_EQ(sum(p.g_spectrum->counts), 99);
  expect_round_trip(r.section);
}

TEST(PhdExamples, I19DamagedGasBackgroundWithoutStop) {
  const std::string text = example_text("I.19-gasbkphd.damaged.msg");
  ReadResult whole = read_messages(text);
  EXPECT_TRUE(whole.messages.empty());
  ASSERT_FALSE(whole.diagnostics.empty());
  EXPECT_EQ(whole.diagnostics.items().back().message, "message has no STOP: it is incomplete and discarded");
  // Read what there is: the body after its DATA_TYPE line (line 5).
  const auto start = text.find("DATA_TYPE GASBKPHD\n");
  ASSERT_NE(start, std::string::npos);
  const DataSection s = section_from("GASBKPHD", text.substr(start + 19), 5);
  const Read r = read(s);
  const auto e = errors(r.diagnostics);
  ASSERT_EQ(e.size(), 11u) << describe(r.diagnostics);
  expect_elision(e[0], 36, 1, "...");
  EXPECT_EQ(e[5].message, "#g_Spectrum ends after 15 of its 256 channels");
  EXPECT_EQ(e[5].line, 90);
  EXPECT_EQ(count_if(r.diagnostics, Severity::error, "#b_Spectrum is required"), 1u);
  EXPECT_EQ(count_if(r.diagnostics, Severity::error, "#Histogram is required"), 1u);
  EXPECT_EQ(count_if(r.diagnostics, Severity::error, "#b-gEfficiency has no record for XE-131M"), 1u);
  EXPECT_EQ(count_if(r.diagnostics, Severity::error, "#b-gEfficiency has no record for XE-133M"), 1u);
  // The elided #ROI_Limits leaves ROI 4 undefined.
  EXPECT_EQ(count_if(r.diagnostics, Severity::error, "refers to ROI 4, which #ROI_Limits does not define"),
            1u);
  // Table 57 asks for #Processing in a GASBKPHD, I.19 has none: a deviation, a warning when lenient.
  EXPECT_EQ(
      count_if(r.diagnostics, Severity::warning,
               "#Processing is required in a beta-gamma (B) GASBKPHD (Table 57), but senders leave it out"),
      1u);
  const Phd& p = r.section.products.at(0);
  EXPECT_EQ(p.header.mid, "USX74_006-2021/11/30-19:02");
  EXPECT_EQ(p.header.detector_background_mid, "USX74_006-2015/08/22-16:12");
  EXPECT_EQ(p.comment->lines.size(), 8u);  // blank lines of the comment are text
  EXPECT_EQ(p.comment->lines[4], "");
  EXPECT_EQ(p.acquisition->start, time_of("2021/11/30", "19:02:46.2"));
  EXPECT_EQ(p.calibration->time, time_of("2014/06/03", "16:46:00.0"));
  EXPECT_EQ(p.g_energy->pairs.size(), 6u);
  EXPECT_EQ(p.b_energy->pairs.size(), 6u);
  EXPECT_EQ(p.b_energy->pairs[0], (BEnergyPair{73.34, DecayMode::conversion_electron, 22.74, 0.5}));
  EXPECT_EQ(p.roi_limits->limits.size(), 6u);
  EXPECT_EQ(p.roi_limits->limits[5], (RoiLimit{10, 18.6682, 145.904, 18.1165, 43.4404}));
  EXPECT_EQ(p.bg_efficiency->records[3], (BgEfficiencyRecord{"XE-133", 8, 0.0335, 0.0009}));
  EXPECT_EQ(p.ratios->ratios.size(), 6u);
  EXPECT_EQ(p.ratios->ratios[5], (Ratio{"XE133-10_81:30", 3, 10, 0.0321, 0.0029}));
  EXPECT_EQ(p.g_spectrum->energy_span, 742);
  EXPECT_EQ(p.g_spectrum->channels(), 256u);
  EXPECT_EQ(sum(p.g_spectrum->counts), sum(block_numbers(text, "#g_Spectrum", true)));
  expect_round_trip(r.section);

  Diagnostics strict;
  read_phd_section(s, strict, Mode::strict);
  EXPECT_EQ(count_if(strict, Severity::error, "#Processing is required in a beta-gamma (B) GASBKPHD"), 1u);
}

TEST(PhdExamples, I26QualityControlWithNineTokenCertificateLines) {
  const Read r = read(sections_of(example_text("I.26-qcphd.msg")).at(0));
  EXPECT_EQ(errors(r.diagnostics).size(), 3u) << describe(r.diagnostics);
  // Each nuclide line leaves out the last electron field: zero-filled, a deviation.
  EXPECT_EQ(
      count_if(r.diagnostics, Severity::warning, "the line ends before the electron intensity: zero-filled"),
      11u);
  const Phd& p = r.section.products.at(0);
  EXPECT_EQ(p.header.geometry, "RASA-QC");
  EXPECT_EQ(p.header.srid, "40888888880109");
  EXPECT_EQ(p.acquisition->start, time_of("2021/11/26", "06:30:33"));
  EXPECT_EQ(p.acquisition->live_time, 1189.98);
  EXPECT_EQ(p.certificate->total_activity, 5300);
  EXPECT_EQ(p.certificate->assay_time, time_of("2008/01/01", "12:00:00"));
  ASSERT_EQ(p.certificate->lines.size(), 11u);
  EXPECT_EQ(p.certificate->lines[3].nuclide, "CS-137");
  EXPECT_EQ(p.certificate->lines[3].half_life, "30.05 Y");
  EXPECT_EQ(p.certificate->lines[3].gamma_intensity, 85.1);
  EXPECT_EQ(p.certificate->lines[3].electron_intensity, 0);
  EXPECT_EQ(p.g_efficiency->pairs.size(), 7u);
  EXPECT_EQ(sum(p.g_spectrum->counts), 1);
  expect_round_trip(r.section);
}

TEST(PhdExamples, I35_1BetaGammaSample) {
  const std::string text = example_text("I.35.1-samplephd-noble-gas-betagamma.msg");
  const Read r = read(sections_of(text).at(0));
  const auto e = errors(r.diagnostics);
  ASSERT_EQ(e.size(), 10u) << describe(r.diagnostics);
  expect_elision(e[0], 39, 4, ".");
  EXPECT_EQ(e[7].message, "#Histogram has 0 rows: its header gives 256");
  EXPECT_EQ(count_if(r.diagnostics, Severity::warning, "runs into its ROI number"), 4u);
  EXPECT_EQ(r.section.type, PhdType::sample);
  const Phd& p = r.section.products.at(0);
  EXPECT_EQ(p.header.system_type, SystemType::beta_gamma);
  EXPECT_EQ(p.header.mid, "AUX04_003-2021/12/01-18:43");
  EXPECT_EQ(p.header.gas_background_mid, "AUX04_003-2021/12/01-06:43");
  EXPECT_EQ(p.collection->start, time_of("2021/11/30", "23:32:21.6"));
  EXPECT_EQ(p.collection->stop, time_of("2021/12/01", "11:32:18.2"));
  EXPECT_EQ(p.collection->air_volume, 14.920163);
  EXPECT_EQ(p.acquisition->start, time_of("2021/12/01", "18:43:18.0"));
  EXPECT_EQ(p.acquisition->real_time, 40201.886);
  EXPECT_EQ(p.processing, (PhdProcessing{0.99102, 0.0991, 0.85303, 0.12064, "01"}));
  EXPECT_EQ(p.g_energy->pairs.size(), 5u);
  EXPECT_EQ(p.g_energy->pairs[1].energy, 661.657);  // not sorted
  EXPECT_EQ(p.b_energy->pairs.size(), 4u);
  ASSERT_EQ(p.roi_limits->limits.size(), 10u);
  EXPECT_EQ(p.roi_limits->limits[0], (RoiLimit{1, 13.9192, 581.535, 319.58, 386.588}));
  EXPECT_EQ(p.roi_limits->limits[9], (RoiLimit{10, 13.9192, 150.904, 20.2663, 41.6472}));
  ASSERT_EQ(p.bg_efficiency->records.size(), 9u);
  EXPECT_EQ(p.bg_efficiency->records[5], (BgEfficiencyRecord{"XE-133", 7, 0.211, 0.0033}));
  EXPECT_EQ(p.ratios->ratios.size(), 16u);
  EXPECT_EQ(p.g_spectrum->channels(), 256u);
  EXPECT_EQ(p.g_spectrum->energy_span, 749);
  EXPECT_EQ(p.g_spectrum->first_channel, 0);
  EXPECT_EQ(sum(p.g_spectrum->counts), sum(block_numbers(text, "#g_Spectrum", true)));
  EXPECT_EQ(sum(p.g_spectrum->counts), 35586);
  EXPECT_EQ(p.g_spectrum->counts[255], 468);
  EXPECT_EQ(sum(p.b_spectrum->counts), 590);
  EXPECT_EQ(p.histogram->gamma_channels, 256);
  EXPECT_EQ(p.histogram->beta_channels, 256);
  EXPECT_EQ(p.histogram->gamma_span, 749);
  EXPECT_EQ(p.histogram->beta_span, 875);
  EXPECT_EQ(p.histogram->counts.size(), 65536u);  // the elided body reads as zeros
  expect_round_trip(r.section);
}

TEST(PhdExamples, I35_2NobleGasHpgeSample) {
  const std::string text = example_text("I.35.2-samplephd-noble-gas-hpge.msg");
  const Read r = read(sections_of(text).at(0));
  ASSERT_EQ(r.diagnostics.size(), 5u) << describe(r.diagnostics);
  expect_elision(r.diagnostics.items()[0], 26, 5);
  const Phd& p = r.section.products.at(0);
  EXPECT_EQ(p.header.system_type, SystemType::noble_gas_hpge);
  EXPECT_EQ(p.header.srid, "16202205231311G");  // the old suffix G, accepted
  EXPECT_EQ(p.header.detector_background_mid, "0");
  EXPECT_EQ(p.collection->start, time_of("2022/05/23", "13:42:13.0"));
  EXPECT_EQ(p.collection->air_volume, 65.541);
  EXPECT_EQ(p.acquisition->start, time_of("2022/05/24", "15:05:18.0"));
  EXPECT_EQ(p.processing, (PhdProcessing{5.70207, 0.17106, 0, 0, "2"}));
  EXPECT_EQ(p.g_spectrum->channels(), 16384u);  // "16380 0 0 0 0 0": padding past 16383 dropped
  EXPECT_EQ(p.g_spectrum->energy_span, 2000);
  EXPECT_EQ(p.g_spectrum->counts[610], 39);
  EXPECT_EQ(sum(p.g_spectrum->counts), sum(block_numbers(text, "#g_Spectrum", true)));
  EXPECT_EQ(p.g_energy->pairs.size(), 6u);
  ASSERT_FALSE(p.order.empty());  // #g_Spectrum before #g_Energy
  EXPECT_EQ(p.order[4], PhdBlockKind::g_spectrum);
  expect_round_trip(r.section);
  const auto written = write_phd_section(r.section);
  ASSERT_TRUE(written);
  EXPECT_LT(written->find("#g_Spectrum"), written->find("#g_Energy"));
}

TEST(PhdExamples, I36ParticulateSample) {
  const std::string text = example_text("I.36-samplephd-particulate.msg");
  const Read r = read(sections_of(text).at(0));
  ASSERT_EQ(r.diagnostics.size(), 4u) << describe(r.diagnostics);
  expect_elision(r.diagnostics.items()[3], 55, 7);
  const Phd& p = r.section.products.at(0);
  EXPECT_EQ(p.header.geometry, "50mmX4.5mmDisk");
  EXPECT_EQ(p.header.detector_background_mid, "AUP09_007-2021/06/28-01:06:00.0");
  EXPECT_EQ(p.collection->start, time_of("2021/11/30", "06:05:34"));
  EXPECT_EQ(p.collection->stop, time_of("2021/12/01", "06:13:26"));
  EXPECT_EQ(p.collection->air_volume, 20707);
  EXPECT_EQ(p.sample, (PhdSample{5.0, 0.5}));
  EXPECT_EQ(p.acquisition->start, time_of("2021/12/02", "06:37:11"));
  EXPECT_EQ(p.acquisition->real_time, 80954);
  EXPECT_EQ(p.acquisition->live_time, 80676);
  EXPECT_EQ(p.calibration->time, time_of("2019/10/04", "05:38:09"));
  EXPECT_EQ(p.comment->lines.size(), 6u);
  EXPECT_EQ(p.g_spectrum->channels(), 8192u);
  EXPECT_EQ(p.g_spectrum->first_channel, 1);
  EXPECT_EQ(sum(p.g_spectrum->counts), sum(block_numbers(text, "#g_Spectrum", true)));
  EXPECT_EQ(sum(p.g_spectrum->counts), 375);
  expect_round_trip(r.section);
}

}  // namespace
}  // namespace imsgate::ims2::rn
