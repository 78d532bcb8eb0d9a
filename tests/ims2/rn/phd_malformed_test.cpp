// A catalogue of malformed PHDs, each with its diagnostic (line, column, severity, rule); models built in
// code; writer errors; robustness.
#include <random>

#include <gtest/gtest.h>

#include "ims2/rn/phd.hpp"
#include "phd_test_support.hpp"

namespace imsgate::ims2::rn {
namespace {

using namespace testing;

// A small complete particulate SAMPLEPHD. Its DATA_TYPE line is line 1, so "#Header 3" is line 2.
const std::string kValid =
    "#Header 3\n"
    "AUP09 AUP09_007 P 50mmX4.5mmDisk FULL\n"
    "09202111300611\n"
    "AUP09_007-2021/12/02-06:37:11.0 AUP09_007-2021/06/28-01:06:00.0 0\n"
    "2021/12/03 05:07:00\n"
    "#Comment\n"
    "A test sample\n"
    "#Collection\n"
    "2021/11/30 06:05:34 2021/12/01 06:13:26 20707\n"
    "#Acquisition\n"
    "2021/12/02 06:37:11 80954 80676\n"
    "#g_Energy\n"
    "59.541 173.42 0\n"
    "88.034 256.77 0\n"
    "122.061 356.29 0\n"
    "661.657 1933.7 0\n"
    "1332.492 3899.16 0\n"
    "#g_Resolution\n"
    "59.541 0.897 0\n"
    "88.034 0.895 0\n"
    "122.061 0.945 0\n"
    "661.657 1.4 0\n"
    "1332.492 2.186 0\n"
    "#g_Efficiency\n"
    "59.541 0.0055 0.00014\n"
    "88.034 0.0597 0.00122\n"
    "122.061 0.1152 0.00203\n"
    "661.657 0.05 0.001\n"
    "1332.492 0.0355 0.00065\n"
    "#g_Spectrum\n"
    "12 2800\n"
    "1 0 3 5 2 1\n"
    "6 7 0 0 1 2\n"
    "11 4 9\n";

std::string replaced(std::string text, std::string_view from, std::string_view to) {
  const auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

Read read_text(const std::string& body, std::string_view type = "SAMPLEPHD", Mode mode = Mode::lenient) {
  return read(section_from(type, body), mode);
}

// The one diagnostic of a reading, checked field by field.
void expect_only(const Read& r, Severity severity, int line, int column, std::string_view message,
                 std::string_view rule) {
  ASSERT_EQ(r.diagnostics.size(), 1u) << describe(r.diagnostics);
  const Diagnostic& d = r.diagnostics.items()[0];
  EXPECT_EQ(d.severity, severity);
  EXPECT_EQ(d.line, line);
  EXPECT_EQ(d.column, column);
  EXPECT_EQ(d.message, message);
  EXPECT_EQ(d.rule, rule);
}

TEST(PhdMalformed, TheValidMessageIsClean) {
  const Read r = read_text(kValid);
  EXPECT_TRUE(r.diagnostics.empty()) << describe(r.diagnostics);
  const Phd& p = r.section.products.at(0);
  EXPECT_EQ(p.g_spectrum->counts, (std::vector<std::int64_t>{0, 3, 5, 2, 1, 7, 0, 0, 1, 2, 4, 9}));
  EXPECT_TRUE(p.order.empty());  // Table 57's order
  expect_round_trip(r.section);
}

TEST(PhdMalformed, MissingRequiredBlock) {
  const std::string text = replaced(kValid,
                                    "#g_Resolution\n59.541 0.897 0\n88.034 0.895 0\n122.061 0.945 0\n"
                                    "661.657 1.4 0\n1332.492 2.186 0\n",
                                    "");
  expect_only(read_text(text), Severity::error, 3, 1,
              "#g_Resolution is required in a particulate (P) SAMPLEPHD (Table 57)", "7.2");
}

TEST(PhdMalformed, BlankLineOutsideTheComment) {
  const std::string text = replaced(kValid, "88.034 256.77 0\n", "88.034 256.77 0\n\n");
  expect_only(read_text(text), Severity::warning, line_of(text, "88.034 256.77") + 1, 1,
              "blank line: radionuclide data messages have none outside free text", "3.5.5");
  EXPECT_TRUE(read_text(replaced(kValid, "A test sample\n", "A test\n\nsample\n")).diagnostics.empty());
}

TEST(PhdMalformed, TooFewCalibrationRecords) {
  const std::string text = replaced(kValid, "88.034 256.77 0\n", "");
  expect_only(read_text(text), Severity::error, line_of(text, "#g_Energy"), 1,
              "#g_Energy has 4 data records: at least 5", "7.2.11");
}

TEST(PhdMalformed, TruncatedSpectrum) {
  const std::string text = replaced(kValid, "11 4 9\n", "");
  const Read r = read_text(text);
  expect_only(r, Severity::error, line_of(text, "6 7 0"), 1, "#g_Spectrum ends after 10 of its 12 channels",
              "7.2.11");
  EXPECT_EQ(r.section.products[0].g_spectrum->channels(), 12u);  // zero where data are missing
  EXPECT_EQ(r.section.products[0].g_spectrum->counts[11], 0);
}

TEST(PhdMalformed, SpectrumPaddingAndOverflow) {
  EXPECT_TRUE(read_text(replaced(kValid, "11 4 9\n", "11 4 9 0 0 0\n")).diagnostics.empty());
  const std::string text = replaced(kValid, "11 4 9\n", "11 4 9 0 6\n");
  expect_only(read_text(text), Severity::error, line_of(text, "11 4 9"), 10,
              "count 6 at channel 14, past the 12 channels of the header", "7.2.11");
}

TEST(PhdMalformed, SpectrumLineOutOfStep) {
  const std::string text = replaced(kValid, "6 7 0 0 1 2\n", "7 7 0 0 1 2\n");
  const Read r = read_text(text);
  ASSERT_GE(r.diagnostics.size(), 1u);
  const Diagnostic& d = r.diagnostics.items()[0];
  EXPECT_EQ(d.line, line_of(text, "7 7 0"));
  EXPECT_EQ(d.column, 1);
  EXPECT_EQ(d.message, "channel 7: the previous line gives channel 6 (5 counts per line)");
  const std::string short_line = replaced(kValid, "1 0 3 5 2 1\n", "1 0 3 5 2\n");
  expect_only(read_text(short_line), Severity::error, line_of(short_line, "1 0 3 5 2"), 1,
              "a spectrum line has 5 counts; only the last may have fewer", "7.2.11");
}

TEST(PhdMalformed, TextInANumericField) {
  const std::string text = replaced(kValid, "122.061 356.29 0\n", "122.061 3S6.29 0\n");
  const Read r = read_text(text);
  ASSERT_EQ(r.diagnostics.size(), 2u) << describe(r.diagnostics);
  const Diagnostic& d = r.diagnostics.items()[0];
  EXPECT_EQ(d.severity, Severity::error);
  EXPECT_EQ(d.line, line_of(text, "122.061 3S6"));
  EXPECT_EQ(d.column, 9);
  EXPECT_EQ(d.message, "'3S6.29' is not a valid centroid channel: expected a number");
  EXPECT_EQ(d.rule, "7.2.11");
  EXPECT_EQ(r.diagnostics.items()[1].message,
            "#g_Energy has 4 data records: at least 5");  // the line is left out

  const std::string count = replaced(kValid, "6 7 0 0 1 2\n", "6 7 0 x1 1 2\n");
  expect_only(read_text(count), Severity::error, line_of(count, "6 7 0 x1"), 7,
              "'x1' is not a valid count: expected an integer from 0 to 9999999999", "7.2.11");
  const std::string negative = replaced(kValid, "6 7 0 0 1 2\n", "6 7 0 -3 1 2\n");
  EXPECT_EQ(read_text(negative).diagnostics.items().at(0).message,
            "'-3' is not a valid count: expected an integer from 0 to 9999999999");
}

TEST(PhdMalformed, MoreDigitsThanTheFieldKeeps) {
  const std::string text = replaced(kValid, "2021/12/01 06:13:26 20707", "2021/12/01 06:13:26.25 20707");
  expect_only(read_text(text), Severity::warning, line_of(text, "2021/11/30 06:05:34"), 21,
              "the collection stop time has more decimals than the field keeps: written as "
              "'2021/12/01 06:13:26.3'",
              "7.2.11");
  const std::string more = kValid + "#Sample\n5.125 0.5\n";
  expect_only(read_text(more), Severity::warning, line_of(more, "5.125"), 1,
              "'5.125' has more digits than the sample dimension 1 keeps (columns 1-5): written as '5.12'",
              "7.2.11");
}

TEST(PhdMalformed, SpectrumHeaderOutOfRangeAndEmptyLines) {
  const std::string span = replaced(kValid, "12 2800\n", "12 12800\n");
  const Read r = read_text(span);
  ASSERT_GE(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics.items()[0].message, "energy span 12800: the span is from 0 to 9999 keV (i4)");
  EXPECT_TRUE(r.section.products[0].g_spectrum->counts.empty());
  const std::string bare = replaced(kValid, "11 4 9\n", "11 4 9\n16\n");
  const Read b = read_text(bare);
  EXPECT_EQ(count_if(b.diagnostics, Severity::error, "a spectrum line with a channel number and no counts"),
            1u);
  EXPECT_EQ(b.diagnostics.items().back().line, line_of(bare, "16"));
}

TEST(PhdMalformed, CollectionAfterAcquisition) {
  const std::string text = replaced(kValid, "2021/12/01 06:13:26 20707", "2021/12/02 07:13:26 20707");
  expect_only(read_text(text), Severity::error, line_of(text, "2021/12/02 06:37:11 80954"), 1,
              "the acquisition starts before the collection stops", "7.2.11");
  const std::string reversed =
      replaced(kValid, "2021/11/30 06:05:34 2021/12/01", "2021/12/01 07:05:34 2021/12/01");
  const Read r = read_text(reversed);
  EXPECT_EQ(count_if(r.diagnostics, Severity::error, "the collection stops before it starts"), 1u);
}

TEST(PhdMalformed, LiveTimeLongerThanRealTime) {
  const std::string text = replaced(kValid, "80954 80676", "80676 80954");
  expect_only(read_text(text), Severity::error, line_of(text, "2021/12/02 06:37:11"), 1,
              "live time 80954 s is longer than the real time 80676 s", "7.2.11");
}

TEST(PhdMalformed, UnknownSystemTypeAndQualifier) {
  const std::string text = replaced(kValid, "AUP09_007 P 50mm", "AUP09_007 X 50mm");
  const Read r = read_text(text);
  ASSERT_GE(r.diagnostics.size(), 1u);
  const Diagnostic& d = r.diagnostics.items()[0];
  EXPECT_EQ(d.line, 3);
  EXPECT_EQ(d.column, 17);
  EXPECT_EQ(d.message, "'X' is not a valid system type: expected P, G or B");
  expect_only(read_text(replaced(kValid, "50mmX4.5mmDisk FULL", "50mmX4.5mmDisk HALF")), Severity::error, 3,
              34, "'HALF' is not a valid spectral qualifier: expected PREL or FULL", "7.2.11");
  expect_only(read_text(kValid, "SPHDP"), Severity::warning, 3, 1, "a SPHDP section holds a FULL spectrum",
              "4.7.30");
}

TEST(PhdMalformed, MidOfAnotherDetectorOrTime) {
  expect_only(
      read_text(replaced(kValid, "AUP09_007-2021/12/02-06:37:11.0 ", "AUP09_008-2021/12/02-06:37:11.0 ")),
      Severity::error, 5, 1, "MID 'AUP09_008-2021/12/02-06:37:11.0' is not of detector AUP09_007", "7.2.10");
  expect_only(
      read_text(replaced(kValid, "AUP09_007-2021/12/02-06:37:11.0 ", "AUP09_007-2021/12/02-06:39 ")),
      Severity::error, 5, 1,
      "MID 'AUP09_007-2021/12/02-06:39' gives another time than the acquisition start 2021/12/02 06:37:11.0",
      "7.2.10");
  const Read spaced =
      read_text(replaced(kValid, "AUP09_007-2021/12/02-06:37:11.0 ", "AUP09_007 -2021/12/02 -06:37:11.0 "));
  expect_only(spaced, Severity::warning, 5, 1, "blanks inside a MID: read without them", "7.2.10");
  EXPECT_EQ(spaced.section.products[0].header.mid, "AUP09_007-2021/12/02-06:37:11.0");
}

TEST(PhdMalformed, SridOfAnotherDataType) {
  const std::string blank =
      replaced(kValid, "#Collection\n2021/11/30 06:05:34 2021/12/01 06:13:26 20707\n", "");
  expect_only(read_text(blank, "BLANKPHD"), Severity::warning, 4, 1,
              "SRID '09202111300611' is not of the form cc00000000xxxx of a BLANKPHD", "7.2.3");
  expect_only(read_text(replaced(kValid, "09202111300611", "09202111300611X")), Severity::warning, 4, 1,
              "SRID '09202111300611X' has a suffix: particulate (P) systems add none", "7.2.1");
  expect_only(read_text(replaced(kValid, "09202111300611", "09202111250611")), Severity::warning, 4, 1,
              "SRID '09202111250611' gives the collection start hour 2021112506: the collection starts at "
              "2021/11/30 06:05:34.0",
              "7.2.1");
  const Read strict = read_text(blank, "BLANKPHD", Mode::strict);
  EXPECT_EQ(strict.diagnostics.items().at(0).severity, Severity::error);
}

TEST(PhdMalformed, BlockNotUsedAndPhdOfTheWrongSystem) {
  const std::string text = kValid + "#Processing\n0.5 0.1\n1\n";
  expect_only(read_text(text), Severity::warning, line_of(text, "#Processing"), 1,
              "#Processing is not used in a particulate (P) SAMPLEPHD (Table 57): kept", "7.2");
  const Read gas = read_text(kValid, "GASBKPHD");
  EXPECT_EQ(count_if(gas.diagnostics, Severity::error,
                     "a GASBKPHD comes from a beta-gamma (B) system only, not a particulate (P) one"),
            1u);
}

TEST(PhdMalformed, SecondCommentAndDuplicateBlocks) {
  const std::string text = kValid + "#Comment\nmore\n#g_Energy\n1 2 3\n";
  const Read r = read_text(text);
  ASSERT_EQ(r.diagnostics.size(), 2u) << describe(r.diagnostics);
  EXPECT_EQ(r.diagnostics.items()[0].message,
            "a second #Comment in one PHD: its lines are added to the first");
  EXPECT_EQ(r.diagnostics.items()[0].severity, Severity::warning);
  EXPECT_EQ(r.diagnostics.items()[1].message, "a second #g_Energy in one PHD: ignored");
  EXPECT_EQ(r.diagnostics.items()[1].line, static_cast<int>(lines_of(kValid).size()) + 4);
  EXPECT_EQ(r.section.products[0].comment->lines, (std::vector<std::string>{"A test sample", "more"}));
}

TEST(PhdMalformed, HeaderWithTooFewRecords) {
  const std::string text = replaced(kValid, "2021/12/03 05:07:00\n", "");
  const Read r = read_text(text);
  EXPECT_EQ(r.diagnostics.items().at(0).message, "#Header has 4 records: Table 58 gives 5");
  EXPECT_EQ(r.diagnostics.items().at(0).line, 2);
}

// Beta-gamma checks on the real sample file, changed in one place each.
class PhdMalformedBetaGamma : public ::testing::Test {
 protected:
  std::string text_ = sections_of(real_text("SAMPLE20211203070613605.PHD")).at(0).body;
  Read read_changed(std::string_view from, std::string_view to) {
    return read_text(replaced(text_, from, to));
  }
};

TEST_F(PhdMalformedBetaGamma, HistogramRowOfTheWrongLength) {
  const std::string histogram = text_.substr(text_.find("#Histogram"));  // lines_of gives views into it
  const auto rows = lines_of(histogram);
  const std::string row(rows[2]);  // the first row
  const std::string shorter = row.substr(0, row.rfind("0 ")) + "\n";
  const std::string text = replaced(text_, row + "\n", shorter);
  const Read r = read_text(text);
  const int line = line_of(text, "#Histogram") + 2;
  ASSERT_EQ(r.diagnostics.size(), 5u) << describe(r.diagnostics);  // and the 4 glued-name warnings
  const Diagnostic& d = r.diagnostics.items()[4];
  EXPECT_EQ(d.severity, Severity::error);
  EXPECT_EQ(d.line, line);
  EXPECT_EQ(d.column, 1);
  EXPECT_EQ(d.message, "histogram row 1 has 255 values: the header gives 256");
  EXPECT_EQ(d.rule, "7.2.11");
}

TEST_F(PhdMalformedBetaGamma, HistogramWithARowTooMany) {
  std::string row;
  for (int i = 0; i < 256; ++i) row += "0 ";
  const std::string text = text_ + row + "\n";
  const Read r = read_text(text);
  EXPECT_EQ(count_if(r.diagnostics, Severity::error, "more than the 256 rows of the #Histogram header"), 1u);
}

TEST_F(PhdMalformedBetaGamma, RoiLimitsAndEfficiencies) {
  const Read seven = read_changed("10 29.800000  166.000000 19.250000  41.030000 \n", "");
  EXPECT_EQ(count_if(seven.diagnostics, Severity::error, "#ROI_Limits has 9 data records: 6 or 10"), 1u);
  EXPECT_EQ(
      count_if(seven.diagnostics, Severity::error, "refers to ROI 10, which #ROI_Limits does not define"),
      1u);
  const Read twice = read_changed("10 29.800000  166.000000", "9 29.800000  166.000000");
  EXPECT_EQ(count_if(twice.diagnostics, Severity::error, "ROI 9 is given twice"), 1u);
  const Read no_xenon = read_changed("XE-135     2", "XE-133     2");
  EXPECT_EQ(count_if(no_xenon.diagnostics, Severity::error, "#b-gEfficiency has no record for XE-135"), 1u);
  const Read bad_mode = read_changed("79.020000        C 21.2", "79.020000        Q 21.2");
  EXPECT_EQ(count_if(bad_mode.diagnostics, Severity::error, "'Q' is not a valid decay mode: expected B or C"),
            1u);
}

TEST(PhdModel, BuiltInCodeIsWrittenInTable57OrderAndReadsBackEqual) {
  Phd p;
  p.header.station = "AUP09";
  p.header.detector = "AUP09_007";
  p.header.geometry = "RASA";
  p.header.srid = "09202111300611";
  p.header.mid = "AUP09_007-2021/12/02-06:37:11.0";
  p.header.transmitted = time_of("2021/12/03", "05:07:00");
  p.g_spectrum = Spectrum{2800, 1, {1, 2, 3, 4, 5, 6, 7}};
  p.certificate =
      Certificate{100,
                  time_of("2020/01/01", "00:00:00"),
                  {CertificateLine{"CO-60", "5.27 Y", 10, 1.5, 1173.2, 99.85, DecayMode::beta, 317.9, 99.9}}};
  p.calibration = PhdCalibration{time_of("2021/01/01", "10:00:00")};
  p.acquisition = PhdAcquisition{time_of("2021/12/02", "06:37:11"), 100, 90};
  p.verbatim_blocks.push_back({"#Extra block", {"kept as it is"}});
  const PhdSection s{PhdType::sample, {p}, {time_of("2021/12/10", "09:14:00")}};
  const auto text = write_phd_section(s);
  ASSERT_TRUE(text) << text.error();
  EXPECT_EQ(*text,
            "TIME_STAMP 2021/12/10 09:14:00\n"
            "#Header 3\n"
            "AUP09 AUP09_007 P RASA              FULL\n"
            "09202111300611\n"
            "AUP09_007-2021/12/02-06:37:11.0 0                               0\n"
            "2021/12/03 05:07:00.0\n"
            "#Acquisition\n"
            "2021/12/02 06:37:11.0            100             90\n"
            "#g_Spectrum\n"
            "    7 2800\n"
            "    1          1          2          3          4          5\n"
            "    6          6          7\n"
            "#Calibration\n"
            "2021/01/01 10:00:00.0\n"
            "#Certificate\n"
            "       100 2020/01/01 00:00:00.0\n"
            "CO-60    5.27 Y          10.000   1.500 1173.200  99.850 B  317.900  99.900\n"
            "#Extra block\n"
            "kept as it is\n");
  expect_round_trip(s);
}

TEST(PhdModel, WriterErrors) {
  const Read r = read_text(kValid);
  PhdSection s = r.section;
  s.products[0].g_spectrum->counts[3] = 12345678901;
  EXPECT_EQ(write_phd_section(s).error(), "count '12345678901' does not fit in columns 40-49");
  s = r.section;
  s.products[0].header.geometry = "a geometry of more than 17";
  EXPECT_EQ(write_phd_section(s).error(),
            "sample geometry 'a geometry of more than 17' does not fit in columns 19-35");
  s = r.section;
  s.products[0].comment->lines.push_back("#not a block");
  EXPECT_EQ(write_phd_section(s).error(), "comment line '#not a block' would end the block");
  s = r.section;
  s.products[0].histogram = Histogram{1, 300, 700, 500, std::vector<std::int64_t>(300, 1234)};
  EXPECT_EQ(write_phd_section(s).error(), "histogram row 1 is 1499 characters long: the limit is 1024");
  s.products[0].histogram = Histogram{2, 2, 700, 500, {1, 2, 3}};
  EXPECT_EQ(write_phd_section(s).error(), "#Histogram holds 3 counts: its header gives 2 x 2");
}

TEST(PhdRobustness, DamagedInputNeverCrashes) {
  const std::string base = sections_of(real_text("SAMPLE20211203070613605.PHD")).at(0).body;
  std::mt19937 rng(1);
  const std::string alphabet = "0123456789 #\n-:./ABXx";
  for (int round = 0; round < 300; ++round) {
    std::string text = round % 2 ? base : kValid;
    const int edits = 1 + static_cast<int>(rng() % 20);
    for (int i = 0; i < edits; ++i) {
      const std::size_t at = rng() % text.size();
      switch (rng() % 3) {
        case 0:
          text[at] = alphabet[rng() % alphabet.size()];
          break;
        case 1:
          text.erase(at, rng() % 50);
          break;
        default:
          text.insert(at, std::string(1 + rng() % 5, alphabet[rng() % alphabet.size()]));
          break;
      }
      if (text.empty()) text = "#";
    }
    Diagnostics d;
    const auto s = read_phd_section(section_from("SAMPLEPHD", text), d);
    ASSERT_TRUE(s);
    const auto written = write_phd_section(*s);  // an error or a text, never a crash
    if (written) {
      Diagnostics again;
      const auto reread = read_phd_section(section_from("SAMPLEPHD", *written), again);
      ASSERT_TRUE(reread);
      // What reads without a word is written so that it reads back the same (the fuzzers' promise).
      if (d.empty()) {
        EXPECT_EQ(*reread, *s) << text;
      }
    }
  }
  Diagnostics d;
  const auto huge = read_phd_section(
      section_from("SAMPLEPHD", "#Header\n#Histogram\n99999 99999 1 1\n#g_Spectrum\n999999 1\n"), d);
  ASSERT_TRUE(huge);
  EXPECT_TRUE(huge->products[0].histogram->counts.empty());
  EXPECT_TRUE(huge->products[0].g_spectrum->counts.empty());
}

}  // namespace
}  // namespace imsgate::ims2::rn
