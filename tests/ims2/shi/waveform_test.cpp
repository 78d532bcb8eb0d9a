#include "ims2/shi/waveform.hpp"

#include <gtest/gtest.h>

#include "ims2/message.hpp"
#include "ims2/shi/waveform_stream.hpp"
#include "test_paths.hpp"

namespace imsgate::ims2::shi {
namespace {

struct ReadFile {
  std::vector<WaveformSegment> segments;
  Diagnostics diagnostics;
};

ReadFile read_real(const std::string& name) {
  ReadFile out;
  const std::string text = testing::read_file(testing::real_dir() / "obspy-gse2" / name);
  WaveformStream stream(text, out.diagnostics);
  while (auto block = stream.next()) out.segments.push_back(std::get<WaveformSegment>(*block));
  return out;
}

bool has(const Diagnostics& d, Severity s, std::string_view fragment) {
  for (const auto& x : d)
    if (x.severity == s && x.message.find(fragment) != std::string::npos) return true;
  return false;
}

std::vector<std::int32_t> head(const std::vector<std::int32_t>& v, std::size_t n) {
  return {v.begin(), v.begin() + n};
}

}  // namespace

TEST(Waveform, ReadsARealCm6SegmentWithItsHeaders) {
  const auto r = read_real("loc_RJOB20050831023349.z");
  EXPECT_FALSE(r.diagnostics.has_errors());
  ASSERT_EQ(r.segments.size(), 1u);
  const auto& s = r.segments[0];
  EXPECT_EQ(write_fixed_date_time(s.wid2.start, 3), "2005/08/31 02:33:49.850");
  EXPECT_EQ(s.wid2.station, "RJOB");
  EXPECT_EQ(s.wid2.channel, "Z");
  EXPECT_EQ(s.wid2.aux_id, "RJOB");
  EXPECT_EQ(s.wid2.subformat, "CM6");
  EXPECT_EQ(s.wid2.sample_count, 12000);
  EXPECT_DOUBLE_EQ(s.wid2.sample_rate, 200.0);
  EXPECT_DOUBLE_EQ(*s.wid2.calib, 9.49e-02);
  EXPECT_DOUBLE_EQ(*s.wid2.hang, -1.0);
  ASSERT_EQ(s.samples.size(), 12000u);
  EXPECT_EQ(head(s.samples, 13), (std::vector<std::int32_t>{12, -10, 16, 33, 9, 26, 16, 7, 17, 6, 1, 3, -2}));
  EXPECT_EQ(s.checksum.computed, 720u);
  EXPECT_EQ(s.checksum.stored, 720);
}

TEST(Waveform, WrongChecksumIsAnErrorWithBothValues) {
  const auto r = read_real("loc_RJOB20050831023349.z.wrong_chksum");
  ASSERT_EQ(r.segments.size(), 1u);
  EXPECT_TRUE(
      has(r.diagnostics, Severity::error, "CHK2 mismatch: the message says 999, the samples give 720"));
  EXPECT_EQ(r.diagnostics.items().back().line, 238);
}

TEST(Waveform, CrlfAndPaddedLinesAndNoSta2) {
  const auto r = read_real("loc_RJOB20050831023349_first100_dos.z");
  EXPECT_FALSE(r.diagnostics.has_errors());
  EXPECT_TRUE(has(r.diagnostics, Severity::warning, "STA2 is missing"));
  ASSERT_EQ(r.segments.size(), 1u);
  EXPECT_EQ(r.segments[0].checksum.computed, 350u);
  const auto full = read_real("loc_RJOB20050831023349.z");
  EXPECT_EQ(r.segments[0].samples, head(full.segments[0].samples, 100));
}

TEST(Waveform, SignedChecksumIsAcceptedWithAWarning) {
  const auto r = read_real("sta2.gse2");
  EXPECT_FALSE(r.diagnostics.has_errors());
  EXPECT_TRUE(has(r.diagnostics, Severity::warning, "CHK2 written signed (-4514)"));
  EXPECT_EQ(r.segments.at(0).checksum.computed, 4514u);
}

TEST(Waveform, DataLineStartingWithChk2IsData) {
  const auto r = read_real("twiceCHK2.gse2");
  EXPECT_FALSE(r.diagnostics.has_errors());
  const auto& samples = r.segments.at(0).samples;
  ASSERT_EQ(samples.size(), 750u);
  EXPECT_EQ(std::vector<std::int32_t>(samples.end() - 4, samples.end()),
            (std::vector<std::int32_t>{-139, -153, -169, -156}));
}

TEST(Waveform, IntSubformatFile) {
  const auto r = read_real("boa___00_07a.gse");
  EXPECT_FALSE(r.diagnostics.has_errors());
  const auto& s = r.segments.at(0);
  EXPECT_EQ(s.wid2.station, "BBOA");
  EXPECT_EQ(s.wid2.subformat, "INT");
  EXPECT_EQ(write_fixed_date_time(s.wid2.start, 3), "1990/04/07 00:07:33.000");
  EXPECT_DOUBLE_EQ(*s.wid2.calib, 0.313);
  ASSERT_EQ(s.samples.size(), 6784u);
  EXPECT_EQ(head(s.samples, 10), (std::vector<std::int32_t>{-4, -4, 1, 3, 2, -3, -6, -4, 2, 5}));
}

TEST(Waveform, BrokenHeaderIsReportedNotCrashed) {
  const auto r = read_real("broken_head.gse2");
  EXPECT_TRUE(has(r.diagnostics, Severity::error, "expected CHK2 after the 0 samples announced by WID2"));
}

TEST(Waveform, Gse1IsRefusedClearly) {
  for (const char* name :
       {"loc_STAU20031119011659.z", "GRF_031102_0225.GSE.wrong_chksum", "acc.gse", "y2000.gse"}) {
    const auto r = read_real(name);
    EXPECT_TRUE(r.segments.empty()) << name;
    EXPECT_TRUE(
        has(r.diagnostics, Severity::error, "GSE1 waveform files (XW01, WID1, DAT1) are not supported"))
        << name;
  }
}

TEST(Waveform, Sta2LinesOffTheirColumns) {
  // Expected values: ObsPy's test_parse_sta2 for the same lines.
  struct Expected {
    std::string network;
    double lat, lon;
    std::string system;
    double elev, depth;
  };
  const std::vector<Expected> expected = {{"ABCD", 37.12345, 12.12345, "WGS-84", -290.0, 0.0},
                                          {"ABCD", -37.12345, 12.12345, "WGS-84", -50.0, 0.0},
                                          {"ABCD", 7.1234, 2.12345, "WGS-84", -2480.0, 0.0},
                                          {"ABCD", 37.12345, 2.1234, "WGS-84", -2480.0, 0.0},
                                          {"ABCD", -7.1234, 2.123, "WGS-84", -2480.0, 0.0},
                                          {"ABCD", 36.12345, -12.12345, "WGS-84", 1.816, 0.0},
                                          {"abcdef", 37.12345, -112.12345, "WGS84", 0.254, 0.002},
                                          {"ABCD", 37.12345, 12.12345, "WGS-84", -240000.0, 0.0},
                                          {"ABCD", 12.12345, 1.12345, "WGS-84", -123.456, 1.234},
                                          {"", -99.0, -999.0, "", -0.999, -0.999},
                                          {"", -99.0, -999.0, "", -0.999, -0.999}};
  const std::string text = testing::read_file(testing::real_dir() / "obspy-gse2/STA2.testlines");
  LineReader lines(text);
  for (const auto& e : expected) {
    auto line = lines.next();
    ASSERT_TRUE(line);
    Diagnostics d;
    const Sta2 sta = read_sta2(*line, d);
    EXPECT_FALSE(d.has_errors()) << line->text;
    EXPECT_EQ(sta.network, e.network) << line->text;
    EXPECT_DOUBLE_EQ(*sta.latitude, e.lat) << line->text;
    EXPECT_DOUBLE_EQ(*sta.longitude, e.lon) << line->text;
    EXPECT_EQ(sta.coordinate_system, e.system) << line->text;
    EXPECT_DOUBLE_EQ(*sta.elevation, e.elev) << line->text;
    EXPECT_DOUBLE_EQ(*sta.depth, e.depth) << line->text;
  }
}

TEST(Waveform, WriterGivesTheSpecLayoutAndReadsBack) {
  WaveformSegment s;
  s.wid2.start = TimePoint{std::chrono::seconds{1638360000}};  // 2021/12/01 12:00:00
  s.wid2.station = "FIA0";
  s.wid2.channel = "SHZ";
  s.wid2.subformat = "INT";
  s.wid2.sample_rate = 40.0;
  s.wid2.calib = 2.58e-03;
  s.wid2.calper = 0.333;
  s.wid2.instrument = "S-13";
  s.wid2.hang = -1.0;
  s.wid2.vang = 0.0;
  s.sta2 = Sta2{"FINES", 61.44363, 26.07713, "WGS-84", 0.150, 0.000};
  s.samples = {4249, 4178, 4042, -873, 0};
  auto text = write_waveform({{s}});
  ASSERT_TRUE(text) << text.error();
  // Columns as in Tables 22-25 (the WID2 and STA2 lines of App. I.42, which are column-exact).
  EXPECT_EQ(*text,
            "WID2 2021/12/01 12:00:00.000 FIA0  SHZ      INT        5   40.000000   2.58e-03   0.333 S-13    "
            "-1.0  0.0\n"
            "STA2 FINES      61.44363   26.07713 WGS-84       0.150 0.000\n"
            "DAT2\n"
            "4249 4178 4042 -873 0\n"
            "CHK2    11596\n");  // 4249 + 4178 + 4042 - 873
  DataSection section{{"WAVEFORM", "", "IMS2.0", "INT"}, *text, {1}};
  Diagnostics d;
  const Waveform back = read_waveform(section, d);
  EXPECT_TRUE(d.empty());
  ASSERT_EQ(back.blocks.size(), 1u);
  s.wid2.sample_count = 5;
  s.checksum = {11596, 11596};
  EXPECT_EQ(std::get<WaveformSegment>(back.blocks[0]), s);
}

TEST(Waveform, CsfIsWrittenFromSamplesAsUnsignedSubframesAndReadsBack) {
  WaveformSegment s;
  s.wid2.start = TimePoint{std::chrono::milliseconds{1638360000250}};  // 2021/12/01 12:00:00.250
  s.wid2.station = "RJOB";
  s.wid2.channel = "SHZ";
  s.wid2.aux_id = "01";
  s.wid2.subformat = "CSF";
  s.wid2.sample_rate = 2.0;  // 25 samples: subframes of 20 and 5
  for (int i = 0; i < 25; ++i) s.samples.push_back(i % 2 ? INT32_MIN + i : INT32_MAX - i);
  auto text = write_waveform({{s}});
  ASSERT_TRUE(text) << text.error();
  DataSection section{{"WAVEFORM", "", "IMS2.0", "CSF"}, *text, {1}};
  Diagnostics d;
  const Waveform back = read_waveform(section, d);
  EXPECT_FALSE(d.has_errors()) << (d.empty() ? "" : d.items()[0].message);
  ASSERT_EQ(back.blocks.size(), 1u);
  EXPECT_EQ(std::get<WaveformSegment>(back.blocks[0]).samples, s.samples);

  s.wid2.aux_id = "ABC";  // CD-1.1 has two characters for the location
  const auto refused = write_waveform({{s}});
  ASSERT_FALSE(refused);
  EXPECT_NE(refused.error().find("do not fit"), std::string::npos) << refused.error();
}

}  // namespace imsgate::ims2::shi
