// The two complete real beta-gamma PHD files (testdata/real/noble-gas-phd): every count checked against the
// file's own tokens, round trips.
#include <gtest/gtest.h>

#include "ims2/rn/phd.hpp"
#include "phd_test_support.hpp"

namespace imsgate::ims2::rn {
namespace {

using namespace testing;

constexpr std::string_view kSample = "SAMPLE20211203070613605.PHD";
constexpr std::string_view kSpike = "SPIKE20190502222812845.PHD";

TEST(PhdRealFiles, BetaGammaSampleReadsEveryCount) {
  const std::string text = real_text(kSample);
  const Read r = read(sections_of(text).at(0));
  // Only the sender's glued b-gEfficiency names ("XE-1337 7") are worth a word.
  EXPECT_FALSE(r.diagnostics.has_errors()) << describe(r.diagnostics);
  EXPECT_EQ(r.diagnostics.size(), 4u) << describe(r.diagnostics);
  EXPECT_EQ(count_if(r.diagnostics, Severity::warning, "runs into its ROI number"), 4u);
  ASSERT_EQ(r.section.products.size(), 1u);
  const Phd& p = r.section.products[0];
  EXPECT_EQ(p.header.station, "MIX58");
  EXPECT_EQ(p.header.detector, "MIX58_222");
  EXPECT_EQ(p.header.system_type, SystemType::beta_gamma);
  EXPECT_EQ(p.header.geometry, "CYLINDER");
  EXPECT_EQ(p.header.gas_background_mid, "MIX58_222-2021/12/02-08:08:59.1");
  EXPECT_EQ(p.collection->start, time_of("2021/12/02", "01:00:25.0"));
  EXPECT_EQ(p.collection->stop, time_of("2021/12/02", "12:59:59.0"));
  EXPECT_EQ(p.acquisition->start, time_of("2021/12/02", "17:00:54.4"));
  EXPECT_EQ(p.acquisition->real_time, 50719.17);
  EXPECT_EQ(p.acquisition->live_time, 50400.0);
  EXPECT_EQ(p.processing, (PhdProcessing{0.99533, 0.08659, 0.61685, 0.05367, "17"}));
  EXPECT_EQ(p.g_energy->pairs.size(), 5u);
  EXPECT_EQ(p.b_energy->pairs.size(), 24u);
  EXPECT_EQ(p.b_resolution->pairs.size(), 11u);
  EXPECT_EQ(p.roi_limits->limits[1], (RoiLimit{2, 29.8, 733.912, 228.98, 280.54}));
  EXPECT_EQ(p.ratios->ratios.size(), 16u);
  // The comment ends in a blank line, which is comment text.
  EXPECT_EQ(p.comment->lines, (std::vector<std::string>{"Histogram data", ""}));

  const auto g = block_numbers(text, "#g_Spectrum", true);
  const auto b = block_numbers(text, "#b_Spectrum", true);
  const auto h = block_numbers(text, "#Histogram", false);
  ASSERT_EQ(g.size(), 256u);
  ASSERT_EQ(h.size(), 256u * 256u);
  EXPECT_EQ(p.g_spectrum->counts, g);
  EXPECT_EQ(p.b_spectrum->counts, b);
  EXPECT_EQ(p.g_spectrum->energy_span, 720);
  EXPECT_EQ(p.b_spectrum->energy_span, 550);
  EXPECT_EQ(sum(p.g_spectrum->counts), sum(g));
  EXPECT_EQ(sum(p.b_spectrum->counts), sum(b));
  EXPECT_GT(sum(g), 0);
  EXPECT_EQ(p.histogram->gamma_channels, 256);
  EXPECT_EQ(p.histogram->beta_channels, 256);
  EXPECT_EQ(p.histogram->gamma_span, 720);
  EXPECT_EQ(p.histogram->beta_span, 550);
  EXPECT_EQ(sum(p.histogram->counts), sum(h));
  EXPECT_EQ(p.histogram->counts, h);  // row-major: gamma rows of beta values
  EXPECT_GT(sum(h), 0);
  expect_round_trip(r.section);
}

TEST(PhdRealFiles, SpikeFileIsACalibrationWithAOneWordCertificate) {
  const std::string text = real_text(kSpike);
  const DataSection s = sections_of(text).at(0);
  const Read r = read(s);
  EXPECT_FALSE(r.diagnostics.has_errors()) << describe(r.diagnostics);
  EXPECT_EQ(r.section.type, PhdType::calibration);
  const Phd& p = r.section.products.at(0);
  // The #Certificate holds only "Xe-133": kept as written, with a warning; so is the spike SRID.
  EXPECT_FALSE(p.certificate);
  ASSERT_EQ(p.verbatim_blocks.size(), 1u);
  EXPECT_EQ(p.verbatim_blocks[0], (VerbatimBlock{"#Certificate", {"Xe-133"}}));
  EXPECT_EQ(count_if(r.diagnostics, Severity::warning, "#Certificate is not in the form of Table 79"), 1u);
  EXPECT_EQ(count_if(r.diagnostics, Severity::warning,
                     "SRID '58201904301011K' is not of the form cc99999999xxxx[X] of a CALIBPHD"),
            1u);
  EXPECT_EQ(count_if(r.diagnostics, Severity::error, "#Certificate is required"), 0u);
  EXPECT_EQ(p.calibration->time, time_of("2019/03/07", "22:53:14"));
  EXPECT_EQ(p.g_spectrum->counts, block_numbers(text, "#g_Spectrum", true));
  EXPECT_EQ(p.b_spectrum->counts, block_numbers(text, "#b_Spectrum", true));
  EXPECT_EQ(p.histogram->counts, block_numbers(text, "#Histogram", false));
  EXPECT_EQ(sum(p.histogram->counts), sum(block_numbers(text, "#Histogram", false)));
  expect_round_trip(r.section);
  const auto written = write_phd_section(r.section);
  ASSERT_TRUE(written);
  EXPECT_NE(written->find("#Certificate\nXe-133\n"), std::string::npos);

  // Strict reading makes both deviations errors.
  Diagnostics strict;
  read_phd_section(s, strict, Mode::strict);
  EXPECT_EQ(count_if(strict, Severity::error, "#Certificate is not in the form of Table 79"), 1u);
  EXPECT_EQ(count_if(strict, Severity::error, "SRID '58201904301011K'"), 1u);
}

TEST(PhdRealFiles, WrittenHistogramRowsStayUnder1024Characters) {
  const Read r = read(sections_of(real_text(kSample)).at(0));
  const auto written = write_phd_section(r.section);
  ASSERT_TRUE(written);
  for (std::string_view line : lines_of(*written)) EXPECT_LE(line.size(), 1024u);
  // The spectra are written in Table 75's columns: i5, then 5 counts i10 at columns 7, 18, 29, 40, 51.
  const auto at = written->find("#g_Spectrum\n");
  ASSERT_NE(at, std::string::npos);
  EXPECT_EQ(written->substr(at, 12 + 11 + 61),
            "#g_Spectrum\n  256  720\n    0          0          0          0          0       2900\n");
}

}  // namespace
}  // namespace imsgate::ims2::rn
