// The event screening (Table 44) and event characterization (Table 45) blocks. Neither the spec nor the
// examples hold one (I.8, the long bulletin, has no example), so the lines here are built from the tables'
// columns.
#include "ims2/shi/bulletin_screening.hpp"

#include <gtest/gtest.h>

#include "bulletin_test_support.hpp"
#include "ims2/shi/bulletin.hpp"

namespace imsgate::ims2::shi {
namespace {

using testing::dump;
using testing::section_with_body;

const std::string kEventStart =
    "Title\n"
    "EVENT 1 SOMEWHERE\n"
    "   Date       Time        Err   RMS Latitude Longitude  Smaj  Smin  Az Depth   Err Ndef Nsta Gap  mdist "
    " "
    "Mdist Qual   Author      OrigID\n"
    "2021/12/31 23:59:58.00               10.0000   20.0000\n";

// Every sub-block, in the tables' columns, as the writer writes them.
const std::string kScreening =
    "EVENT SCREENING\n"
    "Category  Score Dscore Mscore Rscore Hscore Smaj_sc Smin_sc Depth  Sdep  mbms Smbms       Foffsh MinWD "
    "Clr\n"
    "SO/Offsh   1.20  -0.35   2.10   0.50   3.25   120.5    80.2  12.5   4.5  1.23  0.45         0.85  3500  "
    " "
    "1\n"
    "\n"
    "HYDROACOUSTIC SCREENING\n"
    "sta    cps8   snr7   noi7\n"
    "H08S     1.55  12.30   0.02\n"
    "H10N     0.85\n"
    "\n"
    "REGIONAL SCREENING\n"
    "sta    pnsmax   corr    err\n"
    "ASAR     0.45  -0.10   0.05\n"
    "\n";

const std::string kCharacterization =
    "CEPSTRAL PEAK ANALYSIS\n"
    "Sta    PeakAmp PeakQuef\n"
    "ASAR   0.12345   1.2345\n"
    "\n"
    "SHORT-PERIOD/LONG-PERIOD ENERGY RATIO\n"
    "Sta         Ratio\n"
    "WRA    0.12345678\n"
    "\n"
    "FREQUENCY-DEPENDENT PHASE AMPLITUDE BLOCK    1 of   2\n"
    "Sta   Phase      Amp       SNR       Amp       SNR       Amp       SNR       Amp       SNR\n"
    "                   0.5 to    1.0       1.0 to    2.0       2.0 to    4.0       4.0 to    8.0\n"
    "ASAR  P         12.5       5.5      22.0       7.1                     1234567.8      99.9\n"
    "\n"
    "FREQUENCY-DEPENDENT PHASE AMPLITUDE BLOCK    2 of   2\n"
    "Sta   Phase      Amp       SNR       Amp       SNR       Amp       SNR       Amp       SNR\n"
    "WRA   Pn!        3.0       2.0\n"
    "\n"
    "SPECTRAL VARIANCE OF THE DETRENDED LOG SPECTRUM\n"
    "Sta   Phase MinFreq MaxFreq       SpecVar\n"
    "ASAR  P        0.50    8.00      0.123456\n"
    "\n"
    "COMPLEXITY\n"
    "Sta   Phase  Complexity        SNR\n"
    "ASAR  P          1.2345    10.5000\n"
    "\n"
    "THIRD MOMENT of FREQUENCY\n"
    "Sta        TMF\n"
    "ASAR       2.5\n"
    "\n"
    "TIME FREQUENCY PARAMETERS\n"
    "Sta     zavpct     zavcep     zavcor\n"
    "ASAR    0.1234       12.5     0.875\n"
    "\n";

Bulletin read_long(const std::string& body, Diagnostics& d) {
  return read_bulletin(section_with_body("BULLETIN IMS2.0:LONG", body), d);
}

TEST(BulletinScreening, ReadsEveryField) {
  Diagnostics d;
  const Bulletin b = read_long(kEventStart + kScreening + kCharacterization, d);
  EXPECT_TRUE(d.empty()) << dump(d);
  ASSERT_EQ(b.events.size(), 1u);
  EXPECT_TRUE(b.events[0].kept_lines.empty());
  const EventScreening& s = b.events[0].screening;
  ASSERT_TRUE(s.summary);
  const ScreeningSummary& m = *s.summary;
  EXPECT_EQ(m.category, "SO");
  EXPECT_EQ(m.location, "Offsh");
  EXPECT_EQ(m.score, 1.20);
  EXPECT_EQ(m.depth_score, -0.35);
  EXPECT_EQ(m.mb_ms_score, 2.10);
  EXPECT_EQ(m.regional_score, 0.50);
  EXPECT_EQ(m.hydroacoustic_score, 3.25);
  EXPECT_EQ(m.scaled_semi_major, 120.5);
  EXPECT_EQ(m.scaled_semi_minor, 80.2);
  EXPECT_EQ(m.depth, 12.5);
  EXPECT_EQ(m.depth_confidence, 4.5);
  EXPECT_EQ(m.mb_ms, 1.23);
  EXPECT_EQ(m.mb_ms_confidence, 0.45);
  EXPECT_EQ(m.offshore_fraction, 0.85);
  EXPECT_EQ(m.minimum_water_depth, 3500.0);
  EXPECT_EQ(m.clear_path, true);
  ASSERT_TRUE(s.hydroacoustic);
  ASSERT_EQ(s.hydroacoustic->size(), 2u);
  EXPECT_EQ((*s.hydroacoustic)[0], (HydroacousticScreening{"H08S", 1.55, 12.30, 0.02}));
  EXPECT_EQ((*s.hydroacoustic)[1], (HydroacousticScreening{"H10N", 0.85, std::nullopt, std::nullopt}));
  ASSERT_TRUE(s.regional);
  EXPECT_EQ(*s.regional, (std::vector<RegionalScreening>{{"ASAR", 0.45, -0.10, 0.05}}));

  const EventCharacterization& c = b.events[0].characterization;
  EXPECT_EQ(c.cepstral_peaks, (std::vector<CepstralPeak>{{"ASAR", 0.12345, 1.2345}}));
  EXPECT_EQ(c.energy_ratios, (std::vector<EnergyRatio>{{"WRA", 0.12345678}}));
  ASSERT_EQ(c.phase_amplitudes.size(), 2u);
  const PhaseAmplitudeBlock& first = c.phase_amplitudes[0];
  EXPECT_EQ(first.number, 1);
  EXPECT_EQ(first.total, 2);
  EXPECT_EQ(first.bands[0], (FrequencyBand{0.5, 1.0}));
  EXPECT_EQ(first.bands[3], (FrequencyBand{4.0, 8.0}));
  ASSERT_EQ(first.rows.size(), 1u);
  EXPECT_EQ(first.rows[0].station, "ASAR");
  EXPECT_EQ(first.rows[0].phase, "P");
  EXPECT_EQ(first.rows[0].bands[0], (BandAmplitude{12.5, 5.5}));
  EXPECT_EQ(first.rows[0].bands[1], (BandAmplitude{22.0, 7.1}));
  EXPECT_EQ(first.rows[0].bands[2], (BandAmplitude{}));
  EXPECT_EQ(first.rows[0].bands[3], (BandAmplitude{1234567.8, 99.9}));
  const PhaseAmplitudeBlock& second = c.phase_amplitudes[1];
  EXPECT_EQ(second.number, 2);
  EXPECT_EQ(second.bands[0], FrequencyBand{});  // no band line
  ASSERT_EQ(second.rows.size(), 1u);
  EXPECT_EQ(second.rows[0].phase, "Pn!");  // values from predicted arrivals, as written
  EXPECT_EQ(c.spectral_variances, (std::vector<SpectralVariance>{{"ASAR", "P", 0.5, 8.0, 0.123456}}));
  EXPECT_EQ(c.complexities, (std::vector<Complexity>{{"ASAR", "P", 1.2345, 10.5}}));
  EXPECT_EQ(c.third_moments, (std::vector<ThirdMoment>{{"ASAR", 2.5}}));
  EXPECT_EQ(c.time_frequencies, (std::vector<TimeFrequency>{{"ASAR", 0.1234, 12.5, 0.875}}));
}

TEST(BulletinScreening, WritesTheColumnsAndReadsBackEqual) {
  Diagnostics d;
  const Bulletin b = read_long(kEventStart + kScreening + kCharacterization, d);
  ASSERT_TRUE(d.empty()) << dump(d);
  auto text = write_bulletin(b);
  ASSERT_TRUE(text) << text.error();
  EXPECT_NE(text->find(kScreening + kCharacterization), std::string::npos) << *text;
  Diagnostics again;
  EXPECT_EQ(read_long(*text, again), b) << *text;
  EXPECT_TRUE(again.empty()) << dump(again);
}

TEST(BulletinScreening, SubBlocksWithoutDataLinesArePresent) {
  Diagnostics d;
  const Bulletin b =
      read_long(kEventStart + "HYDROACOUSTIC SCREENING\nsta    cps8   snr7   noi7\n\nCOMPLEXITY\n", d);
  EXPECT_TRUE(d.empty()) << dump(d);
  const BulletinEvent& e = b.events.at(0);
  EXPECT_FALSE(e.screening.summary);
  EXPECT_EQ(e.screening.hydroacoustic, std::vector<HydroacousticScreening>{});
  EXPECT_FALSE(e.screening.regional);
  EXPECT_EQ(e.characterization.complexities, std::vector<Complexity>{});
  EXPECT_FALSE(e.characterization.third_moments);
  auto text = write_bulletin(b);
  ASSERT_TRUE(text) << text.error();
  Diagnostics again;
  EXPECT_EQ(read_long(*text, again), b) << *text;
}

TEST(BulletinScreening, CollapsedBlanksAreReadByTokensWithAWarning) {
  Diagnostics d;
  const Bulletin b =
      read_long(kEventStart +
                    "EVENT SCREENING\n"
                    "SO/Offsh 1.20 -0.35 2.10 0.50 3.25 120.5 80.2 12.5 4.5 1.23 0.45 0.85 3500 1\n"
                    "HYDROACOUSTIC SCREENING\n"
                    "H08S 1.55 12.30 0.02\n",
                d);
  EXPECT_EQ(d.error_count(), 0u) << dump(d);
  EXPECT_EQ(d.size(), 2u) << dump(d);
  const EventScreening& s = b.events.at(0).screening;
  EXPECT_EQ(s.summary->category, "SO");
  EXPECT_EQ(s.summary->location, "Offsh");
  EXPECT_EQ(s.summary->minimum_water_depth, 3500.0);
  EXPECT_EQ(s.summary->clear_path, true);
  EXPECT_EQ(s.hydroacoustic->at(0), (HydroacousticScreening{"H08S", 1.55, 12.30, 0.02}));
}

TEST(BulletinScreening, BadValuesAreErrorsAtTheirColumn) {
  Diagnostics d;
  read_long(kEventStart +
                "EVENT SCREENING\n"
                "SO/Offsh   1.20  -0.35   2.1O\n"
                "REGIONAL SCREENING\n"
                "ASAR     0.45  -0.10   0.05\n"
                "FREQUENCY-DEPENDENT PHASE AMPLITUDE BLOCK 1 2\n",
            d);
  ASSERT_EQ(d.error_count(), 2u) << dump(d);
  EXPECT_EQ(d.items()[0].line, 10);
  EXPECT_EQ(d.items()[0].column, 26);
  EXPECT_EQ(d.items()[1].line, 13);
  EXPECT_EQ(d.items()[1].column, 43);
}

TEST(BulletinScreening, ClearPathIsOneOrZero) {
  Diagnostics d;
  read_long(kEventStart +
                "EVENT SCREENING\n"
                "NC/Onsh                                                                                     "
                "             "
                "2\n",
            d);
  ASSERT_EQ(d.error_count(), 1u) << dump(d);
  EXPECT_EQ(d.items()[0].column, 106);
}

TEST(BulletinScreening, TitlesAreWholeWords) {
  EXPECT_EQ(screening_title("EVENT SCREENING"), ScreeningSubBlock::summary);
  EXPECT_EQ(screening_title("Third Moment of Frequency "), ScreeningSubBlock::third_moment);
  EXPECT_EQ(screening_title("FREQUENCY-DEPENDENT PHASE AMPLITUDE BLOCK   1 of   3"),
            ScreeningSubBlock::phase_amplitude);
  EXPECT_EQ(screening_title("COMPLEXITYX"), std::nullopt);
  EXPECT_EQ(screening_title("EVENT 12345 SCREENING"), std::nullopt);
}

}  // namespace
}  // namespace imsgate::ims2::shi
